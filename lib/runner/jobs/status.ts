import { queuePool, RUN_QUEUE } from "./boss";
import { liveWorkers, type WorkerInfo } from "./registry";

// What /api/health says about the runner workers in RUNNER_MODE=queue: who is alive, their slots, and the line.

export type QueueStatus = { mode: "queue"; alive: number; capacity: number; queued: number; running: number; workers: WorkerInfo[] };

export async function queueStatus(): Promise<QueueStatus> {
  const pool = queuePool();
  const [workers, line] = await Promise.all([
    liveWorkers(pool),
    // Before any app or worker started pg-boss its schema does not exist yet: an empty line.
    pool
      .query<{ queued: number; running: number }>(
        `SELECT count(*) FILTER (WHERE state < 'active')::int AS queued, count(*) FILTER (WHERE state = 'active')::int AS running
           FROM pgboss.job WHERE name = $1 AND state <= 'active'`,
        [RUN_QUEUE],
      )
      .then(({ rows }) => rows[0]!, () => ({ queued: 0, running: 0 })),
  ]);
  const capacity = workers.reduce((sum, w) => sum + w.concurrency, 0);
  return { mode: "queue", alive: workers.length, capacity, ...line, workers };
}
