import { readdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright";
import { getCatalog } from "@/lib/content/catalog";
import type { LessonExample } from "@/lib/content/examples";
import { engineFor } from "@/lib/runner/where-code-runs";
import type { BenchContext } from "./context";
import { percentile, type Figure } from "./figures";

// Measurement 3, in the browser: Python runs in Pyodide in a worker (lib/runner/browser/python-worker.ts). In Chromium
// against the bench server on localhost, from pressing Run on a lesson's Python example to its output on the page:
// cold (an empty browser cache: Pyodide is downloaded, compiled and started), cached (a new page in the same browser:
// its files come from the HTTP cache, the worker and interpreter start again) and warm (Run again on the same page:
// the interpreter is loaded). The cold figure's baseline is the download of Pyodide's files alone (fetched from this
// process, one after another), so the share of the wait that is not the network shows. The server has compressed
// Pyodide's files before (a first visitor's request makes it do so, once per build: scripts/static-cache.mjs), as it
// has for every learner after the first.

const GROUP = "Run latency";
const COLD_BUDGET_MS = 3000;
const WARM_BUDGET_MS = 100;
const TIMEOUT_MS = 60_000;
/** Fresh browser profiles, each measured once: the figures are their medians. */
const ROUNDS = 3;
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"];

const PYODIDE_DIR = path.resolve(import.meta.dirname, "../../public/vendor/pyodide");

/** Fetches all of Pyodide's files from the server, as a browser asks for them; resolves with the milliseconds taken. */
async function fetchPyodide(serverUrl: string): Promise<number> {
  const started = performance.now();
  for (const file of readdirSync(PYODIDE_DIR).filter((name) => !name.startsWith("."))) {
    const response = await fetch(`${serverUrl}/vendor/pyodide/${file}`, { headers: { "accept-encoding": "br, gzip" } });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`/vendor/pyodide/${file} answered ${response.status}`);
  }
  return performance.now() - started;
}

/** The first Python example of the Python track that runs in the browser. */
function browserPythonExample(): LessonExample {
  const example = getCatalog()
    .lessons.filter((lesson) => lesson.trackId === "python")
    .flatMap((lesson) => lesson.examples)
    .find((e) => e.language === "python" && engineFor("python", e.code) === "browser");
  if (!example) throw new Error("no Python example of the Python track runs in the browser");
  return example;
}

/**
 * Presses Run on the example and waits for its output, timed in the page: from the click to the moment an output
 * block (a new one: the run replaces the previous run's) holding the first line of the expected output is in the DOM.
 */
async function pressRun(page: Page, example: LessonExample): Promise<number> {
  const box = page.locator(`figure.playground[data-example-id="${example.id}"]`);
  await box.scrollIntoViewIfNeeded();
  return page.evaluate(
    ({ id, firstLine, timeoutMs }) =>
      new Promise<number>((resolve, reject) => {
        const figure = document.querySelector(`figure.playground[data-example-id="${CSS.escape(id)}"]`)!;
        const button = [...figure.querySelectorAll("button")].find((b) => b.textContent?.trim() === "Run");
        if (!button) return reject(new Error(`no Run button on ${id}`));
        const previous = figure.querySelector('[data-testid="stdout"]');
        const timer = setTimeout(() => reject(new Error(`no output from ${id} within ${timeoutMs} ms`)), timeoutMs);
        const started = performance.now();
        const observer = new MutationObserver(() => {
          const output = figure.querySelector('[data-testid="stdout"]');
          if (!output || output === previous || !output.textContent?.includes(firstLine)) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve(performance.now() - started);
        });
        observer.observe(figure, { childList: true, subtree: true, characterData: true });
        button.click();
      }),
    { id: example.id, firstLine: example.expectedOutput.split("\n")[0]!, timeoutMs: TIMEOUT_MS },
  );
}

/** Bytes of Pyodide's files over the wire as one page fetched them (each file once). */
function watchPyodide(page: Page): Map<string, number> {
  const bytes = new Map<string, number>();
  page.on("requestfinished", async (request) => {
    if (!request.url().includes("/vendor/pyodide/") || bytes.has(request.url())) return;
    bytes.set(request.url(), (await request.sizes()).responseBodySize);
  });
  return bytes;
}

type Round = { cold: number; warm: number; cached: number; bytes: number };

/** One browser profile from empty: the cold first run, Run again on the same page, then a first run on a new page. */
async function round(browser: Browser, url: string, example: LessonExample): Promise<Round> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const downloaded = watchPyodide(page);
    await page.goto(url, { waitUntil: "load" });
    const cold = await pressRun(page, example);
    const warm = await pressRun(page, example);
    const again = await context.newPage();
    await again.goto(url, { waitUntil: "load" });
    const cached = await pressRun(again, example);
    return { cold, warm, cached, bytes: [...downloaded.values()].reduce((a, b) => a + b, 0) };
  } finally {
    await context.close();
  }
}

export async function measurePyodide(ctx: BenchContext): Promise<Figure[]> {
  const example = browserPythonExample();
  const url = `${ctx.server.url}/learn/${example.lessonId}`;
  ctx.log(`pyodide: ${example.id} on ${url}`);
  await fetchPyodide(ctx.server.url);
  const downloadMs = await fetchPyodide(ctx.server.url);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  const rounds: Round[] = [];
  try {
    for (let i = 0; i < ROUNDS; i++) rounds.push(await round(browser, url, example));
  } finally {
    await browser.close();
  }
  const median = (pick: (r: Round) => number) => Math.round(percentile(rounds.map(pick), 50));
  const cold = median((r) => r.cold);
  const mib = median((r) => r.bytes) / 2 ** 20;
  const of = `median of ${ROUNDS}`;
  return [
    {
      group: GROUP,
      id: "pyodide.cold",
      label: `Python in the browser, first run with an empty cache (${example.id}; ${mib.toFixed(1)} MiB of Pyodide over the wire), ${of}`,
      value: cold,
      unit: "ms",
      better: "lower",
      baseline: { label: "downloading Pyodide's files alone", value: Math.round(downloadMs) },
      budget: { limit: COLD_BUDGET_MS, on: "value" },
    },
    {
      group: GROUP,
      id: "pyodide.cached",
      label: `Python in the browser, first run on a new page with Pyodide in the HTTP cache, ${of}`,
      value: median((r) => r.cached),
      unit: "ms",
      better: "lower",
      baseline: { label: "the cold first run", value: cold },
    },
    {
      group: GROUP,
      id: "pyodide.warm",
      label: `Python in the browser, second run on the same page (interpreter loaded), ${of}`,
      value: median((r) => r.warm),
      unit: "ms",
      better: "lower",
      budget: { limit: WARM_BUDGET_MS, on: "value" },
    },
  ];
}
