import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { BenchContext } from "./context";
import type { Figure } from "./figures";
import { lessonPageSizes } from "./lesson-size";
import { load, type LoadResult } from "./load";

// Measurement 1: how fast the app serves its heaviest static pages, against a bare node:http server sending the very
// same bytes in the same encoding — compressing each time (what a server does without a cache) and compressed once
// (the best a server can do). The budget: ≥ 80% of the first's req/s, p99 ≤ 2× the second's.

const GROUP = "Lesson pages";
/** What Chromium sends. */
const BROWSER_ENCODINGS = "gzip, deflate, br, zstd";
const CONNECTIONS = [20, 50] as const;

type Page = { key: string; label: string; path: string };

/** The page's bytes as the app sends them to a browser (decoded by fetch) and the encoding it chose. */
async function pageAsServed(url: string): Promise<{ html: string; encoding: string }> {
  const response = await fetch(url, { headers: { "accept-encoding": BROWSER_ENCODINGS } });
  const html = await response.text();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return { html, encoding: response.headers.get("content-encoding") ?? "identity" };
}

async function startBare(file: string, mode: "per-request" | "pre-compressed", encoding: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [path.join(import.meta.dirname, "bare-server.mjs"), file, mode, encoding], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      const match = /bare-server: (\d+)/.exec(chunk.toString());
      if (match) resolve(Number(match[1]));
    });
    child.once("exit", (code) => reject(new Error(`bare-server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}/`, child };
}

function checked(label: string, result: LoadResult): LoadResult {
  if (result.failures > 0) throw new Error(`${label}: ${result.failures} of ${result.requests} requests failed or were not 2xx`);
  return result;
}

export async function measurePages(ctx: BenchContext): Promise<Figure[]> {
  const [largest] = await lessonPageSizes(ctx.server.url);
  if (!largest) throw new Error("the catalog has no lessons");
  const pages: Page[] = [
    { key: "largest-lesson", label: `largest lesson (${largest.path})`, path: largest.path },
    { key: "catalog", label: "catalog (/learn)", path: "/learn" },
  ];
  const figures: Figure[] = [];
  const dir = mkdtempSync(path.join(tmpdir(), "bp-bench-pages-"));
  for (const page of pages) {
    const url = ctx.server.url + page.path;
    const { html, encoding } = await pageAsServed(url);
    const file = path.join(dir, `${page.key}.html`);
    writeFileSync(file, html);
    const perRequest = await startBare(file, "per-request", encoding);
    const preCompressed = await startBare(file, "pre-compressed", encoding);
    const headers = { "accept-encoding": BROWSER_ENCODINGS };
    try {
      for (const connections of CONNECTIONS) {
        const opts = { connections, seconds: ctx.seconds, headers };
        ctx.log(`pages: ${page.path} at ${connections} connections (${encoding})`);
        const app = checked(`${page.path} (app)`, await load(url, opts));
        const same = checked(`${page.path} (bare, ${encoding} per request)`, await load(perRequest.url, opts));
        const best = checked(`${page.path} (bare, pre-compressed)`, await load(preCompressed.url, opts));
        const at = `${page.label}, ${connections} connections`;
        const id = `pages.${page.key}.c${connections}`;
        figures.push(
          { group: GROUP, id: `${id}.rps`, label: `${at}: req/s`, value: app.requestsPerSecond, unit: "req/s", better: "higher",
            baseline: { label: `bare Node, same bytes, ${encoding} per request`, value: same.requestsPerSecond }, budget: { limit: 0.8, on: "ratio" } },
          { group: GROUP, id: `${id}.p99`, label: `${at}: p99`, value: app.p99Ms, unit: "ms", better: "lower",
            baseline: { label: `bare Node, same bytes pre-compressed`, value: best.p99Ms }, budget: { limit: 2, on: "ratio" } },
          { group: GROUP, id: `${id}.p50`, label: `${at}: p50`, value: app.p50Ms, unit: "ms", better: "lower",
            baseline: { label: `bare Node, same bytes pre-compressed`, value: best.p50Ms } },
          { group: GROUP, id: `${id}.rps-pre`, label: `${at}: req/s against pre-compressed`, value: app.requestsPerSecond, unit: "req/s", better: "higher",
            baseline: { label: `bare Node, same bytes pre-compressed`, value: best.requestsPerSecond } },
        );
      }
    } finally {
      perRequest.child.kill();
      preCompressed.child.kill();
    }
  }
  return figures;
}
