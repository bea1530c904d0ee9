import type pg from "pg";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { limitsPool } from "./pool";

// Events per key per window (runs, sign-ups, failed checks) on rate-limiter-flexible: its memory store on SQLite, its
// PostgreSQL store (one atomic upsert per event) when the app instances share a PostgreSQL. Both count a fixed window
// that starts at a key's first event, not a sliding one: a client can at worst fit 2 × max events around a window's
// end, which these limits (abuse bounds, not quotas) accept in exchange for one row per key.
// Memory stays bounded: the memory store drops each key when its window ends (a timer per key), and the PostgreSQL
// store deletes rows that expired over an hour ago every five minutes (its clearExpiredByTimeout, on by default).

/** Every limiter's rows, told apart by the limiter's name (the key prefix); prisma/schema.prisma model RateLimit. */
const TABLE = "rate_limits";

export type Hit = {
  /** Events the key has in its window, this one included. */
  count: number;
  /** 0 while the window holds at most `max` events; beyond that, the time until the window ends. */
  retryAfterMs: number;
};

export type RateLimiter = {
  /** Counts one event for `key`. Refused events count too, which changes nothing: the window does not move. */
  hit: (key: string) => Promise<Hit>;
};

type Options = { points: number; duration: number; keyPrefix: string };

/**
 * PostgreSQL's store when there is a pool, else memory. The table is the migrations' (model RateLimit), so the store
 * does no DDL: app instances need no right to make tables.
 */
function openStore(pool: pg.Pool | undefined, options: Options): RateLimiterAbstract {
  if (!pool) return new RateLimiterMemory(options);
  return new RateLimiterPostgres({ ...options, storeClient: pool, storeType: "pool", tableName: TABLE, tableCreated: true });
}

/**
 * A limiter of `max` events per `windowMs` (whole seconds) for each key; `name` keeps its keys apart from other
 * limiters'. `pool` is for tests; the app's store is chosen by limitsPool.
 */
export function createRateLimiter({ name, max, windowMs, pool }: { name: string; max: number; windowMs: number; pool?: pg.Pool }): RateLimiter {
  // The PostgreSQL store keeps expiry times in a bigint column: a fraction of a millisecond would not fit.
  if (!Number.isInteger(windowMs / 1000)) throw new Error(`rate limiter ${name}: windowMs must be whole seconds`);
  const options = { points: max, duration: windowMs / 1000, keyPrefix: name };
  // Built at first use, not at import, so building the app opens no connection.
  let limiter: RateLimiterAbstract | undefined;
  const store = () => (limiter ??= openStore(limitsPool(pool), options));
  return {
    async hit(key) {
      try {
        return { count: (await store().consume(key)).consumedPoints, retryAfterMs: 0 };
      } catch (refused) {
        // The library refuses with its result (over the limit), and fails with an Error (the database did not answer).
        if (!(refused instanceof RateLimiterRes)) throw refused;
        return { count: refused.consumedPoints, retryAfterMs: Math.max(1, refused.msBeforeNext) };
      }
    },
  };
}
