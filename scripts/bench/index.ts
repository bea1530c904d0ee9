// `npm run bench` (after scripts/bench.sh has built the app): starts the production server on a fresh SQLite file, runs
// every measurement of issue 15 against it, prints one table and writes bench/results/latest.json and latest.md,
// comparing with the results file that was there before (a figure more than 20% worse is flagged).
// BENCH_ONLY=pages,memory runs some of them (their results go to bench/results/only-<names>.*); BENCH_SECONDS sets the length of each load phase (default 8: the
// whole run, install and build included, stays under 15 minutes from a clean clone).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../db/pg-cluster";
import { newSecret, startServer } from "../lib/production-server";
import type { BenchContext } from "./context";
import type { Figure } from "./figures";
import { measureBrowser } from "./browser";
import { measureLessonSize } from "./lesson-size";
import { measureMemory } from "./memory";
import { measurePages } from "./pages";
import { measureProgressWrites } from "./progress-writes";
import { measurePyodide } from "./pyodide";
import { measureRunLatency } from "./run-latency";
import { measureRunnerLoad } from "./runner-load";
import { measureWorkers } from "./workers";
import { markdown, table, type Results } from "./report";

const ROOT = path.resolve(import.meta.dirname, "../..");
const RESULTS_DIR = path.join(ROOT, "bench", "results");
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const only = process.env.BENCH_ONLY?.split(",").map((name) => name.trim());

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

function migrate(databaseUrl: string): void {
  const result = spawnSync("npm", ["run", "--silent", "db:migrate"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`migrating the bench database failed:\n${result.stderr}${result.stdout}`);
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), "bp-bench-"));
const databaseUrl = `file:${path.join(dataDir, "bench.db")}`;
migrate(databaseUrl);
const secret = newSecret();
const server = await startServer({ port: await freePort(), databaseUrl, secret });
log(`server ready on ${server.url} in ${server.readyMs} ms`);
// Idle: started and answered one page, nothing else yet.
await new Promise((resolve) => setTimeout(resolve, 2000));
const idleKiB = server.rssKiB();
const ctx: BenchContext = { server, databaseUrl, secret, seconds, log };

// In the order that keeps them from disturbing each other: page figures on a quiet server first, memory after them,
// then writes and runs (which start servers of their own where they need another database or a restart).
const measurements: Array<[string, () => Promise<Figure[]>]> = [
  ["lesson-size", () => measureLessonSize(ctx)],
  ["pages", () => measurePages(ctx)],
  ["browser", () => measureBrowser(ctx)],
  ["pyodide", () => measurePyodide(ctx)],
  ["memory", () => measureMemory(ctx, idleKiB)],
  ["progress-writes", () => measureProgressWrites(ctx)],
  ["run-latency", () => measureRunLatency(ctx)],
  // Last: it raises the server's memory, which the memory figures above must not see.
  ["runner-load", () => measureRunnerLoad(ctx)],
  // Its own PostgreSQL, app instances and runner workers (issue 17): nothing of the bench's server is measured.
  ["workers", () => measureWorkers(ctx)],
];

const figures: Figure[] = [];
const failures: Results["failures"] = [];
const started = performance.now();
try {
  for (const [name, measure] of measurements) {
    if (only && !only.includes(name)) continue;
    const at = performance.now();
    log(`${name}…`);
    try {
      figures.push(...(await measure()));
    } catch (error) {
      failures.push({ measurement: name, error: error instanceof Error ? error.message : String(error) });
      log(`${name} failed: ${error instanceof Error ? error.stack : error}`);
    }
    log(`${name} took ${Math.round((performance.now() - at) / 1000)} s`);
  }
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

const cpus = os.cpus();
const results: Results = {
  finished: new Date().toISOString(),
  machine: { cpus: cpus.length, model: cpus[0]?.model.trim() ?? "unknown", memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
  seconds,
  figures,
  failures,
};
// A run of some modules is kept apart from the full run (and compared with the last run of the same modules), so it
// never replaces the full results with a part of them.
const stem = only ? `only-${[...only].sort().join("+")}` : "latest";
const latest = path.join(RESULTS_DIR, `${stem}.json`);
const previous = existsSync(latest) ? (JSON.parse(readFileSync(latest, "utf8")) as Results) : undefined;
mkdirSync(RESULTS_DIR, { recursive: true });
writeFileSync(latest, `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(path.join(RESULTS_DIR, `${stem}.md`), markdown(results, previous));
console.log(table(results, previous));
log(`done in ${Math.round((performance.now() - started) / 1000)} s; bench/results/${stem}.md`);
process.exitCode = failures.length ? 1 : 0;
