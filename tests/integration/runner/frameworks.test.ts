import { describe, expect, it } from "vitest";
import { offerProbe, readOffer } from "@/lib/runner/offers";
import { runCode } from "@/lib/runner/run-code";
import { installedNodePackages } from "@/lib/runner/sandbox/node-packages";
import type { CodeLanguage } from "@/lib/course/vocabulary";
import { PYTHON_FRAMEWORKS } from "@/lib/runner/where-code-runs";

// The real frameworks in the real sandbox (seccomp, cgroup memory and process limits, no network): npm packages
// from runner/node bound read-only at /node_modules, Python's from Debian. Each app is driven the way lessons do.

async function run(language: CodeLanguage, code: string) {
  const result = await runCode({ language, code });
  expect(result.stderr).toBe("");
  expect(result).toMatchObject({ exitCode: 0, timedOut: false, truncated: false });
  return result.stdout;
}

describe("Node.js frameworks in the sandbox", () => {
  it("Fastify answers inject(), imported as an ES module, with zod validating the body", async () => {
    const stdout = await run(
      "javascript",
      `import Fastify from "fastify";
import { z } from "zod";
const Body = z.object({ name: z.string().min(1) });
const app = Fastify();
app.post("/greet", async (request, reply) => {
  const parsed = Body.safeParse(request.body);
  return parsed.success ? { hello: parsed.data.name } : reply.code(400).send({ error: "name is required" });
});
for (const payload of [{ name: "Ada" }, { name: "" }]) {
  const response = await app.inject({ method: "POST", url: "/greet", payload });
  console.log(response.statusCode, response.body);
}`,
    );
    expect(stdout).toBe(`200 {"hello":"Ada"}\n400 {"error":"name is required"}\n`);
  });

  it("Hono answers app.request() in TypeScript", async () => {
    const stdout = await run(
      "typescript",
      `import { Hono } from "hono";
type User = { id: number; name: string };
const users: User[] = [{ id: 1, name: "Grace" }];
const app = new Hono();
app.get("/users/:id", (c) => {
  const user = users.find((u) => u.id === Number(c.req.param("id")));
  return user ? c.json(user) : c.json({ error: "not found" }, 404);
});
for (const path of ["/users/1", "/users/2"]) {
  const response = await app.request(path);
  console.log(response.status, await response.text());
}`,
    );
    expect(stdout).toBe(`200 {"id":1,"name":"Grace"}\n404 {"error":"not found"}\n`);
  });

  it("Express serves on the sandbox's loopback, called with http.get and fetch, loaded with require()", async () => {
    const stdout = await run(
      "javascript",
      `const express = require("express");
const http = require("node:http");
const app = express();
app.get("/users/:id", (req, res) => res.json({ id: Number(req.params.id) }));
const server = app.listen(0, "127.0.0.1", () => {
  const { port } = server.address();
  http.get({ host: "127.0.0.1", port, path: "/users/7" }, (res) => {
    let body = "";
    res.on("data", (chunk) => (body += chunk));
    res.on("end", async () => {
      console.log(res.statusCode, body);
      const response = await fetch("http://127.0.0.1:" + port + "/users/8");
      console.log(response.status, await response.text());
      server.close();
    });
  });
});`,
    );
    expect(stdout).toBe(`200 {"id":7}\n200 {"id":8}\n`);
  });

  it("pino logs JSON lines and better-sqlite3 works in memory and on a file in /tmp", async () => {
    const stdout = await run(
      "javascript",
      `import pino from "pino";
import Database from "better-sqlite3";
const log = pino({ base: undefined, timestamp: false });
for (const file of [":memory:", "/tmp/app.db"]) {
  const db = new Database(file);
  db.exec("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
  db.prepare("INSERT INTO users (name) VALUES (?)").run("Ada");
  log.info({ file, users: db.prepare("SELECT count(*) AS n FROM users").get().n }, "counted");
}`,
    );
    expect(stdout).toBe(
      `{"level":30,"file":":memory:","users":1,"msg":"counted"}\n{"level":30,"file":"/tmp/app.db","users":1,"msg":"counted"}\n`,
    );
  });

  it("cannot change the packages: they are bound read-only", async () => {
    const stdout = await run(
      "javascript",
      `import { writeFileSync } from "node:fs";
try { writeFileSync("/node_modules/fastify/fastify.js", "hacked"); console.log("written"); } catch (error) { console.log(error.code); }`,
    );
    expect(stdout).toBe("EROFS\n");
  });
});

