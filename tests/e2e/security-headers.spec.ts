import { expect, test, type APIResponse, type Locator, type Page } from "@playwright/test";
import { replaceCode } from "./editor-page";

// The headers every response carries, the pages still working under them (Monaco, Pyodide, workers, no policy
// violation), Python's endless loop stopped through the interrupt buffer rather than by reloading Pyodide, and the
// CSRF rule for state-changing API requests.

const LESSON = "/learn/python/01-python-for-the-web";

function policy(response: APIResponse): Map<string, string[]> {
  const value = response.headers()["content-security-policy"] ?? "";
  return new Map(value.split(";").map((d) => d.trim().split(/\s+/)).map(([name = "", ...values]) => [name, values]));
}

function expectCommonHeaders(response: APIResponse) {
  const headers = response.headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
  expect(headers["cross-origin-embedder-policy"]).toBe("require-corp");
  for (const feature of ["camera", "microphone", "geolocation"]) expect(headers["permissions-policy"]).toContain(`${feature}=()`);
  // The e2e server's public URL is http://localhost: HSTS there would be wrong.
  expect(headers["strict-transport-security"]).toBeUndefined();
  const csp = policy(response);
  expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
  expect(csp.get("object-src")).toEqual(["'none'"]);
  expect(csp.get("base-uri")).toEqual(["'self'"]);
  expect(csp.get("form-action")).toEqual(["'self'"]);
  // No script from another origin: every script source is a keyword, never a host or a scheme wildcard.
  for (const source of csp.get("script-src") ?? []) expect(source).toMatch(/^'[a-z-]+'$|^blob:$/);
  expect(csp.get("script-src")).not.toContain("'unsafe-eval'");
  return csp;
}

test.describe("security headers", () => {
  for (const path of [LESSON, "/playground", "/", "/no-such-page"]) {
    test(`${path} carries every policy`, async ({ request }) => {
      const response = await request.get(path);
      const csp = expectCommonHeaders(response);
      expect(csp.get("script-src")).toEqual(["'self'", "'unsafe-inline'"]);
      expect(csp.get("worker-src")).toEqual(["'self'", "blob:"]);
    });
  }

  test("an API response and a built file carry them too", async ({ request }) => {
    expectCommonHeaders(await request.get("/api/health"));
    expectCommonHeaders(await request.post("/api/run", { data: "not json", headers: { "content-type": "text/plain" } }));
    const page = await (await request.get(LESSON)).text();
    const script = /src="(\/_next\/static\/chunks\/[^"]+\.js)"/.exec(page)?.[1];
    expect(script).toBeTruthy();
    expectCommonHeaders(await request.get(script!));
    expectCommonHeaders(await request.get("/vendor/pyodide/pyodide.mjs"));
  });

  test("worker scripts alone may import blob: programs and compile WebAssembly", async ({ page }) => {
    const workers: string[] = [];
    page.on("request", (r) => r.url().includes("/turbopack-worker-") && workers.push(r.url()));
    await page.goto("/playground");
    await page.locator('figure.playground[data-language="python"]').getByRole("button", { name: "Run" }).click();
    await expect.poll(() => workers.length, { timeout: 30_000 }).toBeGreaterThan(0);
    const csp = policy(await page.request.get(workers[0]!));
    expect(csp.get("script-src")).toEqual(["'self'", "blob:", "'wasm-unsafe-eval'"]);
  });
});

