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
 * Nothing is locked: every delay ends on its own. In memory, like the other rate limits: one server process is the
 * deployment we ship. The clock is passed in, so the rule is tested over a fake one.
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

type Count = { failures: number; last: number };

/** The wait owed after `failures` failures, counted from the last one. */
export function delayAfter(rule: Rule, failures: number): number {
  return failures < rule.free ? 0 : Math.min(rule.maxMs, rule.baseMs * 2 ** (failures - rule.free));
}

function waitFor(rule: Rule, count: Count | undefined, now: number): number {
  if (!count || now - count.last >= rule.forgetMs) return 0;
  return Math.max(0, count.last + delayAfter(rule, count.failures) - now);
}

export type Attempt = { allowed: false; retryAfterMs: number } | { allowed: true; succeeded: () => void };

export type SignInThrottle = {
  /**
   * Asks to check a password now. A refused attempt counts for nothing. An allowed one is counted as a failure at
   * once, so concurrent guesses cannot all slip through before the first is checked; `succeeded` takes it back.
   */
  attempt: (email: string, address: string) => Attempt;
};

export function createSignInThrottle({ now = Date.now }: { now?: () => number } = {}): SignInThrottle {
  const counts = { pair: new Map<string, Count>(), address: new Map<string, Count>(), email: new Map<string, Count>() };
  const trusted = new Map<string, number>();
  let calls = 0;

  /** Drops what has been forgotten, now and then, so keys an attacker makes up do not pile up. */
  function sweep(t: number) {
    for (const [name, map] of Object.entries(counts)) {
      const { forgetMs } = RULES[name as keyof typeof RULES];
      for (const [key, count] of map) if (t - count.last >= forgetMs) map.delete(key);
    }
    for (const [key, since] of trusted) if (t - since >= TRUST_MS) trusted.delete(key);
  }

  return {
    attempt(email, address) {
      const t = now();
      if (++calls % 1000 === 0) sweep(t);
      const pair = `${email}\n${address}`;
      const isTrusted = t - (trusted.get(pair) ?? -Infinity) < TRUST_MS;
      const keys = { pair, address, email };
      const wait = Math.max(
        waitFor(RULES.pair, counts.pair.get(pair), t),
        waitFor(RULES.address, counts.address.get(address), t),
        isTrusted ? 0 : waitFor(RULES.email, counts.email.get(email), t),
      );
      if (wait > 0) return { allowed: false, retryAfterMs: wait };

      for (const name of ["pair", "address", "email"] as const) {
        const count = counts[name].get(keys[name]);
        const failures = count && t - count.last < RULES[name].forgetMs ? count.failures : 0;
        counts[name].set(keys[name], { failures: failures + 1, last: t });
      }
      return {
        allowed: true,
        succeeded() {
          counts.pair.delete(pair);
          for (const name of ["address", "email"] as const) {
            const count = counts[name].get(keys[name]);
            if (count) count.failures = Math.max(0, count.failures - 1);
          }
          trusted.set(pair, now());
        },
      };
    },
  };
}
