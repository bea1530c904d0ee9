import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { newUser, signIn, signUp } from "./fixtures";

// Every route handler under app/api, found on disk so a new route is covered the day it lands.
const API_DIR = path.join(process.cwd(), "app/api");
// A real value for each dynamic segment, so the request reaches the handler rather than a 404 page.
const SAMPLE_SEGMENT: Record<string, string> = {
  nextauth: "callback/credentials",
  track: "node",
  lesson: "01-event-loop",
  id: encodeURIComponent("node/01-event-loop/in-order"),
  key: encodeURIComponent("node/01-event-loop/hello"),
  unknown: "no-such-api",
};

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
      .map((seg) => seg.replace(/^\[(?:\.\.\.)?(.+)\]$/, (_m, name: string) => {
        const sample = SAMPLE_SEGMENT[name];
        if (!sample) throw new Error(`add a sample value for the [${name}] segment to SAMPLE_SEGMENT`);
        return sample;
      }))
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
  return request.fetch(url, { method, headers: { "content-type": type }, data: Buffer.from(body), maxRedirects: 0 });
}

test("the route list is found", () => {
  expect(routes().map((r) => r.url)).toContain("/api/auth/callback/credentials");
});

async function expectBadInputRejected(request: APIRequestContext, method: string, url: string) {
  for (const bad of BAD_BODIES) {
    const res = await send(request, method, url, bad.type, bad.body);
    expect(res.status(), `${bad.name} -> ${res.status()}`).toBeGreaterThanOrEqual(400);
    expect(res.status(), `${bad.name} -> ${res.status()}`).toBeLessThan(500);
    const json = await res.json().catch(() => null);
    expect(typeof json?.error, `${bad.name}: JSON { error } expected`).toBe("string");
    expect(json.error).not.toMatch(/at .+\.(js|ts):\d+/);
  }
}

for (const route of routes()) {
  for (const method of route.methods) {
    test(`${method} ${route.url} answers a guest's bad input with a 4xx and a message`, async ({ request }) => {
      await expectBadInputRejected(request, method, route.url);
    });
  }
}

// Signed in, the body is what stands between the request and the handler's work. DELETE routes that take no body
// are left out: for them, any body is simply ignored.
test.describe("signed in", () => {
  const user = newUser("Malformed");
  test.beforeAll(async ({ browser }) => signUp(browser, user));

  for (const route of routes()) {
    for (const method of route.methods.filter((m) => m !== "DELETE")) {
      if (route.url.startsWith("/api/auth/")) continue;
      test(`${method} ${route.url} answers a learner's bad input with a 4xx and a message`, async ({ playwright, baseURL }) => {
        const request = await playwright.request.newContext({ baseURL });
        await signIn(request, user);
        await expectBadInputRejected(request, method, route.url);
        await request.dispose();
      });
    }
  }
});

// A bounded fuzzer over every page and route on disk: each method, each dynamic segment replaced by what crawlers
// and fuzzers send (malformed and double %-encoding, traversal, NUL, a very long segment), an odd extra segment, and
// a rotating body. Nothing may answer 5xx; an API route's error is a JSON message (Next's own 405 for a method a
// route does not export, and HEAD and OPTIONS, carry no body).
const APP_DIR = path.join(process.cwd(), "app");
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
const ODD_SEGMENTS = ["%E0%A4%A", "%25E0%25A4%25A", "%", "%00", "..%2F..%2Fetc%2Fpasswd", "%2e%2e", "%F0%9F%98%80", "x".repeat(2000), "null", "[id]"];
const FUZZ_BODIES = [
  { type: "", body: "" },
  { type: "application/json", body: '{"a": ' },
  { type: "application/x-www-form-urlencoded", body: "a=%E0%A4%A&b" },
  { type: "text/plain; application/json", body: "{}" },
  { type: "multipart/form-data; boundary=x", body: "--x\r\nbroken" },
];
const PAGE_SAMPLE: Record<string, string> = { ...SAMPLE_SEGMENT, nextauth: "session" };

/** Route patterns as segment lists: `[name]` for a dynamic segment, route groups left out of the URL. */
function routePatterns(dir = APP_DIR, prefix: string[] = []): { segments: string[]; api: boolean }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) {
      const group = /^\(.+\)$/.test(entry.name);
      return routePatterns(path.join(dir, entry.name), group ? prefix : [...prefix, entry.name]);
    }
    if (!/^(page|route)\.tsx?$/.test(entry.name)) return [];
    return [{ segments: prefix, api: prefix[0] === "api" }];
  });
}

function fuzzUrls(segments: string[]): string[] {
  const sample = segments.map((seg) => seg.replace(/^\[(?:\.\.\.)?(.+)\]$/, (_m, name: string) => PAGE_SAMPLE[name] ?? "x"));
  const urls = new Set([`/${sample.join("/")}`, `/${[...sample, ODD_SEGMENTS[0]].join("/")}`]);
  segments.forEach((seg, i) => {
    if (!seg.startsWith("[")) return;
    for (const odd of ODD_SEGMENTS) urls.add(`/${sample.map((s, j) => (j === i ? odd : s)).join("/")}`);
  });
  return [...urls];
}

test.describe("fuzzing every route", () => {
  for (const route of routePatterns()) {
    const name = `/${route.segments.join("/")}`;
    test(`${name} never answers 5xx`, async ({ request }) => {
      test.setTimeout(120_000);
      let n = 0;
      for (const url of fuzzUrls(route.segments)) {
        for (const method of METHODS) {
          const { type, body } = FUZZ_BODIES[n++ % FUZZ_BODIES.length]!;
          const withBody = method !== "GET" && method !== "HEAD" && body !== "";
          const res = await request.fetch(url, {
            method,
            headers: withBody ? { "content-type": type } : {},
            data: withBody ? Buffer.from(body) : undefined,
            maxRedirects: 0,
          });
          const label = `${method} ${url.slice(0, 120)} (${type || "no body"}) -> ${res.status()}`;
          expect(res.status(), label).toBeLessThan(500);
          if (route.api && res.status() >= 400 && method !== "HEAD" && res.status() !== 405) {
            const json = await res.json().catch(() => null);
            expect(typeof json?.error, `${label}: JSON { error } expected`).toBe("string");
          }
        }
      }
    });
  }
});
