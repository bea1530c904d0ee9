import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { AppError } from "@/lib/errors";
import { createRateLimiter } from "@/lib/limits/rate-limiter";
import { closePool, postgresTestDb, type TestDb } from "../../support/test-db";

// Rate limits on PostgreSQL as several app instances use them: each instance builds its own limiter over its own
// pool, and nothing but the database connects them.

let t: TestDb;
const pools: pg.Pool[] = [];

/** The connections of one more app instance. */
function instancePool(url = t.target.url) {
  const pool = new pg.Pool({ connectionString: url, max: 3 });
  pools.push(pool);
  return pool;
}

beforeAll(async () => {
  t = await postgresTestDb();
});

afterAll(async () => {
  vi.unstubAllEnvs();
  vi.resetModules();
  await Promise.all(pools.map(closePool));
  await t?.cleanup();
});

describe("rate limits across app instances on PostgreSQL", () => {
  it("two limiters built separately, as two app processes build theirs, share one count", async () => {
    const a = createRateLimiter({ name: "shared", max: 3, windowMs: 60_000, pool: instancePool() });
    const b = createRateLimiter({ name: "shared", max: 3, windowMs: 60_000, pool: instancePool() });
    const hits = [await a.hit("10.0.0.1"), await b.hit("10.0.0.1"), await a.hit("10.0.0.1"), await b.hit("10.0.0.1")];
    expect(hits.map((h) => h.count)).toEqual([1, 2, 3, 4]);
    expect(hits.slice(0, 3).every((h) => h.retryAfterMs === 0)).toBe(true);
    expect(hits[3]!.retryAfterMs).toBeGreaterThan(55_000);
    expect(hits[3]!.retryAfterMs).toBeLessThanOrEqual(60_000);
    // Another client, and another limiter's name, count on their own.
    await expect(b.hit("10.0.0.2")).resolves.toEqual({ count: 1, retryAfterMs: 0 });
    await expect(createRateLimiter({ name: "other", max: 3, windowMs: 60_000, pool: instancePool() }).hit("10.0.0.1")).resolves.toEqual({ count: 1, retryAfterMs: 0 });
  });

  it("stores one row per key with its expiry, which the library's cleaner deletes by", async () => {
    const before = Date.now();
    await createRateLimiter({ name: "expiry", max: 1, windowMs: 60_000, pool: instancePool() }).hit("10.0.0.9");
    const { rows } = await instancePool().query<{ key: string; points: number; expire: string }>("SELECT key, points, expire FROM rate_limits WHERE key = $1", [
      "expiry:10.0.0.9",
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.points).toBe(1);
    expect(Number(rows[0]!.expire)).toBeGreaterThanOrEqual(before + 60_000);
    expect(Number(rows[0]!.expire)).toBeLessThanOrEqual(Date.now() + 60_000);
  });

  it("counts the very first requests on a fresh database from two instances at once, each exactly once", async () => {
    const fresh = await postgresTestDb();
    try {
      const a = createRateLimiter({ name: "first", max: 10, windowMs: 60_000, pool: instancePool(fresh.target.url) });
      const b = createRateLimiter({ name: "first", max: 10, windowMs: 60_000, pool: instancePool(fresh.target.url) });
      const hits = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).hit("10.0.0.3")));
      expect(hits.map((h) => h.count).sort((x, y) => x - y)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
      expect(hits.filter((h) => h.retryAfterMs === 0)).toHaveLength(10);
    } finally {
      await Promise.all(pools.splice(-2).map(closePool));
      await fresh.cleanup();
    }
  });

  it("refuses the run past RUNNER_RATE_PER_MINUTE across two instances of the run limit, with 429 and Retry-After", async () => {
    vi.stubEnv("DATABASE_URL", t.target.url);
    vi.stubEnv("RUNNER_RATE_PER_MINUTE", "4");
    // Each import after resetModules is a new module, as each app process has its own: two limiters, one database.
    const instances: (typeof import("@/lib/runner/run-limit"))[] = [];
    for (let i = 0; i < 2; i++) {
      vi.resetModules();
      instances.push(await import("@/lib/runner/run-limit"));
    }
    try {
      const results = await Promise.allSettled(Array.from({ length: 7 }, (_, i) => instances[i % 2]!.takeRunToken("192.0.2.44")));
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(4);
      // Each module graph has its own AppError class, so the refusals are checked by what a client receives.
      const refusals = results.flatMap((r) => (r.status === "rejected" ? [r.reason as AppError] : []));
      expect(refusals).toHaveLength(3);
      for (const refusal of refusals) {
        expect(refusal).toMatchObject({ code: "rate_limited:requests", status: 429 });
        expect(refusal.message).toMatch(/^Too many runs\. Try again in \d+ seconds?\.$/);
        expect(Number(refusal.headers["Retry-After"])).toBeGreaterThanOrEqual(59);
      }
    } finally {
      // The shared pool both imports used (lib/db/pg-pool.ts) is closed with the others.
      const { sharedPgPool } = await import("@/lib/db/pg-pool");
      pools.push(sharedPgPool()!);
    }
  });
});
