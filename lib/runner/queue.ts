// A bounded queue in front of the sandbox: at most `concurrency` programs run at once (each gets a slot number, which
// picks its sandbox uid), at most `maxWaiting` wait; anything beyond is refused at once so the caller can answer 429
// instead of piling up work the machine cannot do.

export class QueueFullError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("The runner is busy. Try again in a few seconds.");
  }
}

export type RunQueue = {
  /** `client` identifies who asked (see lib/http/client-address), for per-client fairness. */
  run<T>(client: string, task: (slot: number) => Promise<T>): Promise<T>;
  stats(): { running: number; waiting: number; concurrency: number; maxWaiting: number };
};

export function createRunQueue({ concurrency, maxWaiting, retryAfterSeconds = 5 }: { concurrency: number; maxWaiting: number; retryAfterSeconds?: number }): RunQueue {
  const freeSlots = Array.from({ length: concurrency }, (_, slot) => slot);
  const waiting: Array<(slot: number) => void> = [];

  const acquire = (): Promise<number> => {
    const slot = freeSlots.shift();
    if (slot !== undefined) return Promise.resolve(slot);
    if (waiting.length >= maxWaiting) return Promise.reject(new QueueFullError(retryAfterSeconds));
    return new Promise((resolve) => waiting.push(resolve));
  };
  const release = (slot: number) => {
    const next = waiting.shift();
    if (next) next(slot);
    else freeSlots.push(slot);
  };

  return {
    async run(_client, task) {
      const slot = await acquire();
      try {
        return await task(slot);
      } finally {
        release(slot);
      }
    },
    stats: () => ({ running: concurrency - freeSlots.length, waiting: waiting.length, concurrency, maxWaiting }),
  };
}

function positiveInt(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

let shared: RunQueue | undefined;

/** The process-wide queue every server run goes through (RUNNER_CONCURRENCY, RUNNER_QUEUE_SIZE). */
export function runQueue(): RunQueue {
  shared ??= createRunQueue({
    concurrency: positiveInt(process.env.RUNNER_CONCURRENCY, 2),
    maxWaiting: positiveInt(process.env.RUNNER_QUEUE_SIZE, 8),
  });
  return shared;
}
