import { getCatalog } from "@/lib/content/catalog";
import { CODE_LANGUAGES, type CodeLanguage } from "@/lib/course/vocabulary";
import { runCode } from "@/lib/runner/run-code";
import { planFor } from "@/lib/runner/sandbox/languages";
import { prepareToolchains } from "@/lib/runner/sandbox/toolchains";
import { freePort } from "../db/pg-cluster";
import { startServer } from "../lib/production-server";
import { runBare } from "./bare-run";
import type { BenchContext } from "./context";
import { percentile, type Figure } from "./figures";
import { runOk } from "./run-client";

// Measurement 3: how long a learner waits for a server run, per language, for a small program and for the heaviest
// example of the lessons in that language (the one whose run took longest in a probe run of every example, made
// here). Through POST /api/run on a server of this measurement's own, started with a rate limit 20 runs in a row
// cannot reach (one client address, 30 a minute by default); the same server started afresh gives the first Go and
// Rust runs after a start. The sandbox's overhead is measured in this process (runCode against the same plan run
// bare, scripts/bench/bare-run.ts), where HTTP is not in the way of either side.
// Go and Rust are measured twice: "compiles" gives each run a source of its own (a comment with a nonce), as a
// learner's edit is; "built before" runs one source again, which the build cache (sandbox/build-cache.ts) answers
// without compiling, as a lesson's unchanged example is for every learner after the first.

const GROUP = "Run latency";
const RUNS = 20;
/** Runs of each side of a sandbox-overhead comparison; the heaviest examples take seconds each. */
const OVERHEAD_RUNS = { small: 10, heaviest: 5 };
const BUDGET_MS: Record<CodeLanguage, number> = { javascript: 100, typescript: 100, python: 100, go: 1000, rust: 1500 };
const FIRST_RUN_BUDGET_MS = 2000;
const OVERHEAD_BUDGET = 1.3;
const COMPILED: readonly CodeLanguage[] = ["go", "rust"];
/** Its own sandbox uids, apart from the bench server's (64000 + slot), and a slot apart for the in-process runs. */
const SERVER_ENV = { RUNNER_RATE_PER_MINUTE: "100000", RUNNER_UID_BASE: "64100" };
const IN_PROCESS_SLOT = 20;

const SMALL: Record<CodeLanguage, string> = {
  javascript: `console.log([1, 2, 3].map((n) => n * 2).join(","));\n`,
  typescript: `const double = (n: number): number => n * 2;\nconsole.log([1, 2, 3].map(double).join(","));\n`,
  python: `print(",".join(str(n * 2) for n in [1, 2, 3]))\n`,
  go: `package main\n\nimport "fmt"\n\nfunc main() { fmt.Println(2, 4, 6) }\n`,
  rust: `fn main() { println!("{:?}", [1, 2, 3].map(|n| n * 2)); }\n`,
};

let nonces = 0;
/** The same program, new to every cache: a trailing comment no other run has had. */
function fresh(language: CodeLanguage, code: string): string {
  return `${code}\n${language === "python" ? "#" : "//"} bench ${process.pid}-${Date.now()}-${++nonces}\n`;
}

type Sample = { ms: number; runMs: number };
type Variant = { key: string; label: string; compiles: boolean };

const variantsOf = (language: CodeLanguage): Variant[] =>
  COMPILED.includes(language)
    ? [
        { key: "", label: "compiles", compiles: true },
        { key: ".cached", label: "built before", compiles: false },
      ]
    : [{ key: "", label: "", compiles: false }];

async function httpSeries(url: string, language: CodeLanguage, code: string, variant: Variant, runs = RUNS): Promise<Sample[]> {
  // One run first, not counted: it builds what "built before" reuses, and loads the route in a new server.
  await runOk(url, { language, code });
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    const { ms, result } = await runOk(url, { language, code: variant.compiles ? fresh(language, code) : code });
    samples.push({ ms, runMs: result.runMs ?? 0 });
  }
  return samples;
}

/** Each example of the language once, compiling: the one that took longest is the heaviest. */
async function heaviestExample(url: string, language: CodeLanguage): Promise<{ id: string; code: string; ms: number }> {
  let heaviest: { id: string; code: string; ms: number } | undefined;
  for (const example of getCatalog().lessons.flatMap((lesson) => lesson.examples)) {
    if (example.language !== language) continue;
    const { ms } = await runOk(url, { language, code: fresh(language, example.code) });
    if (!heaviest || ms > heaviest.ms) heaviest = { id: example.id, code: example.code, ms };
  }
  if (!heaviest) throw new Error(`no lesson example in ${language}`);
  return heaviest;
}

const median = (values: number[]) => percentile(values, 50);
const round = (ms: number) => Math.round(ms * 10) / 10;

