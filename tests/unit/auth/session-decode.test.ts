import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { decodeRemembered } from "@/lib/auth/session";

// The claims of a session token are remembered between requests (lib/auth/session.ts); remembering must never accept
// a token that decoding would refuse. Whether the session is still live is checked apart from this, on every request
// (tests/integration/auth/sessions.test.ts).

const SECRET = "session-decode-test-secret".padEnd(48, "x");

describe("decodeRemembered", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("decodes a token to its claims, the same the second time", async () => {
    const token = await encode({ token: { sub: "user-1", epoch: 3 }, secret: SECRET });
    const first = await decodeRemembered({ token, secret: SECRET });
    expect(first).toMatchObject({ sub: "user-1", epoch: 3 });
    expect(await decodeRemembered({ token, secret: SECRET })).toEqual(first);
  });

  it("refuses a remembered token under another secret", async () => {
    const token = await encode({ token: { sub: "user-2", epoch: 0 }, secret: SECRET });
    expect(await decodeRemembered({ token, secret: SECRET })).toMatchObject({ sub: "user-2" });
    await expect(decodeRemembered({ token, secret: "another-secret".padEnd(48, "y") })).rejects.toThrow();
  });

  it("refuses an expired token", async () => {
    const token = await encode({ token: { sub: "user-3", epoch: 0 }, secret: SECRET, maxAge: -60 });
    await expect(decodeRemembered({ token, secret: SECRET })).rejects.toThrow();
  });

  it("forgets a remembered token once it has expired", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const token = await encode({ token: { sub: "user-4", epoch: 0 }, secret: SECRET, maxAge: 60 });
    expect(await decodeRemembered({ token, secret: SECRET })).toMatchObject({ sub: "user-4" });
    vi.setSystemTime(Date.now() + 120_000);
    await expect(decodeRemembered({ token, secret: SECRET })).rejects.toThrow();
  });

  it("answers null without a token", async () => {
    expect(await decodeRemembered({ token: undefined, secret: SECRET })).toBeNull();
  });
});
