import { admission, waitingShare } from "./admission";
import { runnerSettings } from "./settings";

// A bounded, fair queue in front of the sandbox: at most `concurrency` programs run at once (each gets a slot number,
// which picks its sandbox uid) and at most `perClient` of them for one client, so one client cannot hold every slot.
// A client's extra runs wait behind its own (a lesson page may run Go and Rust together). Who starts, waits or is
// refused is admission.ts's rule, the same one the job queue applies across app instances.

export class QueueFullError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("The runner is busy. Try again in a few seconds.");
  }
}

export type RunQueue = {
  /**
   * `client` identifies who asked (see lib/http/client-address); it decides the per-client cap and the turn order.
   * `onAdmitted` is called at once, before `run` returns, when the run is taken: with 0 when a slot was free, else
   * with its place in the waiting line as it joined (fairness may serve it sooner). A refused run never calls it.
   */
  run<T>(client: string, task: (slot: number) => Promise<T>, onAdmitted?: (position: number) => void): Promise<T>;
  stats(): { running: number; waiting: number; concurrency: number; maxWaiting: number };
};

type Options = { concurrency: number; maxWaiting: number; perClient?: number; retryAfterSeconds?: number };
type Client = { running: number; waiting: Array<(slot: number) => void>; lastTurn: number };

export function createRunQueue({ concurrency, maxWaiting, perClient = 1, retryAfterSeconds = 5 }: Options): RunQueue {
  const freeSlots = Array.from({ length: concurrency }, (_, slot) => slot);
  // Only clients with a run in flight or waiting are kept, so the map stays as small as the queue.
  const clients = new Map<string, Client>();
  let turns = 0;
  let waitingCount = 0;
  const maxWaitingPerClient = waitingShare(maxWaiting);

  const start = (state: Client) => {
    state.running += 1;
    state.lastTurn = ++turns;
    return freeSlots.shift()!;
  };

  const acquire = (client: string, onAdmitted?: (position: number) => void): Promise<number> => {
    const state = clients.get(client) ?? { running: 0, waiting: [], lastTurn: 0 };
    const line = { slotFree: freeSlots.length > 0, clientUnderCap: state.running < perClient, waiting: waitingCount, clientWaiting: state.waiting.length };
    const decision = admission(line, { maxWaiting, maxWaitingPerClient });
    if (decision === "start") {
      clients.set(client, state);
      onAdmitted?.(0);
      return Promise.resolve(start(state));
    }
    if (decision === "refuse") return Promise.reject(new QueueFullError(retryAfterSeconds));
    clients.set(client, state);
    waitingCount += 1;
    onAdmitted?.(waitingCount);
    return new Promise((resolve) => state.waiting.push(resolve));
  };

  // Round-robin: a freed slot goes to the waiting client under its cap that was served least recently; clients not
  // served yet come first, in the order they asked (a Map iterates in insertion order, and ties keep the first).
  const dispatch = () => {
    while (freeSlots.length > 0) {
      let next: Client | undefined;
      for (const state of clients.values()) {
        if (state.waiting.length > 0 && state.running < perClient && (!next || state.lastTurn < next.lastTurn)) next = state;
      }
      if (!next) return;
      waitingCount -= 1;
      next.waiting.shift()!(start(next));
    }
  };

  const release = (client: string, slot: number) => {
    const state = clients.get(client)!;
    state.running -= 1;
    if (state.running === 0 && state.waiting.length === 0) clients.delete(client);
    freeSlots.push(slot);
    dispatch();
  };

  return {
    async run(client, task, onAdmitted) {
      const slot = await acquire(client, onAdmitted);
      try {
        return await task(slot);
      } finally {
        release(client, slot);
      }
    },
    stats: () => ({ running: concurrency - freeSlots.length, waiting: waitingCount, concurrency, maxWaiting }),
  };
}

let shared: RunQueue | undefined;

/** The process-wide queue every server run goes through (RUNNER_CONCURRENCY, RUNNER_QUEUE_SIZE, RUNNER_PER_CLIENT). */
export function runQueue(): RunQueue {
  if (!shared) {
    const { concurrency, queueSize, perClient } = runnerSettings();
    shared = createRunQueue({ concurrency, maxWaiting: queueSize, perClient });
  }
  return shared;
}
