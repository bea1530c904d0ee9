import type pg from "pg";
import type { IsolationReport } from "../sandbox/isolation";
import type { Toolchains } from "../sandbox/toolchains";

// The runner workers' roll call, in PostgreSQL (tables RunnerWorker and RunnerJob, prisma/schema.prisma). Every
// worker refreshes its row each HEARTBEAT_MS; one not heard from for STALE_AFTER_MS is taken for dead: its capacity and
// its runs stop counting, and the app fails the runs it had started. Times are the database's (LOCALTIMESTAMP), so the
// hosts' clocks need not agree.

export const HEARTBEAT_MS = 1000;
export const STALE_AFTER_MS = 5000;
const STALE = `LOCALTIMESTAMP - interval '${STALE_AFTER_MS} milliseconds'`;

/**
 * What a worker found when it started, for the operator reading /api/health: how far its sandbox is isolated (a host
 * without cgroups or seccomp is "degraded", with the reasons) and the languages it cannot run, with why.
 */
export type WorkerReport = { sandbox?: IsolationReport; unavailable?: Toolchains["problems"] };

export type WorkerInfo = {
  id: string;
  name: string;
  host: string;
  pid: number;
  concurrency: number;
  running: number;
  runs: number;
  seenAt: string;
  report: WorkerReport;
};

export async function registerWorker(pool: pg.Pool, worker: Omit<WorkerInfo, "running" | "runs" | "seenAt">): Promise<void> {
  await pool.query(
    `INSERT INTO "RunnerWorker" (id, name, host, pid, concurrency, report, "startedAt", "seenAt") VALUES ($1, $2, $3, $4, $5, $6, LOCALTIMESTAMP, LOCALTIMESTAMP)`,
    [worker.id, worker.name, worker.host, worker.pid, worker.concurrency, JSON.stringify(worker.report)],
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
  const { rows } = await pool.query<Omit<WorkerInfo, "report"> & { report: string }>(
    `SELECT id, name, host, pid, concurrency, running, runs, report, to_char("seenAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS "seenAt"
       FROM "RunnerWorker" WHERE "seenAt" > ${STALE} ORDER BY "startedAt", id`,
  );
  return rows.map((row) => ({ ...row, report: JSON.parse(row.report) as WorkerReport }));
}

/** Records that `workerId` took `jobId` for `client`; false when someone took it before (pg-boss handed it out again). */
export async function markTaken(pool: pg.Pool, jobId: string, workerId: string, client: string): Promise<boolean> {
  const { rowCount } = await pool.query(
    `INSERT INTO "RunnerJob" ("jobId", "workerId", client, "takenAt") VALUES ($1, $2, $3, LOCALTIMESTAMP) ON CONFLICT ("jobId") DO NOTHING`,
    [jobId, workerId, client],
  );
  return rowCount === 1;
}

/**
 * Starts a taken job if its client has fewer than `perClient` programs running on live workers, deciding under a lock
 * per client so two workers cannot both start the client's last allowed one. Recorded before the program starts, so
 * if this worker dies the app knows the job began.
 */
export async function tryStart(pool: pg.Pool, jobId: string, client: string, perClient: number): Promise<boolean> {
  const conn = await pool.connect();
  try {
    await conn.query("BEGIN");
    await conn.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`backend-paths:run-client:${client}`]);
    const { rows } = await conn.query<{ running: number }>(
      `SELECT count(*)::int AS running FROM "RunnerJob" j JOIN "RunnerWorker" w ON w.id = j."workerId"
        WHERE j.client = $1 AND j."startedAt" IS NOT NULL AND w."seenAt" > ${STALE}`,
      [client],
    );
    const start = rows[0]!.running < perClient;
    if (start) await conn.query(`UPDATE "RunnerJob" SET "startedAt" = LOCALTIMESTAMP WHERE "jobId" = $1`, [jobId]);
    await conn.query("COMMIT");
    return start;
  } catch (error) {
    await conn.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    conn.release();
  }
}

/** A job its worker is done with (answered or failed): it no longer counts against its client. */
export async function release(pool: pg.Pool, jobId: string): Promise<void> {
  await pool.query(`DELETE FROM "RunnerJob" WHERE "jobId" = $1`, [jobId]);
}

export type Custody = { state: "untaken" } | { state: "taken" | "started"; workerAlive: boolean };

/** Who has a job: nobody yet, a worker that took it, or one that started it; and whether that worker is still heard from. */
export async function custodyOf(pool: pg.Pool, jobId: string): Promise<Custody> {
  const { rows } = await pool.query<{ started: boolean; alive: boolean }>(
    `SELECT j."startedAt" IS NOT NULL AS started, (w."seenAt" IS NOT NULL AND w."seenAt" > ${STALE}) AS alive
       FROM "RunnerJob" j LEFT JOIN "RunnerWorker" w ON w.id = j."workerId" WHERE j."jobId" = $1`,
    [jobId],
  );
  const row = rows[0];
  return row ? { state: row.started ? "started" : "taken", workerAlive: row.alive } : { state: "untaken" };
}

/** Forgets what dead workers left behind after a day (a worker calls this now and then). */
export async function sweepRegistry(pool: pg.Pool): Promise<void> {
  await pool.query(`DELETE FROM "RunnerJob" WHERE "takenAt" < LOCALTIMESTAMP - interval '1 day'`);
  await pool.query(`DELETE FROM "RunnerWorker" WHERE "seenAt" < LOCALTIMESTAMP - interval '1 day'`);
}
