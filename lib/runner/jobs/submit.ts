import { randomUUID } from "node:crypto";
import type PgBoss from "pg-boss";
import type pg from "pg";
import { databaseUnavailable } from "@/lib/db/unavailable";
import { AppError } from "@/lib/errors";
import { rateLimited } from "@/lib/http/rate-limited";
import { admission, waitingShare } from "../admission";
import type { SandboxFile } from "../sandbox/bwrap";
import { runnerSettings } from "../settings";
import { runResultSchema, type RunPhase, type RunRequest, type RunResult } from "../types";
import { jobExpirySeconds, NEVER_STARTED, queuePool, RUN_QUEUE, runnerBoss } from "./boss";
import { announceNewJob, onJobEvents } from "./events";
import { lineOf } from "./line";
import { custodyOf, liveWorkers, release, STALE_AFTER_MS, type WorkerInfo } from "./registry";

// The app's side of RUNNER_MODE=queue: admit the run (the same per-client and overall bounds as the in-process queue,
// counted in PostgreSQL so every app instance sees the same line), send it as a job, and wait for its result with the
// same answers as an inline run. The phases arrive by notification (events.ts); the job itself is polled as well, and
// is where the verdict on a worker that went quiet is made.

/** What a worker needs to run a job; `client` also orders the line (see `admit`). */
export type RunJob = { client: string; request: RunRequest; extraFiles?: SandboxFile[] };

const POLL_MS = 1000;
const BUSY_RETRY_MS = 5000;

const workerLost = () =>
  new AppError("unavailable:runner", "The runner running your program stopped before it finished. Run it again.", { "Retry-After": "1" });
const noWorker = () => new AppError("unavailable:runner", undefined, { "Retry-After": "10" });

/**
 * Decides under one advisory lock (so two app instances cannot both take the last place) and sends the job in the
 * same transaction, by the in-process queue's rule (admission.ts) over the line in PostgreSQL: RUNNER_QUEUE_SIZE
 * waiting places per live worker, one client at most half of RUNNER_QUEUE_SIZE.
 * The turn order across hosts is pg-boss's priority: a client's run goes behind the runs of every client with fewer in
 * the line, so pressing Run ten times cannot push the next learner back ten places; the workers hold a client to
 * RUNNER_PER_CLIENT programs at once (worker.ts). Resolves with the place in the line (0: starts now).
 */
async function admit(boss: PgBoss, pool: pg.Pool, id: string, job: RunJob, workers: WorkerInfo[]): Promise<number> {
  const { queueSize, perClient } = runnerSettings();
  const capacity = workers.reduce((sum, w) => sum + w.concurrency, 0);
  const conn = await pool.connect();
  let committed = false;
  try {
    await conn.query("BEGIN");
    await conn.query("SELECT pg_advisory_xact_lock(hashtext('backend-paths:run-admission'))");
    const line = await lineOf(conn, job.client);
    // Runs admitted but not yet started that a free slot is about to take (the moment between admission and a
    // worker's fetch) are not waiting: only what is beyond the workers' slots, and a client's beyond its cap, is.
    const mineRunning = line.mine - line.mineWaiting;
    const now = {
      slotFree: line.running + line.waiting < capacity,
      clientUnderCap: line.mine < perClient,
      waiting: Math.max(0, line.running + line.waiting - capacity),
      clientWaiting: Math.max(0, line.mineWaiting - Math.max(0, perClient - mineRunning)),
    };
    const decision = admission(now, { maxWaiting: queueSize * workers.length, maxWaitingPerClient: waitingShare(queueSize) });
    if (decision === "refuse") throw rateLimited("The runner is busy.", BUSY_RETRY_MS);
    const executeSql = (text: string, values: unknown[]) => conn.query(text, values);
    await boss.send(RUN_QUEUE, job, { id, priority: -line.mine, retryLimit: 0, expireInSeconds: jobExpirySeconds(), db: { executeSql } });
    await announceNewJob(conn);
    await conn.query("COMMIT");
    committed = true;
    return decision === "start" ? 0 : now.waiting + 1;
  } finally {
    if (!committed) await conn.query("ROLLBACK").catch(() => {});
    conn.release();
  }
}

/**
 * Runs `job` on a worker: 429 when the line is full, 503 when no worker is alive (or none stays alive long enough to
 * take it) or when the worker running it stops. A job taken by a worker that died before starting it is sent once
 * more; one that had started is failed, never run a second time.
 */
