/**
 * Counts events per key in a sliding window (failed checks, sign-ups; `fail` records one). In memory: one server process is the deployment we ship; several
 * processes would each keep their own count, which still bounds guessing per process.
 */
export type RateLimiter = {
  /** Milliseconds until the key may try again, or 0 when it may try now. */
  retryAfterMs: (key: string, now?: number) => number;
  fail: (key: string, now?: number) => void;
  reset: (key: string) => void;
};

export function createRateLimiter({ max, windowMs }: { max: number; windowMs: number }): RateLimiter {
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number) => (failures.get(key) ?? []).filter((t) => now - t < windowMs);
  return {
    retryAfterMs(key, now = Date.now()) {
      const times = recent(key, now);
      failures.set(key, times);
      return times.length >= max ? windowMs - (now - times[0]!) : 0;
    },
    fail(key, now = Date.now()) {
      failures.set(key, [...recent(key, now), now]);
    },
    reset(key) {
      failures.delete(key);
    },
  };
}
