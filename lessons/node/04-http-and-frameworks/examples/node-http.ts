// A JSON API on nothing but node:http: routing, body parsing and status codes are all ours to write.
import http from "node:http";

type Todo = { id: number; title: string; done: boolean };
const todos = new Map<number, Todo>([[1, { id: 1, title: "read the lesson", done: true }]]);

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  const match = url.pathname.match(/^\/todos\/(\d+)$/);
  try {
    if (req.method === "GET" && match) {
      const todo = todos.get(Number(match[1]));
      return todo ? send(res, 200, todo) : send(res, 404, { error: "todo not found" });
    }
    if (req.method === "POST" && url.pathname === "/todos") {
      const body = (await readJson(req)) as { title?: unknown };
      if (typeof body?.title !== "string" || body.title.length === 0) return send(res, 400, { error: "title is required" });
      const todo = { id: todos.size + 1, title: body.title, done: false };
      todos.set(todo.id, todo);
      return send(res, 201, todo);
    }
    send(res, 404, { error: "no such route" });
  } catch {
    send(res, 400, { error: "body is not valid JSON" }); // the only thing that can throw above
  }
});

// A tiny client on node:http, so the example can call its own server over the loopback interface.
function call(method: string, path: string, body?: string): Promise<string> {
  const { port } = server.address() as { port: number };
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path, headers: { "content-type": "application/json" } }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => resolve(`${method} ${path} -> ${res.statusCode} ${text}`));
    });
    req.on("error", reject);
    req.end(body);
  });
}

server.listen(0, "127.0.0.1", async () => {
  console.log(await call("GET", "/todos/1"));
  console.log(await call("GET", "/todos/9"));
  console.log(await call("POST", "/todos", JSON.stringify({ title: "write a server" })));
  console.log(await call("POST", "/todos", JSON.stringify({ title: 42 })));
  console.log(await call("POST", "/todos", "{not json"));
  console.log(await call("DELETE", "/todos/1"));
  server.close();
});
