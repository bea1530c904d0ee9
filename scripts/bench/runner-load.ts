import os from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import type { CodeLanguage } from "@/lib/course/vocabulary";
import type { BenchContext } from "./context";
import type { Figure } from "./figures";
import { learnerAddress, postRun, type RunAnswer } from "./run-client";

// Measurement 5: 50 learners press Run at once on the bench server, as it is configured by default (2 programs at
// once, 8 waiting, one running per learner, 30 runs a minute per address), each from an address of its own
// (scripts/bench/run-client.ts), so the per-learner limits act as they would for 50 people. First the burst: all press
// at the same moment, and each one refused presses again after its Retry-After until it has its output; every answer
// must be the output or a 429 with Retry-After, no request may wait more than 30 s. Then BENCH_SECONDS of saturation:
// each learner presses again as soon as it has an answer (after Retry-After when refused), so the runner never idles
// and the programs run per second per core are what this machine can do. The server's memory is sampled throughout,
// from after a few runs have loaded the runner's code: V8 grows its heap in steps under concurrent requests (the soak
// test sees the same with pages), so "bounded" is judged as there: the last scenario may not end more than 25% above
// where the first one ended.

const GROUP = "Runner under load";
const LEARNERS = 50;
const MAX_WAIT_S = 30;
/** The burst gives up on anyone still without output after this long (then reported, not waited for). */
const BURST_LIMIT_MS = 120_000;
/** "Bounded": RSS after the last scenario against RSS after the first (the warm-up of the heap). */
const RSS_GROWTH_BUDGET = 1.25;
const SAMPLE_MS = 250;
const SETTLE_MS = 5000;

type Scenario = { key: string; label: string; language: CodeLanguage; code: (learner: number, press: number) => string; stdout: string };

const GO = (comment: string) => `package main\n\nimport "fmt"\n\n// ${comment}\nfunc main() {\n\tsum := 0\n\tfor i := 0; i < 1000000; i++ {\n\t\tsum += i % 7\n\t}\n\tfmt.Println(sum)\n}\n`;
const SCENARIOS: Scenario[] = [
  { key: "go-example", label: "Go, the same lesson example (compiled once, then from the build cache)", language: "go", code: () => GO("example"), stdout: "2999997\n" },
  { key: "go-edits", label: "Go, every learner's own edit (every run compiles)", language: "go", code: (learner, press) => GO(`learner ${learner}, press ${press}, ${process.pid}-${Date.now()}`), stdout: "2999997\n" },
  { key: "python", label: "Python", language: "python", code: () => "print(sum(i % 7 for i in range(1000000)))\n", stdout: "2999997\n" },
];

type Tally = { runs: number; refusals: number; bad: string[]; maxWaitMs: number; answered: Set<number> };
const newTally = (): Tally => ({ runs: 0, refusals: 0, bad: [], maxWaitMs: 0, answered: new Set() });

/**
 * One press of Run and what came of it: "ran", or "refused" after waiting out its Retry-After (as far as `until`), or
 * "bad" for anything else (recorded).
 */
async function press(ctx: BenchContext, scenario: Scenario, n: number, count: number, tally: Tally, until: number): Promise<"ran" | "refused" | "bad"> {
  let answer: RunAnswer;
  try {
    answer = await postRun(ctx.server.url, { language: scenario.language, code: scenario.code(n, count) }, learnerAddress(n));
  } catch (error) {
    tally.bad.push(`learner ${n}: ${error instanceof Error ? error.message : String(error)}`);
    return "bad";
  }
  tally.maxWaitMs = Math.max(tally.maxWaitMs, answer.ms);
  if (answer.status === 200 && answer.result?.stdout === scenario.stdout && answer.result.exitCode === 0) {
    tally.runs++;
    tally.answered.add(n);
    return "ran";
  }
  if (answer.status === 429 && answer.retryAfter! > 0) {
    tally.refusals++;
    await sleep(Math.max(0, Math.min(answer.retryAfter! * 1000, until - Date.now())));
    return "refused";
  }
  tally.bad.push(`learner ${n}: ${answer.status} ${answer.body.slice(0, 200)}`);
  return "bad";
}

/** Everyone presses at once; the refused press again after Retry-After until each has had its output once. */
async function burst(ctx: BenchContext, scenario: Scenario): Promise<{ tally: Tally; seconds: number }> {
  const tally = newTally();
  const started = Date.now();
  const until = started + BURST_LIMIT_MS;
  await Promise.all(
    Array.from({ length: LEARNERS }, async (_, n) => {
      for (let count = 0; Date.now() < until; count++) {
        if ((await press(ctx, scenario, n, count, tally, until)) !== "refused") return;
      }
    }),
  );
  return { tally, seconds: (Date.now() - started) / 1000 };
}

