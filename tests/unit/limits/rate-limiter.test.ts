import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createRateLimiter } from "@/lib/limits/rate-limiter";

// The in-process store (SQLite deployments), over Vitest's fake clock: rate-limiter-flexible's memory store reads
// Date.now and drops keys with setTimeout, both faked here. The PostgreSQL store is tested in
// tests/integration/limits.

describe("createRateLimiter in memory", () => {
  beforeEach(() => {
    vi.stubEnv("DATABASE_URL", "file:/tmp/bp-rate-limiter-unit.db");
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
  });

  it("allows max events in a window, then says how long until the window ends", async () => {
    const limiter = createRateLimiter({ name: "unit", max: 3, windowMs: 1000 });
    for (const [i, t] of [0, 100, 200].entries()) {
      vi.setSystemTime(t);
      await expect(limiter.hit("a")).resolves.toEqual({ count: i + 1, retryAfterMs: 0 });
    }
    vi.setSystemTime(300);
    await expect(limiter.hit("a")).resolves.toEqual({ count: 4, retryAfterMs: 700 });
    await expect(limiter.hit("b")).resolves.toEqual({ count: 1, retryAfterMs: 0 });
  });

  it("counts a fixed window from the key's first event: refusals do not move it, its end starts afresh", async () => {
    const limiter = createRateLimiter({ name: "unit", max: 1, windowMs: 1000 });
    await limiter.hit("a");
    vi.advanceTimersByTime(600);
    await expect(limiter.hit("a")).resolves.toEqual({ count: 2, retryAfterMs: 400 });
    vi.advanceTimersByTime(399);
    await expect(limiter.hit("a")).resolves.toEqual({ count: 3, retryAfterMs: 1 });
    vi.advanceTimersByTime(1);
    await expect(limiter.hit("a")).resolves.toEqual({ count: 1, retryAfterMs: 0 });
  });

  it("keeps limiters with different names apart", async () => {
    const runs = createRateLimiter({ name: "runs-unit", max: 1, windowMs: 1000 });
    const signUps = createRateLimiter({ name: "sign-ups-unit", max: 1, windowMs: 1000 });
    await runs.hit("a");
    await expect(signUps.hit("a")).resolves.toEqual({ count: 1, retryAfterMs: 0 });
  });

  it("forgets every made-up key when its window ends, so they cannot pile up", async () => {
    const limiter = createRateLimiter({ name: "unit", max: 1, windowMs: 60_000 });
    for (let i = 0; i < 1000; i++) await limiter.hit(`made-up-${i}`);
    // One expiry timer per key is what holds it; none is left once the window has passed.
    expect(vi.getTimerCount()).toBe(1000);
    vi.advanceTimersByTime(60_000);
    expect(vi.getTimerCount()).toBe(0);
    await expect(limiter.hit("made-up-0")).resolves.toEqual({ count: 1, retryAfterMs: 0 });
  });

  it("refuses a window that is not whole seconds, which the PostgreSQL store could not keep", () => {
    expect(() => createRateLimiter({ name: "unit", max: 1, windowMs: 1500 })).toThrow(/whole seconds/);
  });
});