function latencyFigures(id: string, label: string, language: CodeLanguage, samples: Sample[], bare: number[], note?: string): Figure[] {
  const ms = samples.map((s) => s.ms);
  const figure = (stat: "median" | "p95", p: number): Figure => ({
    group: GROUP,
    id: `${id}.${stat}`,
    label: `${label}, ${stat} of ${samples.length}`,
    value: round(percentile(ms, p)),
    unit: "ms",
    better: "lower",
    baseline: { label: `the same program bare (its compile included), ${stat}`, value: round(percentile(bare, p)) },
    budget: { limit: BUDGET_MS[language], on: "value" },
    ...(note ? { note } : {}),
  });
  return [figure("median", 50), figure("p95", 95)];
}

/** In this process: the sandbox (runCode) against the same plan bare, alternating, each run compiling afresh. */
async function overhead(language: CodeLanguage, code: string, runs: number): Promise<{ sandbox: number[]; bare: number[] }> {
  const toolchains = await prepareToolchains(language);
  const sandbox: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < runs; i++) {
    const source = COMPILED.includes(language) ? fresh(language, code) : code;
    bare.push(await runBare(planFor(language, source, toolchains)));
    const started = performance.now();
    const result = await runCode({ language, code: source }, { slot: IN_PROCESS_SLOT });
    if (result.exitCode !== 0) throw new Error(`${language} failed in the sandbox: ${result.stderr.slice(0, 400)}`);
    sandbox.push(performance.now() - started);
  }
  return { sandbox, bare };
}

function overheadFigure(id: string, label: string, { sandbox, bare }: { sandbox: number[]; bare: number[] }): Figure {
  return {
    group: GROUP,
    id,
    label: `${label}: in the sandbox, median of ${sandbox.length}`,
    value: round(median(sandbox)),
    unit: "ms",
    better: "lower",
    baseline: { label: "the same toolchain and command bare (no bubblewrap, no cgroup, no rlimits)", value: round(median(bare)) },
    budget: { limit: OVERHEAD_BUDGET, on: "ratio" },
  };
}

/** A server started now; its first run of a program nothing has built: from sending it to the answer. */
async function firstRunAfterStart(ctx: BenchContext, language: CodeLanguage): Promise<Figure> {
  const server = await startServer({ port: await freePort(), databaseUrl: ctx.databaseUrl, secret: ctx.secret, env: SERVER_ENV });
  try {
    const { ms, result } = await runOk(server.url, { language, code: fresh(language, SMALL[language]) });
    return {
      group: GROUP,
      id: `run.${language}.first-after-start`,
      label: `${language}: first run after a server start (small program, compiled; server ready in ${server.readyMs} ms)`,
      value: Math.round(ms),
      unit: "ms",
      better: "lower",
      baseline: { label: "compile and run in the sandbox", value: (result.compileMs ?? 0) + (result.runMs ?? 0) },
      budget: { limit: FIRST_RUN_BUDGET_MS, on: "value" },
    };
  } finally {
    await server.stop();
  }
}

export async function measureRunLatency(ctx: BenchContext): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const language of COMPILED) {
    ctx.log(`run latency: first ${language} run after a start`);
    figures.push(await firstRunAfterStart(ctx, language));
  }

  const server = await startServer({ port: await freePort(), databaseUrl: ctx.databaseUrl, secret: ctx.secret, env: SERVER_ENV });
  try {
    for (const language of CODE_LANGUAGES) {
      ctx.log(`run latency: ${language}, picking the heaviest example`);
      const heaviest = await heaviestExample(server.url, language);
      const programs = [
        { key: "small", label: "small program", code: SMALL[language], overheadRuns: OVERHEAD_RUNS.small },
        { key: "heaviest", label: `heaviest example (${heaviest.id})`, code: heaviest.code, overheadRuns: OVERHEAD_RUNS.heaviest },
      ];
      for (const program of programs) {
        ctx.log(`run latency: ${language}, ${program.label}`);
        const sides = await overhead(language, program.code, program.overheadRuns);
        figures.push(overheadFigure(`run.${language}.${program.key}.sandbox-overhead`, `${language}, ${program.label}`, sides));
        for (const variant of variantsOf(language)) {
          const samples = await httpSeries(server.url, language, program.code, variant);
          const ownMs = median(samples.map((s) => s.runMs));
          // A program that waits on purpose (timeouts, deadlines) cannot answer faster than its own run.
          const note = program.key === "heaviest" ? `The program's own run (its sleeps and work included): median ${Math.round(ownMs)} ms.` : undefined;
          const label = `${language}, ${program.label}${variant.label ? `, ${variant.label}` : ""}: POST /api/run`;
          figures.push(...latencyFigures(`run.${language}.${program.key}${variant.key}`, label, language, samples, sides.bare, note));
        }
      }
    }
  } finally {
    await server.stop();
  }
  return figures;
}
