import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSignUpLimit, SIGN_IN_FAILED, signIn, signUp } from "@/lib/auth/accounts";
import { createSignInThrottle } from "@/lib/auth/throttle";
import { DATABASES, type TestDb } from "../../support/test-db";

const ada = { name: "Ada Lovelace", email: "Ada@Example.com", password: "analytical engine" };

describe.each(DATABASES)("accounts on $name", ({ open }) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
  });
  afterAll(async () => t?.cleanup());

  it("signs up with a normalised email and an argon2id hash, never the password", async () => {
    const result = await signUp(t.db, createSignUpLimit(), ada, "1.1.1.1");
    expect(result).toMatchObject({ ok: true, user: { email: "ada@example.com", name: "Ada Lovelace" } });
    const stored = await t.db.user.findUniqueOrThrow({ where: { email: "ada@example.com" } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(stored.passwordHash).not.toContain(ada.password);
  });

  it("refuses a second sign-up with the same email, whatever its case", async () => {
    await expect(signUp(t.db, createSignUpLimit(), { ...ada, email: "ADA@example.com" }, "1.1.1.1")).resolves.toEqual({
      ok: false,
      field: "email",
      error: "An account with this email already exists. Sign in instead.",
    });
  });

  it("reports invalid sign-up input on its field", async () => {
    await expect(signUp(t.db, createSignUpLimit(), { ...ada, email: "grace@example.com", password: "short" }, "1.1.1.1")).resolves.toMatchObject({ ok: false, field: "password" });
  });

  it("signs in with the right password", async () => {
    const result = await signIn(t.db, createSignInThrottle(), { email: " ada@example.com ", password: ada.password }, "1.1.1.1");
    expect(result).toMatchObject({ ok: true, user: { email: "ada@example.com" } });
  });

  it("answers a wrong password and an unknown email with the same words", async () => {
    const throttle = createSignInThrottle();
    const wrong = await signIn(t.db, throttle, { email: ada.email, password: "not my password" }, "1.1.1.1");
    const unknown = await signIn(t.db, throttle, { email: "nobody@example.com", password: "not my password" }, "1.1.1.1");
    expect(wrong).toEqual({ ok: false, error: SIGN_IN_FAILED });
    expect(unknown).toEqual({ ok: false, error: SIGN_IN_FAILED });
  });

  it("an attacker guessing from other addresses cannot lock the owner out", async () => {
    const throttle = createSignInThrottle();
    await signIn(t.db, throttle, { email: ada.email, password: ada.password }, "192.0.2.7");
    for (let i = 0; i < 6; i++) await signIn(t.db, throttle, { email: ada.email, password: "wrong password" }, "203.0.113.66");
    for (let i = 0; i < 12; i++) await signIn(t.db, throttle, { email: ada.email, password: "wrong password" }, `198.51.100.${i}`);
    const attacker = await signIn(t.db, throttle, { email: ada.email, password: ada.password }, "203.0.113.66");
    expect(attacker).toEqual({ ok: false, error: expect.stringMatching(/^Too many sign-in attempts\. Wait \d+ seconds?, then try again\.$/) });
    await expect(signIn(t.db, throttle, { email: ada.email, password: ada.password }, "192.0.2.7")).resolves.toMatchObject({ ok: true });
  });

  it("throttles an unknown email exactly like a real one, so the delay does not reveal accounts", async () => {
    const throttle = createSignInThrottle();
    const answers = async (email: string, address: string) => {
      const out: string[] = [];
      for (let i = 0; i < 5; i++) out.push(((await signIn(t.db, throttle, { email, password: "wrong password" }, address)) as { error: string }).error);
      return out;
    };
    expect(await answers("nobody@example.com", "203.0.113.1")).toEqual(await answers(ada.email, "203.0.113.2"));
  });

  it("limits sign-ups per address, with a message that says how long to wait", async () => {
    const limit = createSignUpLimit(3);
    const person = (n: number) => ({ name: `Person ${n}`, email: `person${n}@example.com`, password: "a long enough password" });
    for (let n = 0; n < 3; n++) await expect(signUp(t.db, limit, person(n), "203.0.113.50")).resolves.toMatchObject({ ok: true });
    const refused = await signUp(t.db, limit, person(3), "203.0.113.50");
    expect(refused).toEqual({ ok: false, error: "Too many accounts were created from your network. Wait 60 minutes, then try again." });
    expect(await t.db.user.count({ where: { email: "person3@example.com" } })).toBe(0);
    await expect(signUp(t.db, limit, person(3), "203.0.113.51")).resolves.toMatchObject({ ok: true });
  });

  it("counts sign-ups for emails that are taken, so the limit also bounds probing for accounts", async () => {
    const limit = createSignUpLimit(2);
    for (let n = 0; n < 2; n++) await expect(signUp(t.db, limit, ada, "203.0.113.60")).resolves.toMatchObject({ ok: false, field: "email" });
    await expect(signUp(t.db, limit, ada, "203.0.113.60")).resolves.toMatchObject({ ok: false, error: expect.stringMatching(/^Too many accounts/) });
  });

  it("defaults to 5 sign-ups an hour per address", async () => {
    const limit = createSignUpLimit();
    for (let n = 0; n < 5; n++) await expect(limit.hit("203.0.113.70")).resolves.toEqual({ count: n + 1, retryAfterMs: 0 });
    expect((await limit.hit("203.0.113.70")).retryAfterMs).toBeGreaterThan(59 * 60_000);
  });
});
