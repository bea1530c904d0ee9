import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";

// Every route handler under app/api, found on disk so a new route is covered the day it lands.
const API_DIR = path.join(process.cwd(), "app/api");
const SAMPLE_SEGMENT: Record<string, string> = { nextauth: "callback/credentials" };

function routes(dir = API_DIR): { url: string; methods: string[] }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routes(full);
    if (entry.name !== "route.ts") return [];
    const source = fs.readFileSync(full, "utf8");
    const methods = ["POST", "PUT", "PATCH", "DELETE"].filter((m) =>
      new RegExp(`export (async function|const) ${m}\\b|as ${m}\\b`).test(source),
    );
    const url = path
      .relative(path.join(process.cwd(), "app"), path.dirname(full))
      .split(path.sep)
      .map((seg) => seg.replace(/^\[(?:\.\.\.)?(.+)\]$/, (_m, name: string) => SAMPLE_SEGMENT[name] ?? "node/01-event-loop"))
      .join("/");
    return methods.length ? [{ url: `/${url}`, methods }] : [];
  });
}

const BAD_BODIES = [
  { name: "malformed JSON", type: "application/json", body: '{"language": "go", "code": ' },
  { name: "a JSON array", type: "application/json", body: "[1,2,3]" },
  { name: "an oversized body (3 MB)", type: "application/json", body: JSON.stringify({ code: "x".repeat(3 * 1024 * 1024) }) },
  { name: "a body that is not JSON", type: "text/plain", body: "hello" },
];

async function send(request: APIRequestContext, method: string, url: string, type: string, body: string) {
  return request.fetch(url, { method, headers: { "content-type": type, origin: "http://localhost" }, data: Buffer.from(body), maxRedirects: 0 });
}

test("the route list is found", () => {
  expect(routes().map((r) => r.url)).toContain("/api/auth/callback/credentials");
});

for (const route of routes()) {
  for (const method of route.methods) {
    test(`${method} ${route.url} answers bad input with a 4xx and a message`, async ({ request }) => {
      for (const bad of BAD_BODIES) {
        const res = await send(request, method, route.url, bad.type, bad.body);
        expect(res.status(), `${bad.name} -> ${res.status()}`).toBeGreaterThanOrEqual(400);
        expect(res.status(), `${bad.name} -> ${res.status()}`).toBeLessThan(500);
        const json = await res.json().catch(() => null);
        expect(typeof json?.error, `${bad.name}: JSON { error } expected`).toBe("string");
        expect(json.error).not.toMatch(/at .+\.(js|ts):\d+/);
      }
    });
  }
}
