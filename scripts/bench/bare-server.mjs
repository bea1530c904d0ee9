// The baseline of the lesson-page figures: a bare node:http server that answers every request with the same bytes the
// app sent for a page, either compressing them on each request (as the app does) or sending bytes compressed once.
// A child process of its own, so the load generator and this server do not share one event loop (the app is another
// process too). Usage: node bare-server.mjs <file> <per-request|pre-compressed> <encoding: gzip|br|identity>
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const [file, mode, encoding] = process.argv.slice(2);
const body = readFileSync(file);
// The levels Node's zlib defaults to for gzip and the `compression` package Next uses; brotli at the level the app's
// static compression uses for pages (lib: scripts/serve.mjs).
const compress = (bytes) =>
  encoding === "gzip" ? gzipSync(bytes) : encoding === "br" ? brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }) : bytes;
const once = compress(body);
const headers = { "content-type": "text/html; charset=utf-8", ...(encoding === "identity" ? {} : { "content-encoding": encoding }) };

const server = createServer((_req, res) => {
  res.writeHead(200, headers);
  res.end(mode === "per-request" ? compress(body) : once);
});
server.listen(0, "127.0.0.1", () => console.log(`bare-server: ${server.address().port}`));
