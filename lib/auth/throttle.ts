import type pg from "pg";
import { createEntryStore, type Decision, type Entry } from "../limits/entry-store";

/**
 * Sign-in throttling that slows guessing without handing an attacker a way to lock the owner out (ASVS 5.0 6.3.1,
 * documented in the README as 6.1.1 asks). Three counters of failed attempts, each with a delay that doubles:
 *
 * - per (email, address) pair: the attacker's own pair slows down hard; the owner, at another address, is untouched;
 * - per address: one address spraying many emails slows down hard;
 * - per email, from any address: bounds a distributed attacker (many addresses, one email) to a few dozen guesses an
 *   hour, below NIST SP 800-63B's 100. This one is soft (a minute at most) and skipped from any address the account
 *   signed in from in the last 30 days, so an attack never delays the owner where they usually sign in.
 *
 * Nothing is locked: every delay ends on its own. The counters live where lib/limits keeps shared state: in memory on
 * SQLite (one process), in PostgreSQL when several app instances share it, where each attempt is one transaction
 * that locks its keys, so a guess through any instance waits for the others' (lib/limits/entry-store.ts). The clock
 * is passed in, so the rule is tested over a fake one.
 */

/** How one counter turns failures into a delay: `free` failures cost nothing, then baseMs doubling up to maxMs. */
export type Rule = { free: number; baseMs: number; maxMs: number; forgetMs: number };

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

export const RULES = {
  pair: { free: 3, baseMs: SECOND, maxMs: 15 * MINUTE, forgetMs: HOUR },
  address: { free: 20, baseMs: SECOND, maxMs: 15 * MINUTE, forgetMs: HOUR },
  email: { free: 10, baseMs: SECOND, maxMs: MINUTE, forgetMs: HOUR },
} as const satisfies Record<string, Rule>;

/** An address the account signed in from stays exempt from the per-email delay this long. */
export const TRUST_MS = 30 * 24 * HOUR;

/** The wait owed after `failures` failures, counted from the last one. */
export function delayAfter(rule: Rule, failures: number): number {
  return failures < rule.free ? 0 : Math.min(rule.maxMs, rule.baseMs * 2 ** (failures - rule.free));
}

/** A counter's entry holds its failures and the time of the last; it is forgotten `forgetMs` after that. */
function waitFor(rule: Rule, count: Entry | undefined, now: number): number {
  if (!count || now - count.at >= rule.forgetMs) return 0;
  return Math.max(0, count.at + delayAfter(rule, count.count) - now);
}

export type Attempt = { allowed: false; retryAfterMs: number } | { allowed: true; succeeded: () => Promise<void> };

export type SignInThrottle = {
  /**
   * Asks to check a password now. A refused attempt counts for nothing. An allowed one is counted as a failure at
   * once, so concurrent guesses cannot all slip through before the first is checked; `succeeded` takes it back.
   */
  attempt: (email: string, address: string) => Promise<Attempt>;
};

const COUNTERS = ["pair", "address", "email"] as const;

/** The entries of one attempt: its three counters, and the pair's trust (its entry: since when, expiring after TRUST_MS). */
function keysOf(email: string, address: string) {
  const pair = `${email}\n${address}`;
  return { pair: `pair:${pair}`, address: `address:${address}`, email: `email:${email}`, trusted: `trusted:${pair}` };
}

/** `pool` is for tests; the app's store is chosen by lib/limits. */
export function createSignInThrottle({ now = Date.now, pool }: { now?: () => number; pool?: pg.Pool } = {}): SignInThrottle {
  const store = createEntryStore({ table: "sign_in_throttle", now, pool });

  function succeeded(keys: ReturnType<typeof keysOf>): Promise<void> {
    return store.update(Object.values(keys), (entries) => {
      const t = now();
      const takeBack = (key: string): [string, Entry | null] => {
        const count = entries.get(key);
        return [key, count ? { ...count, count: Math.max(0, count.count - 1) } : null];
      };
      return {
        result: undefined,
        writes: [[keys.pair, null], takeBack(keys.address), takeBack(keys.email), [keys.trusted, { count: 0, at: t, expiresAt: t + TRUST_MS }]],
      };
    });
  }

  return {
    attempt(email, address) {
      const keys = keysOf(email, address);
      return store.update(Object.values(keys), (entries): Decision<Attempt> => {
        const t = now();
        const wait = Math.max(
          waitFor(RULES.pair, entries.get(keys.pair), t),
          waitFor(RULES.address, entries.get(keys.address), t),
          entries.has(keys.trusted) ? 0 : waitFor(RULES.email, entries.get(keys.email), t),
        );
        if (wait > 0) return { result: { allowed: false, retryAfterMs: wait }, writes: [] };
        const writes = COUNTERS.map((name): [string, Entry] => {
          const count = entries.get(keys[name]);
          const failures = count && t - count.at < RULES[name].forgetMs ? count.count : 0;
          return [keys[name], { count: failures + 1, at: t, expiresAt: t + RULES[name].forgetMs }];
        });
        return { result: { allowed: true, succeeded: () => succeeded(keys) }, writes };
      });
    },
  };
}
