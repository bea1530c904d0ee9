import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpWithForm } from "@/lib/auth/sign-up";
import { fromAddress } from "../../support/client-address";
import { DATABASES, type TestDb } from "../../support/test-db";

// The sign-up form's submission as the server action runs it, on a real database: the form's state comes back with
// what was typed, so a refused form keeps it.

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

describe.each(DATABASES)("the sign-up form on $name", ({ open }) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
  });
  afterAll(async () => t?.cleanup());

  const submit = (fields: Record<string, string>, address: string) =>
    signUpWithForm(form(fields), { db: t.db, headers: async () => new Headers(fromAddress(address)) });

  it("creates the account and echoes what was typed", async () => {
    const state = await submit({ name: "Ada", email: "Ada@Example.com", password: "analytical engine" }, "10.1.0.1");
    expect(state).toEqual({ ok: true, email: "Ada@Example.com", name: "Ada" });
    expect(await t.db.user.count({ where: { email: "ada@example.com" } })).toBe(1);
  });

  it("refuses a bad field beside that field, keeping the rest, and creates nothing", async () => {
    const state = await submit({ name: "Grace", email: "grace@example.com", password: "short" }, "10.1.0.2");
    expect(state).toEqual({ ok: false, field: "password", error: "Use at least 10 characters for your password.", email: "grace@example.com", name: "Grace" });
    expect(await t.db.user.count({ where: { email: "grace@example.com" } })).toBe(0);
  });

  it("says an email is taken beside the email field", async () => {
    const state = await submit({ name: "Ada again", email: "ada@example.com", password: "analytical engine" }, "10.1.0.3");
    expect(state).toMatchObject({ ok: false, field: "email", error: expect.stringMatching(/already exists/) });
  });

  it("limits sign-ups per client address, keyed on the request's headers", async () => {
    const address = `10.1.1.${t.target.provider === "sqlite" ? 1 : 2}`;
    const states = [];
    for (let i = 0; i < 6; i++) states.push(await submit({ name: "Lin", email: `lin${i}@example.com`, password: "a long enough password" }, address));
    expect(states.slice(0, 5).every((s) => s.ok)).toBe(true);
    expect(states[5]).toMatchObject({ ok: false, error: expect.stringMatching(/Too many accounts/) });
    expect((await submit({ name: "Lin", email: "lin-elsewhere@example.com", password: "a long enough password" }, "10.1.2.1")).ok).toBe(true);
  });
});
