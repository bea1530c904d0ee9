import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { getCatalog } from "@/lib/content/catalog";
import type { SubmittedAnswers } from "@/lib/content/quiz-schema";
import { createDb } from "@/lib/db/create";
import { resolveDbTarget } from "@/lib/db/target";
import { gradeQuiz } from "@/lib/grading/quiz";
import { eventKey, newEventId } from "@/lib/progress/events";
import { emptyRecords, plan, type Writes } from "@/lib/progress/model";
import { requirementsFrom } from "@/lib/progress/verify";
import { rightAnswer } from "../../tests/support/quiz-answers";
import { freePort, startPgCluster } from "../db/pg-cluster";
import { createAccounts, signInAll } from "../lib/learners";
import { startServer } from "../lib/production-server";
import type { BenchContext } from "./context";
import { percentile, type Figure } from "./figures";
import { runLoad, type LoadRun } from "./learner-load";
import { pgWriter, sqliteWriter, type RawWriter } from "./raw-progress-writes";

// Measurement 4: quiz attempts by signed-in learners (each connection one learner, answering the course's quizzes in
// turn, all right, so attempts also complete lessons — the heavier write), at 20 and 50 concurrent learners, on
// SQLite (the bench's server) and on PostgreSQL (a throwaway cluster and a second server). The baseline is the same
// rows written straight through the same driver, same concurrency, same run. Budget on SQLite: ≥ 1,000 attempts/s,
// p99 ≤ 50 ms. Also the ceiling of a trivial route (GET /api/health) under the same load: what Next allows at all.

const GROUP = "Progress writes";
const LEARNERS = [20, 50] as const;
const ROOT = path.resolve(import.meta.dirname, "../..");

type Quiz = { id: string; path: string; answers: SubmittedAnswers; writes: Writes };

/** CPU time a process has used, user and system, all threads (clock ticks are 1/100 s on Linux). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** A load run and the server CPU it cost per answer: steadier than throughput on a machine shared with other work. */
async function withCpu(pid: number, run: () => Promise<LoadRun>): Promise<LoadRun & { cpuMsPer: number }> {
  const before = cpuMs(pid);
  const result = await run();
  return { ...result, cpuMsPer: (cpuMs(pid) - before) / result.answers };
}

function courseQuizzes(): Quiz[] {
  const catalog = getCatalog();
  const now = new Date();
  const ctx = { window: { from: now, to: now }, requirements: requirementsFrom(catalog) };
  return catalog.lessons.flatMap((lesson) => {
    if (!lesson.quiz) return [];
    const answers = Object.fromEntries(lesson.quiz.questions.map((q) => [q.id, rightAnswer(q)])) as SubmittedAnswers;
    const event = { type: "quiz" as const, id: newEventId(), quizId: lesson.id, answers, at: now.toISOString() };
    // What the ledger writes for a first attempt at this quiz: the raw baseline writes these rows.
    const writes = plan(emptyRecords(), [{ event, graded: gradeQuiz(lesson.quiz, answers) }], ctx);
    return [{ id: lesson.id, path: `/api/quizzes/${lesson.id}/attempts`, answers, writes }];
  });
}

type Learners = { cookies: string[]; userIds: string[] };

async function signedInLearners(base: string, databaseUrl: string, count: number): Promise<Learners> {
  const emails = await createAccounts(databaseUrl, count);
  const learners = await signInAll(base, emails);
  const db = createDb(resolveDbTarget(databaseUrl));
  try {
    const users = await db.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } });
    const idOf = new Map(users.map((u) => [u.email, u.id]));
    return { cookies: learners.map((l) => l.cookieHeader()), userIds: emails.map((e) => idOf.get(e)!) };
  } finally {
    await db.$disconnect();
  }
}