/** BENCH_SECONDS of saturation: every learner presses again as soon as it has an answer. */
async function saturate(ctx: BenchContext, scenario: Scenario): Promise<{ tally: Tally; seconds: number }> {
  const tally = newTally();
  const started = Date.now();
  const until = started + ctx.seconds * 1000;
  await Promise.all(
    Array.from({ length: LEARNERS }, async (_, n) => {
      for (let count = 0; Date.now() < until; count++) {
        // Addresses of their own: the burst's learners have spent part of their minute's runs.
        if ((await press(ctx, scenario, LEARNERS + n, count, tally, until)) === "bad") return;
      }
    }),
  );
  // Runs still going when the time was up are counted, and so is the time they took.
  return { tally, seconds: (Date.now() - started) / 1000 };
}

async function scenarioFigures(ctx: BenchContext, scenario: Scenario): Promise<Figure[]> {
  const first = await burst(ctx, scenario);
  const then = await saturate(ctx, scenario);
  const cores = os.cpus().length;
  for (const { tally } of [first, then]) {
    if (tally.bad.length) ctx.log(`runner load (${scenario.key}): ${tally.bad.length} bad answers, e.g. ${tally.bad.slice(0, 3).join(" | ")}`);
  }
  const id = `load.${scenario.key}`;
  const label = `${scenario.label}, ${LEARNERS} learners pressing Run at once`;
  const throughput = then.tally.runs / then.seconds / cores;
  return [
    {
      group: GROUP,
      id: `${id}.bad-answers`,
      label: `${label}: answers neither the output nor a 429 with Retry-After (burst and steady use)`,
      value: first.tally.bad.length + then.tally.bad.length,
      unit: "answers",
      better: "lower",
      budget: { limit: 0, on: "value" },
    },
    {
      group: GROUP,
      id: `${id}.max-wait`,
      label: `${label}: longest wait for one answer`,
      value: Math.round(Math.max(first.tally.maxWaitMs, then.tally.maxWaitMs)) / 1000,
      unit: "s",
      better: "lower",
      budget: { limit: MAX_WAIT_S, on: "value" },
    },
    {
      group: GROUP,
      id: `${id}.all-answered`,
      label: `${label}: until the last of them had the output (pressing again after each Retry-After)`,
      value: Math.round(first.seconds * 10) / 10,
      unit: "s",
      better: "lower",
      note: `${first.tally.answered.size} of ${LEARNERS} had their output; ${first.tally.refusals} 429s on the way.`,
    },
    {
      group: GROUP,
      id: `${id}.throughput`,
      label: `${scenario.label}, ${LEARNERS} learners for ${ctx.seconds} s, each pressing again once answered: programs run per second per core`,
      value: Math.round(throughput * 100) / 100,
      unit: "runs/s/core",
      better: "higher",
      note: `${then.tally.runs} runs and ${then.tally.refusals} 429s in ${then.seconds.toFixed(1)} s on ${cores} cores; ${then.tally.answered.size} of ${LEARNERS} learners had output.`,
    },
  ];
}

export async function measureRunnerLoad(ctx: BenchContext): Promise<Figure[]> {
  // A run of each first, so "before" has the runner's code loaded and the figures compare load with no load.
  for (const scenario of SCENARIOS) await postRun(ctx.server.url, { language: scenario.language, code: scenario.code(-1, 0) });
  const before = ctx.server.rssKiB() / 1024;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, ctx.server.rssKiB() / 1024)), SAMPLE_MS);
  const figures: Figure[] = [];
  const ends: number[] = [];
  try {
    for (const scenario of SCENARIOS) {
      ctx.log(`runner load: ${scenario.label}`);
      figures.push(...(await scenarioFigures(ctx, scenario)));
      ends.push(ctx.server.rssKiB() / 1024);
    }
  } finally {
    clearInterval(timer);
  }
  await sleep(SETTLE_MS);
  const after = ctx.server.rssKiB() / 1024;
  const baseline = { label: "RSS after one run of each, before the load", value: Math.round(before) };
  return [
    ...figures,
    { group: GROUP, id: "load.rss.peak", label: "server RSS, peak during the load", value: Math.round(peak), unit: "MiB", better: "lower", baseline },
    {
      group: GROUP,
      id: "load.rss.growth",
      label: `server RSS after the last scenario (${SCENARIOS.at(-1)!.key})`,
      value: Math.round(ends.at(-1)!),
      unit: "MiB",
      better: "lower",
      baseline: { label: `after the first (${SCENARIOS[0]!.key})`, value: Math.round(ends[0]!) },
      budget: { limit: RSS_GROWTH_BUDGET, on: "ratio" },
    },
    { group: GROUP, id: "load.rss.after", label: `server RSS ${SETTLE_MS / 1000} s after the load`, value: Math.round(after), unit: "MiB", better: "lower", baseline },
  ];
}
