import { describe, expect, it } from "vitest";
import { createSignInThrottle, delayAfter, RULES, TRUST_MS, type Attempt, type SignInThrottle } from "@/lib/auth/throttle";

const SECOND = 1000;
const MINUTE = 60 * SECOND;

function fakeClock() {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

const allowed = (a: Attempt) => a.allowed;
const retry = (a: Attempt) => (a.allowed ? 0 : a.retryAfterMs);

/** Wrong passwords from one address, each as soon as it is allowed; returns the waits it was told. */
async function guess(throttle: SignInThrottle, clock: ReturnType<typeof fakeClock>, email: string, address: string, times: number) {
  const waits: number[] = [];
  for (let i = 0; i < times; i++) {
    const first = await throttle.attempt(email, address);
    if (!first.allowed) {
      waits.push(first.retryAfterMs);
      clock.advance(first.retryAfterMs);
      expect(allowed(await throttle.attempt(email, address))).toBe(true);
    } else waits.push(0);
  }
  return waits;
}

describe("delayAfter", () => {
  it("is free for the first failures, then doubles up to the rule's ceiling", () => {
    const rule = { free: 3, baseMs: SECOND, maxMs: 10 * SECOND, forgetMs: MINUTE };
    expect([0, 1, 2, 3, 4, 5, 6, 7, 100].map((n) => delayAfter(rule, n))).toEqual([0, 0, 0, 1000, 2000, 4000, 8000, 10_000, 10_000]);
  });
});

describe("sign-in throttle", () => {
  it("gives one (email, address) pair growing delays, never a lockout", async () => {
    const clock = fakeClock();
    const throttle = createSignInThrottle(clock);
    const waits = await guess(throttle, clock, "ada@example.com", "10.0.0.1", 16);
    expect(waits.slice(0, RULES.pair.free)).toEqual([0, 0, 0]);
    expect(waits.slice(3, 8)).toEqual([1, 2, 4, 8, 16].map((s) => s * SECOND));
    for (let i = 4; i < waits.length; i++) expect(waits[i]).toBeGreaterThanOrEqual(waits[i - 1]!);
    expect(Math.max(...waits)).toBe(RULES.pair.maxMs);
  });

  it("does not let an attacker at another address lock the owner out", async () => {
    const clock = fakeClock();
    const throttle = createSignInThrottle(clock);
    const owner = await throttle.attempt("ada@example.com", "192.0.2.7");
    expect(owner.allowed).toBe(true);
    if (owner.allowed) await owner.succeeded();
    await guess(throttle, clock, "ada@example.com", "203.0.113.66", 40);
    expect(retry(await throttle.attempt("ada@example.com", "203.0.113.66"))).toBeGreaterThan(5 * MINUTE);
    // The owner, at the address they signed in from before, is not delayed at all.
    expect(allowed(await throttle.attempt("ada@example.com", "192.0.2.7"))).toBe(true);
  });

  it("bounds a distributed attacker per email, softly: at most a minute's wait, under 100 guesses an hour", async () => {
    const clock = fakeClock();
    const throttle = createSignInThrottle(clock);
    let guesses = 0;
    let longest = 0;
    // One fresh address per guess, each guess as soon as the throttle allows, for an hour.
    for (let address = 0; clock.now() < 1_000_000 + 60 * MINUTE; address++) {
      const a = await throttle.attempt("ada@example.com", `198.51.100.${address}`);
      if (a.allowed) guesses++;
      else {
        longest = Math.max(longest, a.retryAfterMs);
        clock.advance(a.retryAfterMs);
      }
    }
    expect(guesses).toBeLessThan(100);
    expect(longest).toBeLessThanOrEqual(RULES.email.maxMs);
    // Someone at a new address waits at most that minute, then may try.
    const fresh = await throttle.attempt("ada@example.com", "192.0.2.200");
    expect(retry(fresh)).toBeLessThanOrEqual(RULES.email.maxMs);
  });

  it("caps one address spraying many emails", async () => {
    const clock = fakeClock();
    const throttle = createSignInThrottle(clock);
    for (let i = 0; i < RULES.address.free; i++) expect(allowed(await throttle.attempt(`user${i}@example.com`, "203.0.113.9"))).toBe(true);
    expect(retry(await throttle.attempt("someone-new@example.com", "203.0.113.9"))).toBe(RULES.address.baseMs);
    expect(allowed(await throttle.attempt("someone-new@example.com", "203.0.113.10"))).toBe(true);
  });

  it("counts an attempt before the password is checked, so parallel guesses cannot slip past the delay", async () => {
    const clock = fakeClock();
    const throttle = createSignInThrottle(clock);
    const burst = await Promise.all(Array.from({ length: 50 }, () => throttle.attempt("ada@example.com", "203.0.113.5")));
    expect(burst.filter(allowed)).toHaveLength(RULES.pair.free);
  });

  it("takes back a successful attempt and forgets failures after a quiet hour", async () => {
    const clock = fakeClock();
    const throttle = createSignInThrottle(clock);
    await guess(throttle, clock, "ada@example.com", "10.0.0.1", 6);
    const ok = await throttle.attempt("ada@example.com", "10.0.0.2");
    if (ok.allowed) await ok.succeeded();
    expect(allowed(await throttle.attempt("ada@example.com", "10.0.0.2"))).toBe(true);
    clock.advance(RULES.pair.forgetMs);
    expect(allowed(await throttle.attempt("ada@example.com", "10.0.0.1"))).toBe(true);
  });

  it("trusts an address for the per-email delay only for a while after it signed in", async () => {
    const clock = fakeClock();
    const throttle = createSignInThrottle(clock);
    const first = await throttle.attempt("ada@example.com", "192.0.2.7");
    if (first.allowed) await first.succeeded();
    clock.advance(TRUST_MS);
    for (let i = 0; i < 20; i++) await throttle.attempt("ada@example.com", `198.51.100.${i}`);
    expect(retry(await throttle.attempt("ada@example.com", "192.0.2.7"))).toBeGreaterThan(0);
  });
});
