// The same API on Express 5, the oldest and most widely used of the three. Express has no in-process test
// client of its own, so the example listens on the loopback interface and calls itself with node:http.
import express from "express";
import http from "node:http";

type Todo = { id: number; title: string; done: boolean };
const todos = new Map<number, Todo>([[1, { id: 1, title: "read the lesson", done: true }]]);

const app = express();
app.use(express.json()); // parses JSON bodies; a malformed body becomes an error with status 400

app.get("/todos/:id", (req, res) => {
  const todo = todos.get(Number(req.params.id));
  if (!todo) return void res.status(404).json({ error: "todo not found" });
  res.json(todo);
});

app.post("/todos", (req, res) => {
  const title = req.body?.title;
  if (typeof title !== "string" || title.length === 0) return void res.status(400).json({ error: "title is required" });
  const todo = { id: todos.size + 1, title, done: false };
  todos.set(todo.id, todo);
  res.status(201).json(todo);
});

app.use((req, res) => res.status(404).json({ error: "no such route" }));

// An error handler is recognised by its four parameters. Express 5 also sends rejected promises from async
// handlers here, which Express 4 did not.
app.use((err: { status?: number }, req: express.Request, res: express.Response, next: express.NextFunction) => {
  const status = err.status ?? 500;
  res.status(status).json({ error: status === 400 ? "body is not valid JSON" : "internal error" });
});

function call(port: number, method: string, path: string, body?: string): Promise<string> {
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

const server = app.listen(0, "127.0.0.1", async () => {
  const { port } = server.address() as { port: number };
  console.log(await call(port, "GET", "/todos/1"));
  console.log(await call(port, "GET", "/todos/9"));
  console.log(await call(port, "POST", "/todos", JSON.stringify({ title: "write a server" })));
  console.log(await call(port, "POST", "/todos", "{not json"));
  console.log(await call(port, "DELETE", "/todos/1"));
  server.close();
});