/** Collects every CSP violation the page reports, from the document's event and from the console. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction("reportViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const where = `${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`;
      (window as unknown as { reportViolation(text: string): void }).reportViolation(`${event.violatedDirective} ${event.blockedURI} at ${where}`);
    });
  });
  return violations;
}

function playground(page: Page, language: string): Locator {
  return page.locator(`figure.playground[data-language="${language}"]`);
}

async function runCode(page: Page, box: Locator, code: string) {
  await replaceCode(page, box, code);
  await box.getByRole("button", { name: "Run" }).click();
}

test.describe("pages under the policy", () => {
  test("a lesson page renders, edits and runs JavaScript and Python with no violation", async ({ page }) => {
    test.setTimeout(120_000);
    const violations = await watchViolations(page);
    await page.goto(LESSON);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const box = page.locator('figure.playground[data-language="python"]').first();
    await box.getByRole("button", { name: "Run" }).click();
    await expect(box.getByTestId("run-meta")).toContainText("Exit code 0", { timeout: 60_000 });
    await page.goto("/playground");
    const js = playground(page, "javascript");
    await runCode(page, js, "console.log(await Promise.resolve('from a blob module'))");
    await expect(js.getByTestId("stdout")).toHaveText("from a blob module", { timeout: 30_000 });
    expect(violations).toEqual([]);
  });

  test("the page is cross-origin isolated, and Python's endless loop is interrupted without reloading Pyodide", async ({ page }) => {
    test.setTimeout(120_000);
    const wasmFetches: string[] = [];
    page.on("request", (r) => r.url().endsWith(".wasm") && wasmFetches.push(r.url()));
    await page.goto("/playground");
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    const box = playground(page, "python");
    // State kept in the interpreter itself (a module attribute) survives only if the interpreter does.
    await runCode(page, box, "import sys\nsys.marker = 'still here'\nprint('set')");
    await expect(box.getByTestId("stdout")).toHaveText("set", { timeout: 60_000 });
    const loaded = wasmFetches.length;
    expect(loaded).toBeGreaterThan(0);

    await runCode(page, box, "print('start')\nwhile True:\n    pass");
    await expect(box.getByTestId("limit")).toContainText("time limit", { timeout: 30_000 });
    await expect(box.getByTestId("stdout")).toHaveText("start");

    await runCode(page, box, "import sys\nprint(sys.marker)");
    await expect(box.getByTestId("stdout")).toHaveText("still here", { timeout: 30_000 });
    expect(wasmFetches.length, "Pyodide was loaded again").toBe(loaded);
  });

  test("without isolation the loop is still stopped, by the backstop: the worker is replaced", async ({ page }) => {
    test.setTimeout(120_000);
    // The same page served without COOP/COEP, as a proxy that drops them would.
    await page.route("**/playground", async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      delete headers["cross-origin-opener-policy"];
      delete headers["cross-origin-embedder-policy"];
      await route.fulfill({ response, headers });
    });
    const wasmFetches: string[] = [];
    page.on("request", (r) => r.url().endsWith(".wasm") && wasmFetches.push(r.url()));
    await page.goto("/playground");
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
    const box = playground(page, "python");
    await runCode(page, box, "import sys\nsys.marker = 'gone after a restart'\nprint('start')\nwhile True:\n    pass");
    await expect(box.getByTestId("limit")).toContainText("time limit", { timeout: 60_000 });
    await runCode(page, box, "import sys\nprint(getattr(sys, 'marker', 'fresh interpreter'))");
    await expect(box.getByTestId("stdout")).toHaveText("fresh interpreter", { timeout: 60_000 });
    expect(wasmFetches.length).toBeGreaterThan(1);
  });
});

test.describe("state-changing API requests from another site", () => {
  const body = { data: { language: "python", code: "print(1)" } };

  const foreign: Record<string, string>[] = [{ origin: "https://evil.example" }, { "sec-fetch-site": "cross-site" }, { "sec-fetch-site": "same-site" }, { origin: "null" }];
  for (const headers of foreign) {
    test(`are refused with 403 given ${JSON.stringify(headers)}`, async ({ request }) => {
      const response = await request.post("/api/run", { ...body, headers });
      expect(response.status()).toBe(403);
      expect(await response.json()).toMatchObject({ code: "forbidden:origin", error: expect.any(String) });
    });
  }

  for (const [site, other] of [
    ["cross-site", "http://127.0.0.1"],
    ["same-site", "http://localhost:3999"],
  ] as const) {
    test(`are refused when a real browser sends them from a ${site} page`, async ({ page, baseURL }) => {
      // A page on another origin, served by the test itself; the browser sets Origin and Sec-Fetch-Site on its own
      // (Playwright does not show them, so the test checks the answer).
      const origin = other.includes(":3999") ? other : `${other}:${new URL(baseURL!).port}`;
      await page.route(`${origin}/elsewhere`, (route) => route.fulfill({ contentType: "text/html", body: "<title>elsewhere</title>" }));
      await page.goto(`${origin}/elsewhere`);
      const answer = page.waitForResponse((r) => r.url() === `${baseURL}/api/run`);
      // The classic attack: a form posting text/plain, which needs no CORS preflight, shaped to parse as JSON.
      await page.evaluate((action) => {
        const form = Object.assign(document.createElement("form"), { method: "post", action, enctype: "text/plain" });
        const input = Object.assign(document.createElement("input"), { name: '{"language":"python","code":"print(1)","x":"', value: '"}' });
        form.append(input);
        document.body.append(form);
        form.submit();
      }, `${baseURL}/api/run`);
      const response = await answer;
      expect(response.status()).toBe(403);
      expect(await response.json()).toMatchObject({ code: "forbidden:origin" });
    });
  }

  test("are answered normally from this origin and from clients that send neither header", async ({ request, baseURL }) => {
    const own: Record<string, string>[] = [{ origin: baseURL!, "sec-fetch-site": "same-origin" }, {}];
    for (const headers of own) {
      const response = await request.post("/api/path/preview", { data: {}, headers });
      expect(response.status(), JSON.stringify(headers)).not.toBe(403);
      expect(response.status()).toBeLessThan(500);
    }
  });

  test("do not include reads", async ({ request }) => {
    const response = await request.get("/api/health", { headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" } });
    expect(response.status()).toBe(200);
  });
});