describe("Python frameworks in the sandbox", () => {
  it("FastAPI with pydantic answers its TestClient, and httpx drives it in-process through ASGITransport", async () => {
    const stdout = await run(
      "python",
      `import asyncio, httpx
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import BaseModel

class Item(BaseModel):
    name: str
    price: float

app = FastAPI()

@app.post("/items")
def create(item: Item):
    return {"name": item.name, "total": item.price * 2}

client = TestClient(app)
print(client.post("/items", json={"name": "pen", "price": 1.5}).json())
print(client.post("/items", json={"name": "pen"}).status_code)

async def main():
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://app") as ac:
        response = await ac.post("/items", json={"name": "ink", "price": 2})
        print(response.status_code, response.json())
asyncio.run(main())`,
    );
    expect(stdout).toBe(`{'name': 'pen', 'total': 3.0}\n422\n200 {'name': 'ink', 'total': 4.0}\n`);
  });

  it("Flask answers its test_client and Django its test Client (a minimal settings.configure() app)", async () => {
    const stdout = await run(
      "python",
      `from flask import Flask, jsonify
flask_app = Flask(__name__)

@flask_app.get("/hello/<name>")
def hello(name):
    return jsonify(hello=name)

print(flask_app.test_client().get("/hello/ada").get_json())

import django
from django.conf import settings
settings.configure(DEBUG=False, SECRET_KEY="lesson", ROOT_URLCONF=__name__, ALLOWED_HOSTS=["testserver"], INSTALLED_APPS=[], MIDDLEWARE=[])
django.setup()
from django.http import JsonResponse
from django.test import Client
from django.urls import path
urlpatterns = [path("ping", lambda request: JsonResponse({"pong": True}))]
response = Client().get("/ping")
print(response.status_code, response.json())`,
    );
    expect(stdout).toBe(`{'hello': 'ada'}\n200 {'pong': True}\n`);
  });

  it("a real uvicorn server answers on the sandbox's loopback, from asyncio and from a thread", async () => {
    const stdout = await run(
      "python",
      `import asyncio, threading, time, httpx, uvicorn
from fastapi import FastAPI
app = FastAPI()

@app.get("/health")
async def health():
    return {"status": "ok"}

async def main():
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=8000, log_level="warning"))
    task = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.01)
    async with httpx.AsyncClient() as client:
        response = await client.get("http://127.0.0.1:8000/health")
        print("asyncio", response.status_code, response.json())
    server.should_exit = True
    await task
asyncio.run(main())

server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=8001, log_level="warning"))
server.install_signal_handlers = lambda: None
thread = threading.Thread(target=server.run)
thread.start()
while not server.started:
    time.sleep(0.01)
print("thread", httpx.get("http://127.0.0.1:8001/health").json())
server.should_exit = True
thread.join()`,
    );
    expect(stdout).toBe(`asyncio 200 {'status': 'ok'}\nthread {'status': 'ok'}\n`);
  });

  it("sqlite3 works in memory and on a file in /tmp, and SQLAlchemy on top of it", async () => {
    const stdout = await run(
      "python",
      `import sqlite3
from sqlalchemy import create_engine, text
for target in [":memory:", "/tmp/app.db"]:
    db = sqlite3.connect(target)
    db.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL)")
    db.execute("INSERT INTO users (name) VALUES (?)", ("Ada",))
    db.commit()
    print(target, db.execute("SELECT name FROM users").fetchall())
with create_engine("sqlite:////tmp/app.db").connect() as conn:
    print(conn.execute(text("SELECT count(*) FROM users")).scalar())`,
    );
    expect(stdout).toBe(`:memory: [('Ada',)]\n/tmp/app.db [('Ada',)]\n1\n`);
  });
});

describe("nothing reaches beyond the sandbox", () => {
  // A documentation address (RFC 5737): never a real host, and no route to it from the sandbox's own network.
  const OUTSIDE = "192.0.2.1";

  it("a Node.js request to a non-loopback address fails at once", async () => {
    const stdout = await run(
      "javascript",
      `try { await fetch("http://${OUTSIDE}/", { signal: AbortSignal.timeout(5000) }); console.log("reached"); }
catch (error) { console.log(error.cause?.code ?? error.name); }`,
    );
    expect(stdout).toBe("ENETUNREACH\n");
  });

  it("a Python request to a non-loopback address fails at once", async () => {
    const stdout = await run(
      "python",
      `import errno, httpx, socket
try:
    socket.create_connection(("${OUTSIDE}", 80), timeout=5)
    print("reached")
except OSError as error:
    print(errno.errorcode[error.errno])
try:
    httpx.get("http://${OUTSIDE}/", timeout=5)
    print("reached")
except httpx.ConnectError:
    print("ConnectError")`,
    );
    expect(stdout).toBe("ENETUNREACH\nConnectError\n");
  });
});

describe("what /api/health lists", () => {
  it("each runner's probe loads every framework in the sandbox and reports its version", async () => {
    const names = installedNodePackages().names;
    expect(names).toEqual(expect.arrayContaining(["fastify", "hono", "express", "pino", "zod", "better-sqlite3"]));
    const node = readOffer(await run("javascript", offerProbe("javascript", names)));
    expect(node?.version).toBe(process.versions.node);
    expect(Object.keys(node!.frameworks).sort()).toEqual([...names].sort());
    expect(node!.frameworks.fastify).toMatch(/^5\./);

    const python = readOffer(await run("python", offerProbe("python", [])));
    expect(python?.version).toMatch(/^3\.\d+\.\d+$/);
    expect(Object.keys(python!.frameworks).sort()).toEqual([...PYTHON_FRAMEWORKS].sort());
    expect(python!.frameworks.fastapi).toMatch(/^\d+\.\d+/);
  });
});