function attempts(base: string, quizzes: Quiz[], learners: Learners, connections: number, seconds: number): Promise<LoadRun> {
  return runLoad({
    url: base,
    connections,
    seconds,
    clientHeaders: (i) => ({ cookie: learners.cookies[i]! }),
    requests: quizzes.map((quiz) => ({ method: "POST", path: quiz.path, body: () => JSON.stringify({ answers: quiz.answers, attemptId: newEventId() }) })),
    // A guest's attempt is graded but not saved: a lost cookie must not pass for a fast write.
    check: (status, body) => (status !== 200 ? body.slice(0, 200) : body.includes('"saved":true') ? null : "not saved (signed out?)"),
  });
}

function health(base: string, connections: number, seconds: number): Promise<LoadRun> {
  return runLoad({ url: base, connections, seconds, requests: [{ method: "GET", path: "/api/health" }], check: (status, body) => (status === 200 ? null : body.slice(0, 200)) });
}

/** `workers` loops, each writing one attempt's rows and waiting for it before the next, for `seconds`. */
async function rawInserts(writer: RawWriter, quizzes: Quiz[], userIds: string[], workers: number, seconds: number): Promise<LoadRun> {
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      for (let n = 0; performance.now() < deadline; n++) {
        const template = quizzes[n % quizzes.length]!.writes;
        const at = performance.now();
        await writer.write(userIds[w]!, { ...template, eventIds: [eventKey({ type: "quiz", id: newEventId() })] });
        latencies.push(performance.now() - at);
        // A synchronous driver never yields: let the other loops (and the clock) run between writes.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }),
  );
  return { perSecond: latencies.length / ((performance.now() - started) / 1000), p50: percentile(latencies, 50), p99: percentile(latencies, 99), answers: latencies.length };
}

type Measured = { learners: number; app: LoadRun & { cpuMsPer: number }; raw: LoadRun };
/** What Next allows at all here (GET /api/health at the same concurrency), for the notes of the budgeted figures. */
type Ceiling = Map<number, number>;

function attemptFigures(database: "sqlite" | "postgresql", runs: Measured[], rawLabel: string, ceiling: Ceiling | null): Figure[] {
  const name = database === "sqlite" ? "SQLite" : "PostgreSQL";
  const budgeted = ceiling !== null;
  return runs.flatMap(({ learners, app, raw }) => [
    {
      group: GROUP,
      id: `progress.${database}.${learners}.attempts-per-s`,
      label: `${name}, ${learners} learners, quiz attempts/s`,
      value: Math.round(app.perSecond),
      unit: "attempts/s",
      better: "higher" as const,
      baseline: { label: `${rawLabel}, same rows`, value: Math.round(raw.perSecond) },
      ...(budgeted ? { budget: { limit: 1000, on: "value" as const } } : {}),
      ...(ceiling
        ? { note: `A trivial route (GET /api/health) reaches ${Math.round(ceiling.get(learners) ?? 0)} req/s here; an attempt costs ${app.cpuMsPer.toFixed(1)} ms of server CPU.` }
        : {}),
    },
    {
      group: GROUP,
      id: `progress.${database}.${learners}.cpu-ms`,
      label: `${name}, ${learners} learners, server CPU per attempt`,
      value: Math.round(app.cpuMsPer * 100) / 100,
      unit: "ms",
      better: "lower" as const,
    },
    {
      group: GROUP,
      id: `progress.${database}.${learners}.p50`,
      label: `${name}, ${learners} learners, p50`,
      value: app.p50,
      unit: "ms",
      better: "lower" as const,
      baseline: { label: `${rawLabel}, same rows`, value: Math.round(raw.p50 * 100) / 100 },
    },
    {
      group: GROUP,
      id: `progress.${database}.${learners}.p99`,
      label: `${name}, ${learners} learners, p99`,
      value: app.p99,
      unit: "ms",
      better: "lower" as const,
      baseline: { label: `${rawLabel}, same rows`, value: Math.round(raw.p99 * 100) / 100 },
      ...(budgeted ? { budget: { limit: 50, on: "value" as const } } : {}),
    },
  ]);
}

