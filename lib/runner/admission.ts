// The one rule for taking a run into the line, shared by this process's queue (queue.ts) and the job queue's
// admission across app instances (jobs/submit.ts): a run starts at once when a slot is free and its client is under
// its cap (RUNNER_PER_CLIENT); otherwise it waits, unless the line is full or its client already holds its share of
// the waiting places, in which case it is refused at once (429) rather than piling up work the runners cannot do.

export type LineNow = {
  /** A slot is free for a new program right now. */
  slotFree: boolean;
  /** The client has fewer programs running than its cap. */
  clientUnderCap: boolean;
  /** Runs waiting for a slot, all clients. */
  waiting: number;
  /** This client's runs waiting. */
  clientWaiting: number;
};

export type LineBounds = { maxWaiting: number; maxWaitingPerClient: number };

export type Admission = "start" | "wait" | "refuse";

export function admission(line: LineNow, bounds: LineBounds): Admission {
  if (line.slotFree && line.clientUnderCap) return "start";
  if (line.waiting >= bounds.maxWaiting || line.clientWaiting >= bounds.maxWaitingPerClient) return "refuse";
  return "wait";
}

/** One client may hold at most half the waiting places, so it cannot make the line refuse everyone else. */
export function waitingShare(queueSize: number): number {
  return Math.ceil(queueSize / 2);
}
