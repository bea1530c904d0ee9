import { describe, expect, it } from "vitest";
import { createRateLimiter } from "@/lib/auth/rate-limit";

describe("createRateLimiter", () => {
  it("allows up to max failures in the window, then says how long to wait", () => {
    const limiter = createRateLimiter({ max: 3, windowMs: 1000 });
    for (const t of [0, 100, 200]) {
      expect(limiter.retryAfterMs("a", t)).toBe(0);
      limiter.fail("a", t);
    }
    expect(limiter.retryAfterMs("a", 300)).toBe(700);
    expect(limiter.retryAfterMs("b", 300)).toBe(0);
  });

  it("forgets failures older than the window", () => {
    const limiter = createRateLimiter({ max: 2, windowMs: 1000 });
    limiter.fail("a", 0);
    limiter.fail("a", 500);
    expect(limiter.retryAfterMs("a", 999)).toBe(1);
    expect(limiter.retryAfterMs("a", 1000)).toBe(0);
  });

  it("reset clears a key", () => {
    const limiter = createRateLimiter({ max: 1, windowMs: 1000 });
    limiter.fail("a", 0);
    expect(limiter.retryAfterMs("a", 1)).toBeGreaterThan(0);
    limiter.reset("a");
    expect(limiter.retryAfterMs("a", 1)).toBe(0);
  });
});
