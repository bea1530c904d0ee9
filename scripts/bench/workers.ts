import os from "node:os";
import { applyMigrations } from "../db/migrate-lib";
import { freePort, startPgCluster } from "../db/pg-cluster";
import { createAccounts, signInAll } from "../lib/learners";
import { startServer, type RunningServer } from "../lib/production-server";
import { startWorker } from "../lib/runner-worker";
import type { BenchContext } from "./context";
import { percentile, type Figure } from "./figures";
import { KERNEL, ORPHANS, postmasterOf, startCpuMeter } from "./process-cpu";
import { quizAttempts } from "./quiz-load";
import { runOk } from "./run-client";
import { pressInLoop, type Presses, type Program } from "./run-loop";

// Issue 17's benchmark: what a deployment beyond one machine gets from its runner workers and its app instances, on
// one throwaway PostgreSQL. One app in RUNNER_MODE=queue with 1, then 2 runner workers (2 slots each), against the
// same build in the inline mode (the app's own sandbox, 2 slots) as the baseline, so the queue's cost is visible:
// LEARNERS learners pressing Run in a closed loop, and one learner alone (the latency a quiet site adds per run).
// Then quiz attempts by signed-in learners against 1 and against 2 app instances of the same database.
// Everything shares this machine's cores, so runs/s per machine core is what this machine does, and the sizing figures
// come from CPU time: runs per CPU-second of the runner process trees (workers and their sandboxes; the inline app and
// its sandboxes), and attempts per CPU-second of the app processes.

const GROUP = "Beyond one machine";
const LEARNERS = 24;
const QUIZ_LEARNERS = 40;
/**
 * The sizing assumption behind "learners per app core": a learner at work sends about this many requests a minute
 * (the lesson page's progress beat once a minute, draft saves while editing, a page, a quiz attempt or a run now and
 * then), each counted as costly as a quiz attempt, the heaviest write.
 */
const REQUESTS_PER_LEARNER_MINUTE = 6;
/** Limits out of the way: the loop measures the runner side, not the rate limit or the line's length. */
const RUNNER_ENV = { RUNNER_CONCURRENCY: "2", RUNNER_RATE_PER_MINUTE: "100000", RUNNER_QUEUE_SIZE: String(LEARNERS * 2) };
/** One learner's run through the queue against the same run inline, at most. */
const QUEUE_LATENCY_BUDGET = 2;
/** Cores' worth of CPU other processes may take during a measurement before its note says it was disturbed. */
const DISTURBED_CORES = 0.1;
/** Sandbox uids of their own (slots base…base+1), clear of the other bench modules' and the tests'. */
const UID_BASE = { inline: 64300, workers: [64800, 64900] } as const;

const GO = `package main\n\nimport "fmt"\n\nfunc main() {\n\tsum := 0\n\tfor i := 0; i < 1000; i++ {\n\t\tsum += i % 7\n\t}\n\tfmt.Println(sum)\n}\n`;
type Measurable = Program & { key: string; label: string };
const PROGRAMS: Measurable[] = [
  { key: "python", label: "Python, small program", language: "python", code: "print(sum(i * i for i in range(1000)))\n", stdout: "332833500\n" },
  // The same code every time: built once, then from the build cache, as a lesson's example is.
  { key: "go", label: "Go, small program, build cached", language: "go", code: GO, stdout: "2997\n" },
];

const WORKERS = "workers";
/** Where the load goes, whose CPU is counted, and which of those parts runs the programs. */
type Setup = { key: string; label: string; url: string; cpu: Record<string, number[]>; runnerPart: string };
type Measured = { alone: Presses; loop: Presses; cpu: Record<string, number>; ranBy: Map<string, number> };

/** Runs per worker from /api/health (each reports its count after every run): the runs were theirs. */
async function runsPerWorker(url: string): Promise<Map<string, number>> {
  const body = (await (await fetch(`${url}/api/health`)).json()) as { runner?: { workers?: { name: string; runs: number }[] } };
  return new Map((body.runner?.workers ?? []).map((w) => [w.name, w.runs]));
}

const latency = (presses: Presses, q: number) => Math.round(percentile(presses.latencies, q));
const perSecond = (presses: Presses) => presses.runs / presses.seconds;

