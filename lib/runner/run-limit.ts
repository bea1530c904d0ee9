import "server-only";
import { createRateLimiter } from "@/lib/auth/rate-limit";
import { rateLimited } from "@/lib/http/rate-limited";
import { runnerSettings } from "./settings";

// Runs per client per minute (RUNNER_RATE_PER_MINUTE), taken before a run is queued: POST /api/run and exercise checks.

const limiter = createRateLimiter({ max: runnerSettings().ratePerMinute, windowMs: 60_000 });

/** Counts one run for this client, or throws 429 with Retry-After when it has run too many this minute. */
export function takeRunToken(key: string): void {
  const waitMs = limiter.retryAfterMs(key);
  if (waitMs > 0) throw rateLimited("Too many runs.", waitMs);
  limiter.fail(key);
}
