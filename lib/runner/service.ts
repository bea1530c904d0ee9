import "server-only";
import { createRateLimiter } from "@/lib/auth/rate-limit";
import { rateLimited } from "@/lib/http/rate-limited";
import { QueueFullError, runQueue } from "./queue";
import { runCode, type RunOptions } from "./run-code";
import { runnerSettings } from "./settings";
import type { RunRequest, RunResult } from "./types";

// The server side of "run this": per-client rate limit, then the bounded queue, then the sandbox. Both POST /api/run
// and the exercise checker come through here, so neither can bypass the limits.

const limiter = createRateLimiter({ max: runnerSettings().ratePerMinute, windowMs: 60_000 });

/** Counts one run for this client, or throws 429 with Retry-After when it has run too many this minute. */
export function takeRunToken(key: string): void {
  const waitMs = limiter.retryAfterMs(key);
  if (waitMs > 0) throw rateLimited("Too many runs.", waitMs);
  limiter.fail(key);
}

/**
 * Runs through the shared queue on behalf of `client` (see lib/http/client-address); a full queue becomes 429.
 * `onPhase` hears "queued" first, synchronously, once the queue has taken the run (position 0: it starts at once),
 * then the sandbox's phases; a refused run rejects without any phase.
 */
export async function runQueued(client: string, request: RunRequest, options: Omit<RunOptions, "slot"> = {}): Promise<RunResult> {
  const { onPhase } = options;
  try {
    return await runQueue().run(client, (slot) => runCode(request, { ...options, slot }), onPhase && ((position) => onPhase({ phase: "queued", position })));
  } catch (error) {
    if (error instanceof QueueFullError) {
      throw rateLimited("The runner is busy.", error.retryAfterSeconds * 1000);
    }
    throw error;
  }
}
