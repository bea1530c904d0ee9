import type pg from "pg";
import { log } from "../log";
import { memoryEntries } from "./entry-store-memory";
import { limitsPool } from "./pool";
import { postgresEntries } from "./entry-store-postgres";

// A few keyed entries read and rewritten as one step, for counters whose rule needs more than one atomic increment
// (the sign-in throttle: three counters and a trusted address decide together whether an attempt may go ahead, and
// the attempt is counted only if it may). In memory, one synchronous step is atomic; on PostgreSQL, a transaction
// that locks the keys first (entry-store-postgres.ts), so app instances take turns per key.

/** A count, when it last changed, and when it is forgotten: an expired entry reads as absent and is swept away. */
export type Entry = { count: number; at: number; expiresAt: number };

/** What `decide` answers: the caller's result, and the entries to write (null deletes one). */
export type Decision<T> = { result: T; writes: [key: string, entry: Entry | null][] };

export type EntryStore = {
  /** Reads the live entries of `keys`, lets `decide` choose the writes, and stores them, with no other update to those keys in between. */
  update: <T>(keys: readonly string[], decide: (entries: ReadonlyMap<string, Entry>) => Decision<T>) => Promise<T>;
};

/** One kind of storage: `update` as above, `sweep` deletes the expired entries. */
export type EntryBackend = EntryStore & { sweep: () => Promise<void> };

/** Expired entries are deleted every this many updates, so keys an attacker makes up do not pile up. */
const SWEEP_EVERY = 1000;

/**
 * Entries in `table` (PostgreSQL) or in memory, as limitsPool decides at first use. `now` is the clock entries expire
 * by (a fake one in tests); `pool` is for tests.
 */
export function createEntryStore({ table, now, pool }: { table: string; now: () => number; pool?: pg.Pool }): EntryStore {
  let backend: EntryBackend | undefined;
  let updates = 0;
  const open = (): EntryBackend => {
    const shared = limitsPool(pool);
    return shared ? postgresEntries({ pool: shared, table, now }) : memoryEntries(now);
  };
  return {
    async update(keys, decide) {
      backend ??= open();
      const result = await backend.update(keys, decide);
      if (++updates % SWEEP_EVERY === 0) {
        // Not the request's business: a failed sweep is tried again a thousand updates later.
        backend.sweep().catch((error: unknown) => log().warn({ err: error, table }, "sweeping expired entries failed"));
      }
      return result;
    },
  };
}
