import { describe, expect, it } from "vitest";
import { errorResponse } from "@/lib/errors";
import { rateLimited } from "@/lib/http/rate-limited";

describe("rateLimited", () => {
  it.each([
    [1, "1", "Try again in 1 second."],
    [999, "1", "Try again in 1 second."],
    [1001, "2", "Try again in 2 seconds."],
    [60_000, "60", "Try again in 60 seconds."],
  ])("waits %i ms as Retry-After %s, in words too", async (ms, header, words) => {
    const response = errorResponse(rateLimited("Too many runs.", ms));
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe(header);
    expect(await response.json()).toEqual({ code: "rate_limited:requests", error: `Too many runs. ${words}` });
  });
});