async function measureSetup(ctx: BenchContext, setup: Setup, program: Measurable): Promise<Measured> {
  // Every setup gets a run first: the Go build is in the cache from then on, and the loop measures warm runners.
  await runOk(setup.url, program);
  const alone = await pressInLoop(setup.url, program, 1, ctx.seconds / 2);
  const before = await runsPerWorker(setup.url);
  const stop = startCpuMeter(setup.cpu);
  const loop = await pressInLoop(setup.url, program, LEARNERS, ctx.seconds, 1);
  const cpu = stop();
  const after = await runsPerWorker(setup.url);
  const ranBy = new Map([...after].map(([name, runs]) => [name, runs - (before.get(name) ?? 0)]));
  // In the queue every run is a worker's: a count that differs means runs went somewhere else (or twice).
  const workersRan = [...ranBy.values()].reduce((sum, runs) => sum + runs, 0);
  if (setup.runnerPart === WORKERS && workersRan !== loop.runs) loop.unexpected.push(`the workers counted ${workersRan} runs, the learners got ${loop.runs}`);
  ctx.log(
    `  ${setup.key}, ${program.key}: ${perSecond(loop).toFixed(1)} runs/s, p50 ${latency(loop, 50)} ms, p99 ${latency(loop, 99)} ms; alone p50 ${latency(alone, 50)} ms; ` +
      `${cpuNote(cpu, loop.runs, loop.seconds)}${ranBy.size ? ` Ran by ${[...ranBy].map(([name, runs]) => `${name} ${runs}`).join(", ")}.` : ""}`,
  );
  for (const presses of [alone, loop]) if (presses.unexpected.length) ctx.log(`  unexpected answers, e.g. ${presses.unexpected.slice(0, 3).join(" | ")}`);
  return { alone, loop, cpu, ranBy };
}

/**
 * What running the programs cost: the runner's process trees, plus the sandboxes' processes that outlived their parent
 * (init reaped them, process-cpu.ts) and the kernel threads tearing down namespaces and cgroups. Nothing else runs
 * programs while a setup is measured, so both are the runner's.
 */
function runnerMs(setup: Setup, cpu: Record<string, number>): number {
  return cpu[setup.runnerPart]! + cpu[ORPHANS]! + cpu[KERNEL]!;
}

function cpuNote(cpu: Record<string, number>, count: number, seconds: number, per = "run"): string {
  const parts = Object.entries(cpu).map(([name, ms]) => `${name} ${(ms / count).toFixed(1)}`).join(", ");
  const busy = Object.values(cpu).reduce((sum, ms) => sum + ms, 0) / 1000 / seconds;
  const others = cpu.other! / 1000 / seconds;
  // Work that is none of the deployment's took cores from it: say so next to the figure rather than leave it a mystery.
  const disturbed = others > DISTURBED_CORES ? ` Disturbed: other processes took ${others.toFixed(2)} cores meanwhile.` : "";
  return `CPU ms per ${per}: ${parts} (${busy.toFixed(2)} of ${os.cpus().length} cores busy).${disturbed}`;
}

