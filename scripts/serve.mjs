// The production server (npm start, the end-to-end tests): Next's own request handler behind node:http, so that
// every request carries the address of the connection it came on. Route handlers cannot see the socket, and
// `next start` only fills in X-Forwarded-For when the client sent none, so a client could choose its own identity.
// Here the peer header is always overwritten with the socket's address (dropping anything the client sent under that
// name), and lib/http/client-address.ts believes that header only in a process started by this file.
// Each request also gets its id here (lib/http/request-id.ts reads it): a well-formed one the client or a proxy sent
// is kept, any other is replaced by a new UUID, and the answer carries it back for matching against the log.
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { staticCache } from "./static-cache.mjs";

// Both names are defined in lib/http/client-address.ts (PEER_HEADER, PEER_HEADER_ENV).
const PEER_HEADER = "x-backend-paths-peer";
// Both defined in lib/http/request-id.ts (REQUEST_ID_HEADER, REQUEST_ID_PATTERN).
const REQUEST_ID_HEADER = "x-request-id";
const REQUEST_ID_PATTERN = /^[\w.:-]{1,128}$/;
process.env.BACKEND_PATHS_PEER_HEADER = "1";
// As `next start` does, before Next is loaded.
process.env.NODE_ENV = "production";
const { default: next } = await import("next");

const port = Number(process.env.PORT ?? 3000);
const app = next({ dev: false, hostname: "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();
// Prerendered pages and static files, compressed once and answered from memory (scripts/static-cache.mjs).
const fromCache = staticCache({ dir: process.cwd() });

const server = createServer((req, res) => {
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
  const given = req.headers[REQUEST_ID_HEADER];
  const id = typeof given === "string" && REQUEST_ID_PATTERN.test(given) ? given : randomUUID();
  req.headers[REQUEST_ID_HEADER] = id;
  res.setHeader(REQUEST_ID_HEADER, id);
  fromCache(req, res, () => void handle(req, res));
});
// PORT=0 takes any free port; the line below says which (the end-to-end tests start extra servers that way).
server.listen(port, () => console.log(`serve: ready on http://localhost:${server.address().port}`));
