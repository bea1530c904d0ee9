import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, signUp, createSignUpLimit } from "@/lib/auth/accounts";
import { createSignInThrottle, RULES, type Attempt } from "@/lib/auth/throttle";
import { closePool, postgresTestDb, type TestDb } from "../../support/test-db";

// The sign-in throttle on PostgreSQL as several app instances use it: each instance builds its own throttle over its
// own pool, with clocks that agree (one fake clock here), and only the database connects them.

const SECOND = 1000;

let t: TestDb;
const pools: pg.Pool[] = [];
let clock = 1_000_000_000;
const now = () => clock;

/** One more app instance's throttle, on `url`'s database. */
function instance(url = t.target.url) {
  const pool = new pg.Pool({ connectionString: url, max: 5 });
  pools.push(pool);
  return createSignInThrottle({ now, pool });
}

const allowed = (attempts: Attempt[]) => attempts.filter((a) => a.allowed).length;
const ada = { name: "Ada Lovelace", email: "ada@example.com", password: "analytical engine" };

beforeAll(async () => {
  t = await postgresTestDb();
  await signUp(t.db, createSignUpLimit(), ada, "192.0.2.1");
});

afterAll(async () => {
  await Promise.all(pools.map(closePool));
  await t?.cleanup();
});

describe("the sign-in throttle across app instances on PostgreSQL", () => {
  it("delays instance B after failures recorded through instance A, with the same words", async () => {
    const [a, b] = [instance(), instance()];
    for (let i = 0; i < RULES.pair.free; i++) {
      await expect(signIn(t.db, a, { email: ada.email, password: "wrong password" }, "203.0.113.1")).resolves.toMatchObject({ ok: false });
    }
    await expect(signIn(t.db, b, { email: ada.email, password: ada.password }, "203.0.113.1")).resolves.toEqual({
      ok: false,
      error: "Too many sign-in attempts. Wait 1 second, then try again.",
    });
    clock += RULES.pair.baseMs;
    await expect(signIn(t.db, b, { email: ada.email, password: ada.password }, "203.0.113.1")).resolves.toMatchObject({ ok: true });
  });

  it("lets no more than the free attempts through when 20 arrive at once through two instances, on a fresh database", async () => {
    const fresh = await postgresTestDb();
    try {
      const [a, b] = [instance(fresh.target.url), instance(fresh.target.url)];
      const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).attempt("grace@example.com", "203.0.113.2")));
      expect(allowed(burst)).toBe(RULES.pair.free);
      // The refused ones counted for nothing: after the first delay one more attempt goes through, and only one.
      expect(Math.max(...burst.map((x) => (x.allowed ? 0 : x.retryAfterMs)))).toBe(RULES.pair.baseMs);
      clock += RULES.pair.baseMs;
      const next = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? a : b).attempt("grace@example.com", "203.0.113.2")));
      expect(allowed(next)).toBe(1);
      expect(next.filter((x) => !x.allowed).map((x) => (x.allowed ? 0 : x.retryAfterMs))).toEqual(Array(5).fill(2 * SECOND));
    } finally {
      await Promise.all(pools.splice(-2).map(closePool));
      await fresh.cleanup();
    }
  });

  it("a success through B takes back what A counted, as the rule says, and trusts that address", async () => {
    const [a, b] = [instance(), instance()];
    const email = "lin@example.com";
    for (let i = 0; i < RULES.pair.free; i++) expect((await a.attempt(email, "198.51.100.1")).allowed).toBe(true);
    expect((await b.attempt(email, "198.51.100.1")).allowed).toBe(false);
    clock += RULES.pair.baseMs;
    const success = await b.attempt(email, "198.51.100.1");
    expect(success.allowed).toBe(true);
    if (success.allowed) await success.succeeded();
    // The pair's failures are gone: A gives the free attempts again before any delay.
    const again = [];
    for (let i = 0; i < RULES.pair.free + 1; i++) again.push(await a.attempt(email, "198.51.100.1"));
    expect(again.map((x) => x.allowed)).toEqual([true, true, true, false]);
    // Guessing the email from many other addresses delays a new address, never the trusted one.
    for (let i = 0; i < RULES.email.free + 5; i++) await (i % 2 ? a : b).attempt(email, `198.51.100.${100 + i}`);
    expect((await b.attempt(email, "198.51.100.250")).allowed).toBe(false);
    clock += 15 * 60 * SECOND;
    expect((await b.attempt(email, "198.51.100.1")).allowed).toBe(true);
  });

  it("keeps no email or address in clear text, and an expiry on every row", async () => {
    const throttle = instance();
    await throttle.attempt("hidden@example.com", "203.0.113.77");
    const { rows } = await pools.at(-1)!.query<{ key: string; expires_ms: string }>("SELECT key, expires_ms FROM sign_in_throttle");
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.key).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Number(row.expires_ms)).toBeGreaterThan(0);
    }
    expect(JSON.stringify(rows)).not.toMatch(/hidden|203\.0\.113/);
  });
});
