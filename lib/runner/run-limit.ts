import "server-only";
import { rateLimited } from "@/lib/http/rate-limited";
import { createRateLimiter } from "@/lib/limits/rate-limiter";
import { runnerSettings } from "./settings";

// Runs per client per minute (RUNNER_RATE_PER_MINUTE), taken before a run is queued: POST /api/run, exercise checks
// and the checks of a guest's merge. Shared by every app instance on PostgreSQL (lib/limits); a fixed minute from the
// client's first run, so a client can fit at most twice the rate around a minute's end.

const limiter = createRateLimiter({ name: "runs", max: runnerSettings().ratePerMinute, windowMs: 60_000 });

/** Counts one run for this client, or throws 429 with Retry-After when it has run too many this minute. */
export async function takeRunToken(key: string): Promise<void> {
  const { retryAfterMs } = await limiter.hit(key);
  if (retryAfterMs > 0) throw rateLimited("Too many runs.", retryAfterMs);
}
