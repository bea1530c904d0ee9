import { connect } from "node:net";
import { expect, test } from "@playwright/test";

// scripts/static-cache.mjs answers prerendered pages and static files from memory, compressed once: what it answers
// must be what Next answered (bytes, status, every header but the per-request ones), in the encoding the client asked
// for, per RSC variant, and never for a page that is not static. Plain fetch (undici) decodes br and gzip itself and
// still shows Content-Encoding, so the decoded bytes of each encoding can be compared.

const LESSON = "/learn/choosing/09-your-decision";

async function get(baseURL: string, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(baseURL + path, { headers });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

test.describe("static answers compressed once", () => {
  test("a lesson page: the same bytes in brotli, gzip and none, with its own request id each time", async ({ baseURL }) => {
    const first = await get(baseURL!, LESSON, { "accept-encoding": "br, gzip" });
    const brotli = await get(baseURL!, LESSON, { "accept-encoding": "br, gzip" });
    const gzip = await get(baseURL!, LESSON, { "accept-encoding": "gzip" });
    const plain = await get(baseURL!, LESSON, { "accept-encoding": "identity" });
    const refused = await get(baseURL!, LESSON, { "accept-encoding": "br;q=0, gzip" });
    for (const answer of [first, brotli, gzip, plain, refused]) {
      expect(answer.status).toBe(200);
      expect(answer.body).toBe(plain.body);
      expect(answer.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(answer.headers.get("cross-origin-embedder-policy")).toBe("require-corp");
      expect(answer.headers.get("vary")).toMatch(/accept-encoding/i);
    }
    expect(plain.body).toContain("<html");
    expect(brotli.headers.get("content-encoding")).toBe("br");
    expect(gzip.headers.get("content-encoding")).toBe("gzip");
    expect(refused.headers.get("content-encoding")).toBe("gzip");
    expect(plain.headers.get("content-encoding")).toBeNull();
    const ids = [first, brotli, gzip, plain].map((a) => a.headers.get("x-request-id"));
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("a revalidation with the page's ETag is a 304 without a body", async ({ baseURL }) => {
    const page = await get(baseURL!, LESSON);
    const etag = page.headers.get("etag");
    expect(etag).toBeTruthy();
    const again = await fetch(baseURL + LESSON, { headers: { "if-none-match": etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
  });

  test("the RSC payload of a page is kept apart from its HTML", async ({ baseURL }) => {
    await get(baseURL!, LESSON);
    const payload = await get(baseURL!, LESSON, { rsc: "1" });
    expect(payload.status).toBe(200);
    expect(payload.headers.get("content-type")).toContain("text/x-component");
    expect(payload.body).not.toContain("<html");
    const html = await get(baseURL!, LESSON);
    expect(html.headers.get("content-type")).toContain("text/html");
  });

  test("a page that depends on the learner is never kept", async ({ baseURL }) => {
    for (let i = 0; i < 2; i++) {
      const dashboard = await get(baseURL!, "/dashboard", { "accept-encoding": "br, gzip" });
      expect(dashboard.headers.get("cache-control")).toMatch(/no-store/);
      expect(dashboard.headers.get("etag")).toBeNull();
    }
  });

  test("a first request abandoned half-way does not leave the next one waiting", async ({ baseURL }) => {
    const { hostname, port } = new URL(baseURL!);
    for (let i = 0; i < 3; i++) {
      // A query string nobody asked before: a new cache key, so this request is the first, the one Next answers.
      const path = `/vendor/pyodide/pyodide.asm.wasm?first=${Date.now()}-${i}`;
      // The client sends its request and hangs up at once, as a browser does with the requests of a page it leaves.
      await new Promise<void>((resolve, reject) => {
        const socket = connect(Number(port), hostname, () => {
          socket.write(`GET ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nAccept-Encoding: br\r\n\r\n`, () => {
            socket.destroy();
            resolve();
          });
        });
        socket.on("error", reject);
      });
      await new Promise((resolve) => setTimeout(resolve, 50 * i));
      const again = await fetch(baseURL + path, { signal: AbortSignal.timeout(15_000) });
      expect(again.status).toBe(200);
      expect((await again.arrayBuffer()).byteLength).toBeGreaterThan(1_000_000);
    }
  });

  test("Pyodide's WebAssembly is served compressed", async ({ baseURL }) => {
    const response = await fetch(`${baseURL}/vendor/pyodide/pyodide.asm.wasm`, { headers: { "accept-encoding": "br" } });
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(response.status).toBe(200);
    expect(response.headers.get("content-encoding")).toBe("br");
    expect(response.headers.get("content-type")).toBe("application/wasm");
    // "\0asm": the decoded bytes are the WebAssembly module itself.
    expect([...bytes.slice(0, 4)]).toEqual([0, 0x61, 0x73, 0x6d]);
  });
});
