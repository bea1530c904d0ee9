import { describe, expect, it } from "vitest";
import { formatHours, formatMinutes } from "@/lib/content/format";

describe("formatMinutes", () => {
  it.each([
    [0, "0 min"],
    [45, "45 min"],
    [59.6, "1 h"],
    [60, "1 h"],
    [90, "1 h 30 min"],
    [134.4, "2 h 14 min"],
  ])("%d minutes read %j", (minutes, text) => {
    expect(formatMinutes(minutes)).toBe(text);
  });
});

describe("formatHours", () => {
  it.each([
    [10, "0.5 hours"],
    [60, "1 hour"],
    [100, "1.5 hours"],
  ])("%d minutes read %j", (minutes, text) => {
    expect(formatHours(minutes)).toBe(text);
  });
});
