// The production server (npm start, the end-to-end tests): Next's own request handler behind node:http, so that
// every request carries the address of the connection it came on. Route handlers cannot see the socket, and
// `next start` only fills in X-Forwarded-For when the client sent none, so a client could choose its own identity.
// Here the peer header is always overwritten with the socket's address (dropping anything the client sent under that
// name), and lib/http/client-address.ts believes that header only in a process started by this file.
import { createServer } from "node:http";

// Both names are defined in lib/http/client-address.ts (PEER_HEADER, PEER_HEADER_ENV).
const PEER_HEADER = "x-backend-paths-peer";
process.env.BACKEND_PATHS_PEER_HEADER = "1";
// As `next start` does, before Next is loaded.
process.env.NODE_ENV = "production";
const { default: next } = await import("next");

const port = Number(process.env.PORT ?? 3000);
const app = next({ dev: false, hostname: "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
  void handle(req, res);
});
// PORT=0 takes any free port; the line below says which (the end-to-end tests start extra servers that way).
server.listen(port, () => console.log(`serve: ready on http://localhost:${server.address().port}`));
