import { describe, expect, it } from "vitest";
import { addDays, dayKey } from "@/lib/days";

describe("days", () => {
  it("keys an instant by its UTC calendar day, whatever offset it was written with", () => {
    expect(dayKey(new Date("2026-03-10T23:30:00-02:00"))).toBe("2026-03-11");
    expect(dayKey(new Date("2026-03-11T00:00:00Z"))).toBe("2026-03-11");
  });

  it("adds whole days forwards and backwards, across a month end", () => {
    const at = new Date("2026-02-28T12:00:00Z");
    expect(addDays(at, 1).toISOString()).toBe("2026-03-01T12:00:00.000Z");
    expect(addDays(at, -28).toISOString()).toBe("2026-01-31T12:00:00.000Z");
  });
});