export async function runOnWorkers(job: RunJob, onPhase?: (phase: RunPhase) => void, retried = false): Promise<RunResult> {
  const pool = queuePool();
  const boss = await runnerBoss();
  const workers = await liveWorkers(pool);
  if (workers.length === 0) throw noWorker();

  const id = randomUUID();
  let wake = () => {};
  const stopListening = await onJobEvents(id, (event) => {
    if ("phase" in event) onPhase?.(event.phase);
    else wake();
  });
  try {
    const position = await admit(boss, pool, id, job, workers);
    if (!retried) onPhase?.({ phase: "queued", position });
    const outcome = await waitFor(boss, pool, id, (w) => (wake = w));
    if (outcome === "never-started" && !retried) return runOnWorkers(job, onPhase, true);
    if (outcome === "never-started") throw workerLost();
    return outcome;
  } finally {
    stopListening();
  }
}

/** How long a waiting run keeps asking through a database outage before it answers 503 itself. */
const OUTAGE_PATIENCE_MS = 30_000;

type Watch = { activeSince?: number; workersGoneSince?: number };

/**
 * Polls the job (and wakes early on its "done" event) until it has an answer. Through a database outage (a restart, a
 * failover) the run goes on on its worker, so the wait goes on too, for a while; and since no heartbeat could be written
 * meanwhile, no worker is judged dead until they have had time to resume.
 */
async function waitFor(boss: PgBoss, pool: pg.Pool, id: string, setWake: (wake: () => void) => void): Promise<RunResult | "never-started"> {
  const watch: Watch = {};
  let outageSince: number | undefined;
  let judgeLivenessAfter = 0;
  for (;;) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, POLL_MS);
      setWake(() => {
        clearTimeout(timer);
        resolve();
      });
    });
    try {
      const verdict = await look(boss, pool, id, watch, Date.now() >= judgeLivenessAfter);
      outageSince = undefined;
      if (verdict) return verdict;
    } catch (error) {
      if (!databaseUnavailable(error)) throw error;
      outageSince ??= Date.now();
      if (Date.now() - outageSince > OUTAGE_PATIENCE_MS) throw error;
      judgeLivenessAfter = Date.now() + STALE_AFTER_MS;
    }
  }
}

/** One look at the job: its answer, "never-started" (send it again), or undefined (keep waiting). */
async function look(boss: PgBoss, pool: pg.Pool, id: string, watch: Watch, judgeLiveness: boolean): Promise<RunResult | "never-started" | undefined> {
  const job = await boss.getJobById<unknown>(RUN_QUEUE, id);
  if (!job) throw workerLost();
  const output = job.output as { message?: string } | null;
  switch (job.state) {
    case "completed":
      return runResultSchema.parse(job.output);
    case "failed":
    case "cancelled":
      // pg-boss's maintenance expired it (nobody was waiting in time), or the worker failed it: either way it did not finish.
      if (output?.message === NEVER_STARTED) return "never-started";
      throw workerLost();
    case "active": {
      // Taken by a worker. If that worker went quiet: a run it had started is lost (never run twice); one it had not
      // started, or one no worker recorded taking, goes back to the line once. The dead worker's record goes with the
      // job, so it counts against nobody.
      watch.activeSince ??= Date.now();
      if (!judgeLiveness) return undefined;
      const custody = await custodyOf(pool, id);
      if (custody.state === "started" && !custody.workerAlive) {
        await boss.fail(RUN_QUEUE, id, { message: "its worker stopped answering while it ran" });
        await release(pool, id);
        throw workerLost();
      }
      const untakenTooLong = custody.state === "untaken" && Date.now() - watch.activeSince > STALE_AFTER_MS;
      if (untakenTooLong || (custody.state === "taken" && !custody.workerAlive)) {
        await boss.fail(RUN_QUEUE, id, { message: NEVER_STARTED });
        await release(pool, id);
        return "never-started";
      }
      return undefined;
    }
    default: {
      // Still waiting for a worker: give up once none has been alive for a while.
      if (!judgeLiveness) return undefined;
      const alive = (await liveWorkers(pool)).length > 0;
      watch.workersGoneSince = alive ? undefined : (watch.workersGoneSince ?? Date.now());
      if (watch.workersGoneSince !== undefined && Date.now() - watch.workersGoneSince > STALE_AFTER_MS) {
        await boss.cancel(RUN_QUEUE, id);
        throw noWorker();
      }
      return undefined;
    }
  }
}
