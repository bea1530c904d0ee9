import { describe, expect, it } from "vitest";
import { clampInstant, creditForDay, creditVisits, DAY_SECONDS } from "@/lib/progress/bounds";
import { currentStreak } from "@/lib/progress/summary";
import { exercisesToCheck, MAX_MERGE_CHECKS, type Entry } from "@/lib/progress/verify";

const at = (iso: string) => new Date(iso);
const H = 3600;
const window = { from: at("2026-03-01T00:00:00Z"), to: at("2026-03-10T00:00:00Z") };
const visit = (lessonId: string, seconds: number, iso: string) => ({ lessonId, seconds, at: at(iso) });

describe("clampInstant", () => {
  it.each([
    ["before the store existed", "2026-02-01T00:00:00Z", "2026-03-01T00:00:00.000Z"],
    ["in the future", "2027-01-01T00:00:00Z", "2026-03-10T00:00:00.000Z"],
    ["inside the window", "2026-03-05T12:00:00Z", "2026-03-05T12:00:00.000Z"],
  ])("%s", (_why, instant, expected) => {
    expect(clampInstant(at(instant), window).toISOString()).toBe(expected);
  });
});

describe("creditForDay", () => {
  it("never lets a day hold more than 24 hours", () => {
    expect(creditForDay(0, 600)).toBe(600);
    expect(creditForDay(DAY_SECONDS - 100, 600)).toBe(100);
    expect(creditForDay(DAY_SECONDS, 600)).toBe(0);
  });
});

describe("creditVisits", () => {
  it("credits separate visits in full, per lesson and per day", () => {
    const { lessons, days } = creditVisits([visit("a/01", 300, "2026-03-01T10:05:00Z"), visit("b/01", 120, "2026-03-02T09:05:00Z")], window);
    expect(Object.fromEntries(lessons)).toEqual({ "a/01": 300, "b/01": 120 });
    expect(Object.fromEntries(days)).toEqual({ "2026-03-01": 300, "2026-03-02": 120 });
  });

  it("counts wall-clock time once: 30 four-hour visits saved at the same moment are four hours", () => {
    const visits = Array.from({ length: 30 }, () => visit("a/01", 4 * H, "2026-03-05T12:00:00Z"));
    expect(Object.fromEntries(creditVisits(visits, window).lessons)).toEqual({ "a/01": 4 * H });
  });

  it("the earlier visit keeps minutes two lessons claim at once", () => {
    const { lessons } = creditVisits([visit("a/01", 600, "2026-03-05T10:10:00Z"), visit("b/01", 600, "2026-03-05T10:15:00Z")], window);
    expect(Object.fromEntries(lessons)).toEqual({ "a/01": 600, "b/01": 300 });
  });

  it("nothing before the store existed or after the merge counts", () => {
    const { lessons } = creditVisits(
      [visit("a/01", 600, "2026-03-01T00:04:00Z"), visit("b/01", 600, "2026-03-10T00:05:00Z"), visit("c/01", 600, "2026-02-20T00:00:00Z")],
      window,
    );
    expect(Object.fromEntries(lessons)).toEqual({ "a/01": 240, "b/01": 300 });
  });

  it("an empty window (no sealed birth) credits nothing", () => {
    const now = at("2026-03-10T00:00:00Z");
    expect(creditVisits([visit("a/01", 600, "2026-03-09T23:59:00Z")], { from: now, to: now }).lessons.size).toBe(0);
  });

  it("splits a visit across midnight and caps each day at 24 hours with what the account already holds", () => {
    const { days } = creditVisits([visit("a/01", 600, "2026-03-03T00:02:00Z")], window, new Map([["2026-03-02", DAY_SECONDS - 60]]));
    expect(Object.fromEntries(days)).toEqual({ "2026-03-02": 60, "2026-03-03": 120 });
  });

  it("120 hours of back-to-back visits inside two days are at most 48 hours", () => {
    const visits = Array.from({ length: 30 }, (_, i) => visit("a/01", 4 * H, new Date(at("2026-03-03T00:00:00Z").getTime() + i * 1000).toISOString()));
    const spread = Array.from({ length: 30 }, (_, i) => visit("b/01", 4 * H, new Date(at("2026-03-03T04:00:00Z").getTime() + i * 4 * H * 1000).toISOString()));
    const { days } = creditVisits([...visits, ...spread], { from: at("2026-03-03T00:00:00Z"), to: at("2026-03-05T00:00:00Z") });
    expect([...days.values()].reduce((a, b) => a + b, 0)).toBe(48 * H);
    expect(Math.max(...days.values())).toBeLessThanOrEqual(DAY_SECONDS);
  });
});

describe("streaks come from days inside the window", () => {
  it("thirty claimed days clamp to the days the window covers", () => {
    const now = at("2026-03-10T12:00:00Z");
    const born = at("2026-03-08T09:00:00Z");
    const days = Array.from({ length: 30 }, (_, i) => clampInstant(new Date(now.getTime() - i * 86_400_000), { from: born, to: now }));
    expect(currentStreak(days.map((d) => d.toISOString().slice(0, 10)), now)).toBe(3);
  });
});

describe("exercisesToCheck", () => {
  const entry = (id: string, exerciseId: string, iso: string, passed = true): Entry => ({
    event: { type: "exercise", id, exerciseId, language: "javascript", code: "code", at: iso },
    shown: { passed },
  });

  it("checks the latest reported pass per exercise and skips reported failures", () => {
    const ids = exercisesToCheck([
      entry("ex-000001", "a/01/x", "2026-03-01T10:00:00Z"),
      entry("ex-000002", "a/01/x", "2026-03-01T11:00:00Z"),
      entry("ex-000003", "a/01/y", "2026-03-01T12:00:00Z", false),
      entry("ex-000005", "a/01/w", "2026-03-01T12:00:00Z"),
    ]);
    expect([...ids].sort()).toEqual(["ex-000002", "ex-000005"]);
  });

  it("never asks for more sandbox runs than the budget, and keeps the newest", () => {
    const many = Array.from({ length: 50 }, (_, i) => entry(`ex-${String(i).padStart(6, "0")}`, `a/01/e${i}`, new Date(Date.UTC(2026, 2, 1, 0, i)).toISOString()));
    const ids = exercisesToCheck(many);
    expect(ids.size).toBe(MAX_MERGE_CHECKS);
    expect(ids.has("ex-000049")).toBe(true);
    expect(ids.has("ex-000000")).toBe(false);
  });
});
