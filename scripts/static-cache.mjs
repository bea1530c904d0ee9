// Answers compressed once for what cannot change while one build is served: prerendered pages and their RSC payloads,
// /_next/static files and public/ files. Next compresses every answer again on each request (gzip on the event loop:
// a 500 KB lesson page costs milliseconds of CPU each time, Pyodide's 9 MB WebAssembly file hundreds), which capped
// static pages at a fraction of what the same bytes sent compressed once can do (README, "Performance"). Here the
// first request's answer is taken from Next uncompressed, compressed once off the event loop (brotli and gzip) and
// kept with its headers; later requests are answered from memory, negotiating the encoding per request.
// Only answers that say they are static are kept: 200, an ETag or an immutable/year-long Cache-Control, no cookie.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import { LRUCache } from "lru-cache";

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** The request headers Next's answers vary on (its own Vary header, besides Accept-Encoding). */
const VARY_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-url"];
/** Hop-by-hop or per-request headers, never replayed from a kept answer. */
const NOT_KEPT = new Set(["x-request-id", "date", "connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding"]);
const COMPRESSIBLE = /^(text\/|application\/(javascript|json|wasm|manifest\+json|xml)|image\/svg\+xml)/;
/** Below this, compressing saves less than it costs; above the second, the best brotli level takes seconds. */
const MIN_COMPRESS_BYTES = 1024;
const BEST_LEVEL_UP_TO = 1024 * 1024;

/** Paths of the build's prerendered routes and of public/ files: the only candidates (besides /_next/static/). */
function staticPaths(dir) {
  const manifest = JSON.parse(readFileSync(path.join(dir, ".next", "prerender-manifest.json"), "utf8"));
  const paths = new Set(Object.entries(manifest.routes).filter(([, route]) => route.initialRevalidateSeconds === false).map(([route]) => route));
  const walk = (folder, prefix) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(folder, entry.name), `${prefix}/${entry.name}`);
      else paths.add(`${prefix}/${entry.name}`);
    }
  };
  walk(path.join(dir, "public"), "");
  return paths;
}

/** "br", "gzip" or null (identity), from Accept-Encoding: brotli first, a q=0 refuses. */
function chooseEncoding(accept) {
  const offered = new Map();
  for (const part of (accept ?? "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
    if (name) offered.set(name, q ? Number(q[1]) : 1);
  }
  const accepts = (name) => (offered.get(name) ?? offered.get("*") ?? 0) > 0;
  return accepts("br") ? "br" : accepts("gzip") ? "gzip" : null;
}

function keep(status, headers) {
  if (status !== 200 || headers["set-cookie"]) return false;
  const cacheControl = String(headers["cache-control"] ?? "");
  if (/private|no-store|no-cache/.test(cacheControl)) return false;
  return Boolean(headers.etag) || /immutable|s-maxage=31536000/.test(cacheControl);
}

async function entryOf(status, headers, body) {
  const kept = Object.fromEntries(Object.entries(headers).filter(([name]) => !NOT_KEPT.has(name)));
  const compressible = body.length >= MIN_COMPRESS_BYTES && COMPRESSIBLE.test(String(headers["content-type"] ?? ""));
  const encoded = {};
  if (compressible) {
    const best = body.length <= BEST_LEVEL_UP_TO;
    [encoded.br, encoded.gzip] = await Promise.all([
      brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: best ? 11 : 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
      gzipAsync(body, { level: best ? 9 : 6 }),
    ]);
    const vary = String(kept.vary ?? "");
    if (!/accept-encoding/i.test(vary)) kept.vary = vary ? `${vary}, Accept-Encoding` : "Accept-Encoding";
  }
  const size = body.length + (encoded.br?.length ?? 0) + (encoded.gzip?.length ?? 0) + 1024;
  return { status, headers: kept, identity: body, encoded, size };
}

function send(req, res, entry) {
  const etag = entry.headers.etag;
  if (etag && req.headers["if-none-match"] === etag) {
    res.writeHead(304, { etag, ...(entry.headers["cache-control"] ? { "cache-control": entry.headers["cache-control"] } : {}) });
    res.end();
    return;
  }
  const encoding = chooseEncoding(req.headers["accept-encoding"]);
  const body = (encoding && entry.encoded[encoding]) || entry.identity;
  res.writeHead(entry.status, { ...entry.headers, ...(body !== entry.identity ? { "content-encoding": encoding } : {}), "content-length": body.length });
  res.end(body);
}

/**
 * Collects what Next writes to `res` instead of sending it; `done` gets status, headers and body once Next ends.
 * Next writes through writeHead/setHeader, write and end (also when piping a stream), so these are the calls to hold.
 */
function capture(res, done) {
  const original = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders };
  const chunks = [];
  const add = (chunk, encoding) => {
    if (chunk !== undefined && chunk !== null && typeof chunk !== "function") chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8"));
  };
  res.writeHead = (status, ...rest) => {
    res.statusCode = status;
    const headers = rest.find((arg) => arg && typeof arg === "object");
    if (Array.isArray(headers)) {
      const pairs = Array.isArray(headers[0]) ? headers : headers.flatMap((_, i) => (i % 2 ? [] : [[headers[i], headers[i + 1]]]));
      for (const [name, value] of pairs) res.setHeader(name, value);
    } else if (headers) for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    return res;
  };
  res.flushHeaders = () => {};
  res.write = (chunk, encoding, callback) => {
    add(chunk, encoding);
    (typeof encoding === "function" ? encoding : callback)?.();
    return true;
  };
  res.end = (chunk, encoding, callback) => {
    add(chunk, encoding);
    Object.assign(res, original);
    done(res.statusCode, res.getHeaders(), Buffer.concat(chunks)).then(
      () => [chunk, encoding, callback].find((arg) => typeof arg === "function")?.(),
      (error) => res.destroy(error),
    );
    return res;
  };
}

