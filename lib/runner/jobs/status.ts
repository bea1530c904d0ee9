import { queuePool } from "./boss";
import { lineOf } from "./line";
import { liveWorkers, type WorkerInfo } from "./registry";

// What /api/health says about the runner workers in RUNNER_MODE=queue: who is alive, their slots, and the line.

export type QueueStatus = { mode: "queue"; alive: number; capacity: number; queued: number; running: number; workers: WorkerInfo[] };

export async function queueStatus(): Promise<QueueStatus> {
  const pool = queuePool();
  const [workers, line] = await Promise.all([
    liveWorkers(pool),
    // Before any app or worker started pg-boss its schema does not exist yet: an empty line.
    lineOf(pool).then(({ running, waiting }) => ({ running, queued: waiting }), () => ({ running: 0, queued: 0 })),
  ]);
  const capacity = workers.reduce((sum, w) => sum + w.concurrency, 0);
  return { mode: "queue", alive: workers.length, capacity, ...line, workers };
}
