// The same API on Fastify: routing, JSON parsing, schema validation and error answers come built in.
// app.inject() sends a request through the whole framework without opening a socket.
import Fastify from "fastify";

type Todo = { id: number; title: string; done: boolean };

function buildApp() {
  const app = Fastify({ logger: false });
  const todos = new Map<number, Todo>([[1, { id: 1, title: "read the lesson", done: true }]]);

  app.get<{ Params: { id: number } }>(
    "/todos/:id",
    { schema: { params: { type: "object", properties: { id: { type: "integer" } }, required: ["id"] } } },
    async (request, reply) => {
      const todo = todos.get(request.params.id); // already converted to a number by the schema
      if (!todo) return reply.code(404).send({ error: "todo not found" });
      return todo; // returning an object sends it as JSON with status 200
    },
  );

  app.post<{ Body: { title: string } }>(
    "/todos",
    {
      schema: {
        body: {
          type: "object",
          properties: { title: { type: "string", minLength: 1 } },
          required: ["title"],
        },
      },
    },
    async (request, reply) => {
      const todo = { id: todos.size + 1, title: request.body.title, done: false };
      todos.set(todo.id, todo);
      return reply.code(201).send(todo);
    },
  );
  return app;
}

async function main(): Promise<void> {
  const app = buildApp();
  const requests = [
    { method: "GET", url: "/todos/1" },
    { method: "GET", url: "/todos/9" },
    { method: "GET", url: "/todos/abc" },
    { method: "POST", url: "/todos", payload: { title: "write a server" } },
    { method: "POST", url: "/todos", payload: { title: 42 } },
    { method: "POST", url: "/todos", payload: {} },
    { method: "DELETE", url: "/todos/1" },
  ] as const;
  for (const r of requests) {
    const res = await app.inject(r);
    const body = res.json();
    // Fastify's built-in error answers carry more fields; we print the two that matter here.
    const shown = body.statusCode ? { error: body.error, message: body.message } : body;
    console.log(`${r.method} ${r.url} -> ${res.statusCode} ${JSON.stringify(shown)}`);
  }
  await app.close();
}

main();