/** Attempts through the server, then the raw baseline, at each concurrency; the server is warmed first. */
async function measureDatabase(ctx: BenchContext, server: { url: string; pid: number }, databaseUrl: string, writer: RawWriter, quizzes: Quiz[]): Promise<Measured[]> {
  const learners = await signedInLearners(server.url, databaseUrl, Math.max(...LEARNERS));
  await attempts(server.url, quizzes, learners, LEARNERS[0], 2);
  const runs: Measured[] = [];
  for (const count of LEARNERS) {
    const app = await withCpu(server.pid, () => attempts(server.url, quizzes, learners, count, ctx.seconds));
    ctx.log(`  ${count} learners: ${Math.round(app.perSecond)} attempts/s, p50 ${app.p50} ms, p99 ${app.p99} ms, ${app.cpuMsPer.toFixed(2)} ms server CPU each`);
    const raw = await rawInserts(writer, quizzes, learners.userIds, count, ctx.seconds);
    ctx.log(`  raw, ${count} at once: ${Math.round(raw.perSecond)} attempts/s, p50 ${raw.p50.toFixed(2)} ms, p99 ${raw.p99.toFixed(2)} ms`);
    runs.push({ learners: count, app, raw });
  }
  return runs;
}

async function measureSqlite(ctx: BenchContext, quizzes: Quiz[], ceiling: Ceiling): Promise<Figure[]> {
  const target = resolveDbTarget(ctx.databaseUrl);
  if (target.provider !== "sqlite") throw new Error("the bench's own server is expected on SQLite");
  const writer = sqliteWriter(target.file);
  try {
    const runs = await measureDatabase(ctx, ctx.server, ctx.databaseUrl, writer, quizzes);
    return attemptFigures("sqlite", runs, "better-sqlite3 (1 connection, as the app)", ceiling);
  } finally {
    await writer.close();
  }
}

async function measurePostgres(ctx: BenchContext, quizzes: Quiz[]): Promise<Figure[]> {
  const cluster = await startPgCluster();
  try {
    cluster.createDatabase("bench");
    const databaseUrl = cluster.url("bench");
    const migrated = spawnSync("npm", ["run", "--silent", "db:migrate"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: "utf8" });
    if (migrated.status !== 0) throw new Error(`migrating PostgreSQL failed:\n${migrated.stderr}${migrated.stdout}`);
    const server = await startServer({ port: await freePort(), databaseUrl, secret: ctx.secret });
    const writer = pgWriter(databaseUrl);
    try {
      const runs = await measureDatabase(ctx, server, databaseUrl, writer, quizzes);
      return attemptFigures("postgresql", runs, "pg (pool of 10, as the app)", null);
    } finally {
      await writer.close();
      await server.stop();
    }
  } finally {
    cluster.stop();
  }
}

export async function measureProgressWrites(ctx: BenchContext): Promise<Figure[]> {
  const quizzes = courseQuizzes();
  const figures: Figure[] = [];
  const ceiling: Ceiling = new Map();
  // The first health check probes every runner in the sandbox (then cached for minutes): not what is measured here.
  await health(ctx.server.url, 1, 2);
  for (const count of LEARNERS) {
    const run = await health(ctx.server.url, count, ctx.seconds);
    ceiling.set(count, run.perSecond);
    ctx.log(`  GET /api/health, ${count} connections: ${Math.round(run.perSecond)} req/s, p99 ${run.p99} ms`);
    figures.push(
      {
        group: GROUP,
        id: `progress.health.${count}.req-per-s`,
        label: `trivial route (GET /api/health), ${count} connections, req/s`,
        value: Math.round(run.perSecond),
        unit: "req/s",
        better: "higher",
        note: "What any route handler can reach through Next on this machine: one cached status and SELECT 1.",
      },
      { group: GROUP, id: `progress.health.${count}.p99`, label: `trivial route (GET /api/health), ${count} connections, p99`, value: run.p99, unit: "ms", better: "lower" },
    );
  }
  ctx.log("  SQLite…");
  figures.push(...(await measureSqlite(ctx, quizzes, ceiling)));
  ctx.log("  PostgreSQL…");
  figures.push(...(await measurePostgres(ctx, quizzes)));
  return figures;
}
