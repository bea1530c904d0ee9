// The same API on Hono, validated with zod. Hono is built on the web-standard Request and Response,
// so app.request() can call it in-process, and the same app runs on Node.js, Bun, Deno or an edge runtime.
import { Hono } from "hono";
import { z } from "zod";

type Todo = { id: number; title: string; done: boolean };
const NewTodo = z.object({ title: z.string().min(1) });
const TodoId = z.coerce.number().int().positive();

const todos = new Map<number, Todo>([[1, { id: 1, title: "read the lesson", done: true }]]);
const app = new Hono();

app.get("/todos/:id", (c) => {
  const id = TodoId.safeParse(c.req.param("id"));
  if (!id.success) return c.json({ error: "id must be a positive integer" }, 400);
  const todo = todos.get(id.data);
  return todo ? c.json(todo) : c.json({ error: "todo not found" }, 404);
});

app.post("/todos", async (c) => {
  const body = NewTodo.safeParse(await c.req.json().catch(() => undefined));
  if (!body.success) return c.json({ error: "title is required" }, 400);
  const todo = { id: todos.size + 1, title: body.data.title, done: false };
  todos.set(todo.id, todo);
  return c.json(todo, 201);
});

app.notFound((c) => c.json({ error: "no such route" }, 404));

async function main(): Promise<void> {
  const json = { "content-type": "application/json" };
  const requests: [string, RequestInit?][] = [
    ["/todos/1"],
    ["/todos/9"],
    ["/todos/abc"],
    ["/todos", { method: "POST", headers: json, body: JSON.stringify({ title: "write a server" }) }],
    ["/todos", { method: "POST", headers: json, body: "{not json" }],
    ["/todos/1", { method: "DELETE" }],
  ];
  for (const [path, init] of requests) {
    const res = await app.request(path, init);
    console.log(`${init?.method ?? "GET"} ${path} -> ${res.status} ${await res.text()}`);
  }
}

main();
