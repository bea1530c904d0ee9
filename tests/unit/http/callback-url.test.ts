import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/lib/http/callback-url";

describe("safeCallbackUrl", () => {
  it.each(["/", "/learn/go/01-goroutines", "/dashboard?tab=quizzes#history", "/%2F/still-a-path"])("keeps the same-site path %j", (value) => {
    expect(safeCallbackUrl(value)).toBe(value);
  });

  it.each([
    "https://evil.example/",
    "//evil.example",
    "/\\evil.example",
    // Browsers drop tabs and newlines from URLs: these would open //evil.example.
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "javascript:alert(1)",
    "learn",
    "",
  ])("sends %j home instead", (value) => {
    expect(safeCallbackUrl(value)).toBe("/");
  });

  it("sends anything but a string home", () => {
    expect(safeCallbackUrl(undefined)).toBe("/");
    expect(safeCallbackUrl(["/a", "/b"])).toBe("/");
  });
});
