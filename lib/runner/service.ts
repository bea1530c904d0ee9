import "server-only";
import { createRateLimiter } from "@/lib/auth/rate-limit";
import { AppError } from "@/lib/errors";
import { QueueFullError, runQueue } from "./queue";
import { runCode, type RunOptions } from "./run-code";
import type { RunRequest, RunResult } from "./types";

// The server side of "run this": per-client rate limit, then the bounded queue, then the sandbox. Both POST /api/run
// and the exercise checker come through here, so neither can bypass the limits.

const perMinute = Number(process.env.RUNNER_RATE_PER_MINUTE) > 0 ? Number(process.env.RUNNER_RATE_PER_MINUTE) : 30;
const limiter = createRateLimiter({ max: perMinute, windowMs: 60_000 });

/** Counts one run for this client, or throws 429 with Retry-After when it has run too many this minute. */
export function takeRunToken(key: string): void {
  const waitMs = limiter.retryAfterMs(key);
  if (waitMs > 0) {
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    throw new AppError("rate_limited:requests", `Too many runs. Try again in ${seconds} seconds.`, { "Retry-After": String(seconds) });
  }
  limiter.fail(key);
}

/** Runs through the shared queue on behalf of `client` (see lib/http/client-address); a full queue becomes 429. */
export async function runQueued(client: string, request: RunRequest, options: Omit<RunOptions, "slot"> = {}): Promise<RunResult> {
  try {
    return await runQueue().run(client, (slot) => runCode(request, { ...options, slot }));
  } catch (error) {
    if (error instanceof QueueFullError) {
      throw new AppError("rate_limited:requests", error.message, { "Retry-After": String(error.retryAfterSeconds) });
    }
    throw error;
  }
}
