// How far the standard library alone gets you: node:http serves, but routing, path parameters and JSON are yours.
// A server on a free loopback port, then four requests to it.
import http from "node:http";
import type { AddressInfo } from "node:net";

function route(method: string, path: string): [number, unknown] {
  if (method !== "GET") return [405, { error: "method not allowed" }];
  if (path === "/health") return [200, { status: "ok" }];
  const match = /^\/users\/([^/]+)$/.exec(path);
  if (match) {
    const id = Number(match[1]);
    return Number.isInteger(id) ? [200, { id }] : [400, { error: "id must be a number" }];
  }
  return [404, { error: "not found" }];
}

const server = http.createServer((req, res) => {
  const [status, body] = route(req.method ?? "GET", new URL(req.url ?? "/", "http://localhost").pathname);
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
});

// The client side uses http.get too: it needs no more than the server does.
function get(port: number, path: string): Promise<[number, string]> {
  return new Promise((resolve, reject) => {
    http.get({ host: "127.0.0.1", port, path }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve([response.statusCode ?? 0, text]));
    }).on("error", reject);
  });
}

server.listen(0, "127.0.0.1", async () => {
  const { port } = server.address() as AddressInfo;
  for (const path of ["/health", "/users/42", "/users/abc", "/nope"]) {
    const [status, text] = await get(port, path);
    console.log(`GET ${path} -> ${status} ${text}`);
  }
  server.close();
});