function runFigures(setup: Setup, program: Measurable, measured: Measured, inline: Measured | undefined): Figure[] {
  const { alone, loop, cpu, ranBy } = measured;
  const id = `workers.${program.key}.${setup.key}`;
  const label = `${program.label}, ${setup.label}`;
  /** The queue's figures against the inline runner's, measured just before on the same app build and database. */
  const baseline = (what: string, of: (m: Measured) => number) => (inline ? { baseline: { label: `inline runner, ${what}`, value: of(inline) } } : {});
  const ranNote = ranBy.size ? ` Runs per worker (their own count): ${[...ranBy].map(([name, runs]) => `${name} ${runs}`).join(", ")}.` : "";
  return [
    {
      group: GROUP,
      id: `${id}.runs-per-s`,
      label: `${label}, ${LEARNERS} learners pressing Run in a loop: runs/s`,
      value: Math.round(perSecond(loop) * 10) / 10,
      unit: "runs/s",
      better: "higher",
      ...baseline("same load", (m) => Math.round(perSecond(m.loop) * 10) / 10),
      note: `${cpuNote(cpu, loop.runs, loop.seconds)}${ranNote}`,
    },
    { group: GROUP, id: `${id}.p50`, label: `${label}, ${LEARNERS} learners: p50`, value: latency(loop, 50), unit: "ms", better: "lower", ...baseline("same load", (m) => latency(m.loop, 50)) },
    { group: GROUP, id: `${id}.p99`, label: `${label}, ${LEARNERS} learners: p99`, value: latency(loop, 99), unit: "ms", better: "lower", ...baseline("same load", (m) => latency(m.loop, 99)) },
    {
      group: GROUP,
      id: `${id}.alone-p50`,
      label: `${label}, one learner alone: p50`,
      value: latency(alone, 50),
      unit: "ms",
      better: "lower",
      ...baseline("one learner alone", (m) => latency(m.alone, 50)),
      // What the queue adds to a run on a quiet site (measured 1.1 to 1.3×); waiting on a poll instead of the
      // notifications would add hundreds of milliseconds.
      ...(inline ? { budget: { limit: QUEUE_LATENCY_BUDGET, on: "ratio" as const } } : {}),
    },
    {
      group: GROUP,
      id: `${id}.per-machine-core`,
      label: `${label}: runs/s per machine core (everything shares the ${os.cpus().length})`,
      value: Math.round((perSecond(loop) / os.cpus().length) * 10) / 10,
      unit: "runs/s/core",
      better: "higher",
    },
    {
      group: GROUP,
      id: `${id}.per-runner-core`,
      label: `${label}: runs per runner CPU-second (${setup.runnerPart}, with the sandbox processes init reaped and kernel threads)`,
      value: Math.round((loop.runs / (runnerMs(setup, cpu) / 1000)) * 10) / 10,
      unit: "runs/core-s",
      better: "higher",
    },
  ];
}

/** Inline first (the baseline), then the queue with 1 worker, then with 2; every program on each. */
async function measureRuns(ctx: BenchContext, setups: { inline: Setup; queue: Setup }, addWorker: () => Promise<void>): Promise<Figure[]> {
  const figures: Figure[] = [];
  let unexpected = 0;
  const where: string[] = [];
  const inline = new Map<string, Measured>();
  const measure = async (setup: Setup) => {
    for (const program of PROGRAMS) {
      const measured = await measureSetup(ctx, setup, program);
      if (setup === setups.inline) inline.set(program.key, measured);
      figures.push(...runFigures(setup, program, measured, setup === setups.inline ? undefined : inline.get(program.key)));
      const count = measured.alone.unexpected.length + measured.loop.unexpected.length;
      unexpected += count;
      if (count) where.push(`${setup.key}, ${program.key}: ${count}`);
    }
  };
  await measure(setups.inline);
  await measure({ ...setups.queue, key: "1-worker", label: "queue, 1 worker" });
  await addWorker();
  await measure({ ...setups.queue, key: "2-workers", label: "queue, 2 workers" });
  return [
    ...figures,
    {
      group: GROUP,
      id: "workers.unexpected",
      label: "answers other than the program's output, every program on every setup (no 429 expected: limits set out of the way)",
      value: unexpected,
      unit: "answers",
      better: "lower",
      budget: { limit: 0, on: "value" },
      ...(where.length ? { note: where.join("; ") } : {}),
    },
  ];
}

