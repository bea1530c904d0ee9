import { describe, expect, it } from "vitest";
import { engineFor } from "@/lib/runner/where-code-runs";

describe("where code runs", () => {
  it("keeps plain JavaScript, TypeScript and Python in the browser", () => {
    expect(engineFor("javascript", `const xs = [1, 2, 3];\nconsole.log(xs.map((x) => x * 2));`)).toBe("browser");
    expect(engineFor("typescript", `const n: number = 4;\nconst imported = { from: "fastify" };\nconsole.log(imported, n);`)).toBe("browser");
    expect(engineFor("python", `import asyncio, json\nfrom dataclasses import dataclass\nprint(json.dumps({"flask": 1}))`)).toBe("browser");
  });

  it("sends JavaScript that imports a package or a Node module to the server, however it is imported", () => {
    for (const code of [
      `import Fastify from "fastify";`,
      `import { Hono } from 'hono'`,
      `const express = require("express");`,
      `const pino = require ( 'pino' )`,
      `const { z } = await import("zod");`,
      `import "better-sqlite3";`,
      `import {\n  createServer,\n} from "node:http";`,
      `export { readFile } from "fs/promises";`,
      `import Database from "better-sqlite3"; // a comment`,
    ]) {
      expect(engineFor("javascript", code), code).toBe("server");
      expect(engineFor("typescript", code), code).toBe("server");
    }
  });

  it("keeps relative and URL imports and TypeScript's type-only imports in the browser", () => {
    expect(engineFor("javascript", `import { helper } from "./helper.js";\nimport x from "https://example.test/x.js";`)).toBe("browser");
    expect(engineFor("typescript", `import type { FastifyInstance } from "fastify";\nexport type { AddressInfo } from "node:net";\nlet app: FastifyInstance | undefined;`)).toBe("browser");
    expect(engineFor("typescript", `import type { AddressInfo } from "node:net";\nimport http from "node:http";`)).toBe("server");
  });

  it("sends Python that imports a framework or needs an operating system to the server", () => {
    for (const code of [
      `from fastapi import FastAPI`,
      `from fastapi.testclient import TestClient`,
      `import flask`,
      `import os, django`,
      `import httpx as h`,
      `    from sqlalchemy.orm import Session`,
      `import aiohttp.web`,
      `from pydantic import BaseModel`,
      `import uvicorn`,
      `from starlette.responses import JSONResponse`,
      `import threading`,
      `from concurrent.futures import ThreadPoolExecutor`,
      `import http.server`,
      `from multiprocessing import Pool`,
      `import sqlite3`,
    ]) {
      expect(engineFor("python", code), code).toBe("server");
    }
  });

  it("does not mistake similar names, strings or comments in Python for imports", () => {
    expect(engineFor("python", `import flasky\nimport http.client\nfrom concurrent import futures_like\nprint("import fastapi")\n# import django`)).toBe("browser");
    expect(engineFor("python", `from fastapi_helpers import x`)).toBe("browser");
  });

  it("always runs Go and Rust on the server", () => {
    expect(engineFor("go", `package main\nfunc main() {}`)).toBe("server");
    expect(engineFor("rust", `fn main() {}`)).toBe("server");
  });
});
