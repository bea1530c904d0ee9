import { describe, expect, it } from "vitest";
import { signUpSchema } from "@/lib/auth/fields";

const valid = { name: "Ada", email: "ada@example.com", password: "correct horse battery" };
const firstMessage = (input: unknown) => {
  const r = signUpSchema.safeParse(input);
  return r.success ? null : r.error.issues[0]!.message;
};

describe("signUpSchema", () => {
  it("normalises the email once: trimmed and lower-cased", () => {
    expect(signUpSchema.parse({ ...valid, email: "  Ada@Example.COM " }).email).toBe("ada@example.com");
  });

  it.each([
    [{ ...valid, email: "not-an-email" }, "Enter a valid email address, like ada@example.com."],
    [{ ...valid, email: undefined }, "Enter your email address."],
    [{ ...valid, password: "short" }, "Use at least 10 characters for your password."],
    [{ ...valid, password: "x".repeat(201) }, "Use at most 200 characters for your password."],
    [{ ...valid, name: "   " }, "Tell us what to call you."],
    [{ ...valid, email: `${"a".repeat(250)}@example.com` }, "That email address is too long."],
  ])("explains what is wrong (%#)", (input, message) => {
    expect(firstMessage(input)).toBe(message);
  });

  it("accepts a valid sign-up", () => {
    expect(firstMessage(valid)).toBeNull();
  });
});