/**
 * `handle(req, res, forward)`: answers from the cache, or lets `forward` (Next) answer and keeps what it said.
 * `maxBytes` bounds the memory it takes (request headers choose RSC variants, so the set of keys is not finite).
 */
export function staticCache({ dir, maxBytes = 128 * 1024 * 1024 }) {
  const paths = staticPaths(dir);
  const cache = new LRUCache({ maxSize: maxBytes, maxEntrySize: maxBytes / 4, sizeCalculation: (entry) => entry.size });
  const pending = new Map();
  const isStatic = (pathname) => pathname.startsWith("/_next/static/") || paths.has(pathname);

  return function handle(req, res, forward) {
    const pathname = (req.url ?? "/").split("?")[0];
    if (req.method !== "GET" || req.headers.range || !isStatic(pathname)) return forward();
    const key = [req.url, ...VARY_HEADERS.map((name) => req.headers[name] ?? "")].join("\n");
    const hit = cache.get(key);
    if (hit) return send(req, res, hit);
    // The same answer already on its way from Next (a burst of first requests): wait for it rather than render and
    // compress it again.
    const coming = pending.get(key);
    if (coming) return void coming.then((entry) => send(req, res, entry), () => forward());
    // A revalidation Next answers itself (a 304 has no body to keep).
    if (req.headers["if-none-match"]) return forward();
    const accept = req.headers["accept-encoding"];
    delete req.headers["accept-encoding"];
    let resolve, reject;
    const promise = new Promise((yes, no) => ([resolve, reject] = [yes, no]));
    pending.set(key, promise);
    promise.catch(() => {}).finally(() => pending.delete(key));
    // The client went away before Next finished (a navigation cancels its requests): Next stops writing, so nothing
    // is kept, and whoever waits for this answer asks Next itself.
    res.once("close", () => reject(new Error("closed before the answer was complete")));
    capture(res, async (status, headers, body) => {
      req.headers["accept-encoding"] = accept;
      try {
        const entry = await entryOf(status, headers, body);
        if (keep(status, headers)) cache.set(key, entry);
        resolve(entry);
        send(req, res, entry);
      } catch (error) {
        reject(error);
        throw error;
      }
    });
    return forward();
  };
}
