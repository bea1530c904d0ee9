import { describe, expect, it } from "vitest";
import { checkAuthEndpoint } from "@/lib/auth/guard-request";
import { AppError } from "@/lib/errors";

const PROVIDERS = [
  { id: "credentials", type: "credentials" },
  { id: "github", type: "oauth" },
];

function status(method: string, path: string): number {
  try {
    checkAuthEndpoint(method, path.split("/"), PROVIDERS);
    return 200;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).status;
  }
}

describe("checkAuthEndpoint", () => {
  it.each([
    ["GET", "session"],
    ["GET", "csrf"],
    ["GET", "providers"],
    ["GET", "signin"],
    ["GET", "signout"],
    ["GET", "error"],
    ["GET", "callback/github"],
    ["POST", "callback/credentials"],
    ["POST", "signin/github"],
    ["POST", "signout"],
    ["POST", "session"],
    ["POST", "_log"],
  ])("lets %s %s through to next-auth", (method, path) => {
    expect(status(method, path)).toBe(200);
  });

  it("answers GET callback/credentials, which next-auth answers with a 500, with a 405", () => {
    expect(status("GET", "callback/credentials")).toBe(405);
  });

  it.each([
    ["GET", "nope", 404],
    ["GET", "", 404],
    ["GET", "callback/nope", 404],
    ["POST", "callback", 404],
    ["POST", "csrf", 405],
    ["POST", "providers", 405],
    ["HEAD", "session", 405],
    ["PUT", "session", 405],
  ] as const)("refuses %s %s with %i", (method, path, expected) => {
    expect(status(method, path)).toBe(expected);
  });
});
