import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSignInLimits, SIGN_IN_FAILED, signIn, signUp } from "@/lib/auth/accounts";
import { DATABASES, type TestDb } from "../../support/test-db";

const ada = { name: "Ada Lovelace", email: "Ada@Example.com", password: "analytical engine" };

describe.each(DATABASES)("accounts on $name", ({ open }) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
  });
  afterAll(async () => t?.cleanup());

  it("signs up with a normalised email and an argon2id hash, never the password", async () => {
    const result = await signUp(t.db, ada);
    expect(result).toMatchObject({ ok: true, user: { email: "ada@example.com", name: "Ada Lovelace" } });
    const stored = await t.db.user.findUniqueOrThrow({ where: { email: "ada@example.com" } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(stored.passwordHash).not.toContain(ada.password);
  });

  it("refuses a second sign-up with the same email, whatever its case", async () => {
    await expect(signUp(t.db, { ...ada, email: "ADA@example.com" })).resolves.toEqual({
      ok: false,
      field: "email",
      error: "An account with this email already exists. Sign in instead.",
    });
  });

  it("reports invalid sign-up input on its field", async () => {
    await expect(signUp(t.db, { ...ada, email: "grace@example.com", password: "short" })).resolves.toMatchObject({ ok: false, field: "password" });
  });

  it("signs in with the right password", async () => {
    const result = await signIn(t.db, createSignInLimits(), { email: " ada@example.com ", password: ada.password }, "1.1.1.1");
    expect(result).toMatchObject({ ok: true, user: { email: "ada@example.com" } });
  });

  it("answers a wrong password and an unknown email with the same words", async () => {
    const limits = createSignInLimits();
    const wrong = await signIn(t.db, limits, { email: ada.email, password: "not my password" }, "1.1.1.1");
    const unknown = await signIn(t.db, limits, { email: "nobody@example.com", password: "not my password" }, "1.1.1.1");
    expect(wrong).toEqual({ ok: false, error: SIGN_IN_FAILED });
    expect(unknown).toEqual({ ok: false, error: SIGN_IN_FAILED });
  });

  it("limits attempts per email, even with the right password, and says how long to wait", async () => {
    const limits = createSignInLimits();
    for (let i = 0; i < 5; i++) await signIn(t.db, limits, { email: ada.email, password: "wrong password" }, `10.0.0.${i}`);
    const blocked = await signIn(t.db, limits, { email: ada.email, password: ada.password }, "10.0.0.99");
    expect(blocked).toEqual({ ok: false, error: "Too many sign-in attempts. Wait 15 minute(s), then try again." });
    const other = await signIn(t.db, limits, { email: "nobody@example.com", password: "whatever" }, "10.0.0.99");
    expect(other).toEqual({ ok: false, error: SIGN_IN_FAILED });
  });

  it("limits attempts per IP across emails", async () => {
    const limits = createSignInLimits();
    for (let i = 0; i < 30; i++) limits.byIp.fail("6.6.6.6");
    const result = await signIn(t.db, limits, { email: ada.email, password: ada.password }, "6.6.6.6");
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/^Too many sign-in attempts/) });
  });
});
