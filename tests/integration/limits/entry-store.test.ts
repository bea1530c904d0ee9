import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createEntryStore } from "@/lib/limits/entry-store";
import { postgresEntries } from "@/lib/limits/entry-store-postgres";
import { closePool, postgresTestDb, type TestDb } from "../../support/test-db";

// The PostgreSQL side of the entry store behind the sign-in throttle: expired rows are swept away, every thousand
// updates and without ever waiting for an update in progress.

let t: TestDb;
let pool: pg.Pool;
let clock = 1_000_000;
const now = () => clock;
const rows = async (table: string) => Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);

beforeAll(async () => {
  t = await postgresTestDb();
  pool = new pg.Pool({ connectionString: t.target.url, max: 4 });
});

afterAll(async () => {
  await closePool(pool);
  await t?.cleanup();
});

// The migrations' table (model SignInThrottle), emptied before each case.
const TABLE = "sign_in_throttle";
beforeEach(async () => {
  await pool.query(`DELETE FROM ${TABLE}`);
});

describe("entries on PostgreSQL", () => {
  it("sweeps expired rows, keeps live ones, and skips a row an update holds instead of waiting for it", async () => {
    const store = postgresEntries({ pool, table: TABLE, now });
    const write = (key: string, expiresAt: number) => store.update([key], () => ({ result: null, writes: [[key, { count: 1, at: clock, expiresAt }]] }));
    await write("expired", clock + 10);
    await write("held", clock + 20);
    await write("live", clock + 10_000);
    // Another instance's update is in progress on "held" (keys are digests, so it is found by its expiry): it holds
    // the row's lock until it commits.
    const holder = await pool.connect();
    try {
      await holder.query("BEGIN");
      await holder.query(`SELECT * FROM ${TABLE} WHERE expires_ms = $1 FOR UPDATE`, [clock + 20]);
      clock += 100;
      await store.sweep();
      expect(await rows(TABLE)).toBe(2);
      await holder.query("COMMIT");
    } finally {
      holder.release();
    }
    await store.sweep();
    expect(await rows(TABLE)).toBe(1);
    expect(await store.update(["live", "expired"], (entries) => ({ result: [...entries.keys()], writes: [] }))).toEqual(["live"]);
  });

  it("sweeps on its own every thousand updates, so made-up keys do not pile up", async () => {
    const store = createEntryStore({ table: TABLE, now, pool });
    for (let i = 0; i < 999; i++) {
      await store.update([`made-up-${i}`], () => ({ result: null, writes: [[`made-up-${i}`, { count: 1, at: clock, expiresAt: clock + 1 }]] }));
      clock += 2;
    }
    expect(await rows(TABLE)).toBe(999);
    await store.update(["the thousandth"], () => ({ result: null, writes: [["the thousandth", { count: 1, at: clock, expiresAt: clock + 60_000 }]] }));
    await vi.waitFor(async () => expect(await rows(TABLE)).toBe(1));
  });
});
