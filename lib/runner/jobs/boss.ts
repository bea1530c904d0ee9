import PgBoss from "pg-boss";
import type pg from "pg";
import { sharedPgPool } from "@/lib/db/pg-pool";
import { log } from "@/lib/log";
import { runnerSettings } from "../settings";

// The job queue behind RUNNER_MODE=queue: pg-boss on the app's own PostgreSQL (its tables live in the `pgboss` schema
// and it installs and migrates them itself, under an advisory lock, so any number of app instances and workers may
// start at once). App instances send runs; `npm run worker` processes fetch them.

/** The one queue every server run goes through. */
export const RUN_QUEUE = "run";

/** The failure message of a job whose worker gave it up before starting it: the waiting app sends it once more. */
export const NEVER_STARTED = "given up by its worker before it started";

/**
 * How long a job may stay active before pg-boss's maintenance fails it: a taken job may wait behind its client's
 * other runs (at most half the line), then compile and run at the wall limits; plus slack. Only a job whose worker
 * and app instance both died reaches it; the waiting app fails one much sooner.
 */
export function jobExpirySeconds(): number {
  const { compileWallSeconds, wallSeconds, queueSize } = runnerSettings();
  return Math.ceil((compileWallSeconds + wallSeconds) * (1 + Math.ceil(queueSize / 2)) + 20);
}

/** The PostgreSQL pool; queue mode has no meaning without one, so its absence is a configuration error, said plainly. */
export function queuePool(): pg.Pool {
  const pool = sharedPgPool();
  if (!pool) throw new Error("RUNNER_MODE=queue and runner workers need DATABASE_URL to name PostgreSQL: the job queue lives there (README: Deploying beyond one machine)");
  return pool;
}

/**
 * Creates the run queue unless it exists. pg-boss 10 creates a queue's partition table in a function that deadlocks
 * (40P01) when several processes create the same queue at once on a new database (seen here in 1 start of 10 with
 * four), so they take turns under an advisory lock.
 */
async function createRunQueue(boss: PgBoss): Promise<void> {
  if (await boss.getQueue(RUN_QUEUE)) return;
  const conn = await queuePool().connect();
  try {
    await conn.query("SELECT pg_advisory_lock(hashtext('backend-paths:create-run-queue'))");
    await boss.createQueue(RUN_QUEUE, { name: RUN_QUEUE, policy: "standard", retryLimit: 0, expireInSeconds: jobExpirySeconds() });
  } finally {
    await conn.query("SELECT pg_advisory_unlock(hashtext('backend-paths:create-run-queue'))").catch(() => {});
    conn.release();
  }
}

let started: Promise<PgBoss> | undefined;

/** This process's pg-boss, started once with the run queue created (both idempotent across processes). */
export function runnerBoss(): Promise<PgBoss> {
  started ??= (async () => {
    queuePool();
    const boss = new PgBoss({
      connectionString: process.env.DATABASE_URL,
      max: 3,
      application_name: "backend-paths-queue",
      // Runs are answered within seconds; finished jobs are only read back by the app that waits for them.
      archiveCompletedAfterSeconds: 15 * 60,
      deleteAfterDays: 1,
      schedule: false,
    });
    boss.on("error", (error) => log().error({ err: error }, "job queue error"));
    await boss.start();
    await createRunQueue(boss);
    return boss;
  })();
  // A failed start (the database not answering) is tried again by the next run rather than remembered.
  started.catch(() => (started = undefined));
  return started;
}

/** Stops this process's pg-boss (a worker shutting down, a test), letting a later call start a new one. */
export async function stopRunnerBoss(): Promise<void> {
  const boss = started && (await started.catch(() => undefined));
  started = undefined;
  await boss?.stop({ graceful: false, wait: true });
}
