import { afterEach, describe, expect, it, vi } from "vitest";

async function providerIds(env: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  const { authOptions } = await import("@/lib/auth/options");
  return authOptions().providers.map((p) => p.id);
}

const base = { NEXTAUTH_SECRET: "x".repeat(48), DATABASE_URL: "file:/tmp/bp-options-test.db" };

describe("authOptions", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("offers only email and password when GitHub is not configured", async () => {
    await expect(providerIds({ ...base, GITHUB_ID: undefined, GITHUB_SECRET: undefined })).resolves.toEqual(["credentials"]);
  });

  it("offers GitHub when both of its variables are set", async () => {
    await expect(providerIds({ ...base, GITHUB_ID: "id", GITHUB_SECRET: "secret" })).resolves.toEqual(["credentials", "github"]);
  });

  it("needs both GitHub variables", async () => {
    await expect(providerIds({ ...base, GITHUB_ID: "id", GITHUB_SECRET: undefined })).resolves.toEqual(["credentials"]);
  });

  it("fails fast with a message when the secret is missing or weak", async () => {
    await expect(providerIds({ ...base, NEXTAUTH_SECRET: "short" })).rejects.toThrow(/NEXTAUTH_SECRET must be at least 32 characters/);
  });
});
