import type pg from "pg";

// The runner workers' roll call, in PostgreSQL (tables RunnerWorker and RunnerJobStart, prisma/schema.prisma). Every
// worker refreshes its row each HEARTBEAT_MS; one not heard from for STALE_AFTER_MS is taken for dead: the app stops
// counting its capacity and fails the runs it had started. Times are the database's (LOCALTIMESTAMP), so the hosts'
// clocks need not agree.

export const HEARTBEAT_MS = 1000;
export const STALE_AFTER_MS = 5000;
const STALE = `LOCALTIMESTAMP - interval '${STALE_AFTER_MS} milliseconds'`;

export type WorkerInfo = { id: string; name: string; host: string; pid: number; concurrency: number; running: number; runs: number; seenAt: string };

export async function registerWorker(pool: pg.Pool, worker: Omit<WorkerInfo, "running" | "runs" | "seenAt">): Promise<void> {
  await pool.query(
    `INSERT INTO "RunnerWorker" (id, name, host, pid, concurrency, "startedAt", "seenAt") VALUES ($1, $2, $3, $4, $5, LOCALTIMESTAMP, LOCALTIMESTAMP)`,
    [worker.id, worker.name, worker.host, worker.pid, worker.concurrency],
  );
}

export async function heartbeat(pool: pg.Pool, id: string, running: number, runs: number): Promise<void> {
  await pool.query(`UPDATE "RunnerWorker" SET "seenAt" = LOCALTIMESTAMP, running = $2, runs = $3 WHERE id = $1`, [id, running, runs]);
}

/** A worker that stops cleanly leaves at once rather than waiting to go stale. */
export async function leave(pool: pg.Pool, id: string): Promise<void> {
  await pool.query(`DELETE FROM "RunnerWorker" WHERE id = $1`, [id]);
}

/** The workers heard from recently, oldest first. */
export async function liveWorkers(pool: pg.Pool): Promise<WorkerInfo[]> {
  const { rows } = await pool.query<WorkerInfo>(
    `SELECT id, name, host, pid, concurrency, running, runs, to_char("seenAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS "seenAt"
       FROM "RunnerWorker" WHERE "seenAt" > ${STALE} ORDER BY "startedAt", id`,
  );
  return rows;
}

/**
 * Records that `workerId` is about to start `jobId`. False when the job was started before: pg-boss handed it out
 * again, and it must not run a second time.
 */
export async function markStarted(pool: pg.Pool, jobId: string, workerId: string): Promise<boolean> {
  const { rowCount } = await pool.query(
    `INSERT INTO "RunnerJobStart" ("jobId", "workerId", "startedAt") VALUES ($1, $2, LOCALTIMESTAMP) ON CONFLICT ("jobId") DO NOTHING`,
    [jobId, workerId],
  );
  return rowCount === 1;
}

/** Whether a job was started, and if so whether its worker is still heard from. */
export async function startOf(pool: pg.Pool, jobId: string): Promise<{ started: false } | { started: true; workerAlive: boolean }> {
  const { rows } = await pool.query<{ alive: boolean }>(
    `SELECT (w."seenAt" IS NOT NULL AND w."seenAt" > ${STALE}) AS alive
       FROM "RunnerJobStart" s LEFT JOIN "RunnerWorker" w ON w.id = s."workerId" WHERE s."jobId" = $1`,
    [jobId],
  );
  return rows.length === 0 ? { started: false } : { started: true, workerAlive: rows[0]!.alive };
}

/** Forgets start records and silent workers after a day (a worker calls this now and then). */
export async function sweepRegistry(pool: pg.Pool): Promise<void> {
  await pool.query(`DELETE FROM "RunnerJobStart" WHERE "startedAt" < LOCALTIMESTAMP - interval '1 day'`);
  await pool.query(`DELETE FROM "RunnerWorker" WHERE "seenAt" < LOCALTIMESTAMP - interval '1 day'`);
}