async function measureQuizzes(ctx: BenchContext, databaseUrl: string, apps: RunningServer[], postgres: number): Promise<Figure[]> {
  const learners = await signInAll(apps[0]!.url, await createAccounts(databaseUrl, QUIZ_LEARNERS));
  const cookies = learners.map((learner) => learner.cookieHeader());
  // Both instances answer a few attempts first (their routes compiled, their pools open).
  await quizAttempts(apps.map((app) => app.url), cookies, 2);
  const runs = [];
  for (const count of [1, 2]) {
    const serving = apps.slice(0, count);
    const stop = startCpuMeter({ apps: serving.map((app) => app.pid), PostgreSQL: [postgres] });
    const load = await quizAttempts(serving.map((app) => app.url), cookies, ctx.seconds);
    const cpu = stop();
    ctx.log(`  quiz attempts, ${count} app(s): ${Math.round(load.perSecond)}/s, p50 ${load.p50.toFixed(0)} ms, p99 ${load.p99} ms; ${cpuNote(cpu, load.answers, ctx.seconds, "attempt")}`);
    runs.push({ count, load, cpu, appMs: cpu.apps! / load.answers });
  }
  const [one, two] = runs as [(typeof runs)[number], (typeof runs)[number]];
  const name = (count: number) => `${count} app instance${count > 1 ? "s" : ""}`;
  const attemptsPerAppCoreSecond = 1000 / one.appMs;
  return [
    ...runs.flatMap(({ count, load, cpu, appMs }) => [
      {
        group: GROUP,
        id: `workers.quiz.${count}-app.attempts-per-s`,
        label: `quiz attempts, ${QUIZ_LEARNERS} signed-in learners round-robin over ${name(count)} on one PostgreSQL: attempts/s`,
        value: Math.round(load.perSecond),
        unit: "attempts/s",
        better: "higher" as const,
        ...(count > 1 ? { baseline: { label: name(1), value: Math.round(one.load.perSecond) } } : {}),
        note: cpuNote(cpu, load.answers, ctx.seconds, "attempt"),
      },
      { group: GROUP, id: `workers.quiz.${count}-app.p99`, label: `quiz attempts, ${name(count)}: p99 (the worse instance's)`, value: load.p99, unit: "ms", better: "lower" as const },
      { group: GROUP, id: `workers.quiz.${count}-app.cpu-ms`, label: `quiz attempts, ${name(count)}: app CPU per attempt`, value: Math.round(appMs * 100) / 100, unit: "ms", better: "lower" as const },
    ]),
    {
      group: GROUP,
      id: "workers.quiz.learners-per-app-core",
      label: `learners one app core serves, at ${REQUESTS_PER_LEARNER_MINUTE} requests a minute each costing a quiz attempt`,
      value: Math.round((attemptsPerAppCoreSecond * 60) / REQUESTS_PER_LEARNER_MINUTE),
      unit: "learners",
      better: "higher",
      note: `${Math.round(attemptsPerAppCoreSecond)} attempts per app CPU-second (1 instance); 2 instances: ${(1000 / two.appMs).toFixed(0)}.`,
    },
  ];
}

export async function measureWorkers(ctx: BenchContext): Promise<Figure[]> {
  const cluster = await startPgCluster();
  const running: Array<{ stop: () => Promise<unknown> }> = [];
  try {
    cluster.createDatabase("workers");
    const databaseUrl = cluster.url("workers");
    await applyMigrations({ provider: "postgresql", url: databaseUrl });
    const postgres = postmasterOf(Number(new URL(databaseUrl).port));
    if (!postgres) throw new Error(`no postmaster found for ${databaseUrl}`);
    const app = async (env: Record<string, string>) => {
      const server = await startServer({ port: await freePort(), databaseUrl, secret: ctx.secret, env: { ...RUNNER_ENV, ...env } });
      running.push(server);
      return server;
    };
    const worker = async (n: number) => {
      const started = await startWorker({ databaseUrl, name: `worker-${n + 1}`, env: { ...RUNNER_ENV, RUNNER_UID_BASE: String(UID_BASE.workers[n]) } });
      running.push(started);
      return started;
    };
    // An enqueueing app has nothing to warm; the workers share this host's warmed caches.
    const [queued, inline, first] = await Promise.all([
      app({ RUNNER_MODE: "queue", RUNNER_WARM_AT_START: "0" }),
      app({ RUNNER_MODE: "inline", RUNNER_UID_BASE: String(UID_BASE.inline) }),
      worker(0),
    ]);
    const setups = {
      inline: { key: "inline", label: "inline runner", url: inline.url, cpu: { "app and its sandboxes": [inline.pid], PostgreSQL: [postgres] }, runnerPart: "app and its sandboxes" },
      queue: { key: "queue", label: "queue", url: queued.url, cpu: { app: [queued.pid], [WORKERS]: [first.pid], PostgreSQL: [postgres] }, runnerPart: WORKERS },
    };
    const figures = await measureRuns(ctx, setups, async () => {
      const second = await worker(1);
      setups.queue.cpu[WORKERS]!.push(second.pid);
    });
    // The workers go idle: the app instances are measured alone (the inline one serves quizzes like any other).
    ctx.log("  quiz attempts, 1 and 2 app instances…");
    figures.push(...(await measureQuizzes(ctx, databaseUrl, [queued, inline], postgres)));
    return figures;
  } finally {
    await Promise.allSettled(running.map((started) => started.stop()));
    cluster.stop();
  }
}
