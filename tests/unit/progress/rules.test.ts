import { describe, expect, it } from "vitest";
import { dayKey } from "@/lib/days";
import { completionInstant, masteryDeltas, masteryLevel } from "@/lib/progress/model";
import { currentStreak, longestStreak } from "@/lib/progress/summary";

// The progress model's small rules, each on its own. How reviews are scheduled (FSRS) is in review-schedule.test.ts;
// how the rules combine over events is in model.test.ts.

const at = (iso: string) => new Date(iso);

describe("completionInstant", () => {
  const t1 = at("2026-03-01T10:00:00Z");
  const t2 = at("2026-03-02T10:00:00Z");
  it.each([
    { hasQuiz: true, quizPassedAt: t1, exercisePassedAt: [], completed: t1, why: "quiz passed, no exercises" },
    { hasQuiz: true, quizPassedAt: null, exercisePassedAt: [], completed: null, why: "quiz not passed, no exercises" },
    { hasQuiz: true, quizPassedAt: t2, exercisePassedAt: [t1], completed: t2, why: "exercise first, then the quiz" },
    { hasQuiz: true, quizPassedAt: t1, exercisePassedAt: [t2, t1], completed: t2, why: "quiz first, the last exercise later" },
    { hasQuiz: true, quizPassedAt: t1, exercisePassedAt: [t1, null], completed: null, why: "quiz passed, an exercise not yet" },
    { hasQuiz: true, quizPassedAt: null, exercisePassedAt: [t1], completed: null, why: "exercises pass, quiz not yet" },
    { hasQuiz: false, quizPassedAt: null, exercisePassedAt: [t2], completed: t2, why: "no quiz, exercises pass" },
    { hasQuiz: false, quizPassedAt: null, exercisePassedAt: [null], completed: null, why: "no quiz, an exercise not yet" },
    { hasQuiz: false, quizPassedAt: t1, exercisePassedAt: [], completed: null, why: "neither quiz nor exercises" },
  ])("$why", ({ completed, ...input }) => {
    expect(completionInstant(input)).toEqual(completed);
  });
});

describe("mastery", () => {
  it("counts each question once per topic, only exact answers as correct", () => {
    const deltas = masteryDeltas([
      { correct: true, topics: ["gil", "threads"] },
      { correct: false, topics: ["gil"] },
      { correct: true, topics: ["async", "async"] },
    ]);
    expect(deltas).toEqual([
      { topic: "async", correct: 1, total: 1 },
      { topic: "gil", correct: 1, total: 2 },
      { topic: "threads", correct: 1, total: 1 },
    ]);
  });

  it.each([
    { correct: 0, total: 0, level: 0.5 },
    { correct: 1, total: 1, level: 2 / 3 },
    { correct: 0, total: 2, level: 0.25 },
    { correct: 9, total: 10, level: 10 / 12 },
  ])("level($correct/$total) = $level", ({ correct, total, level }) => {
    expect(masteryLevel({ correct, total })).toBeCloseTo(level, 10);
  });
});

describe("streaks", () => {
  const today = at("2026-03-10T15:00:00Z");
  it.each([
    { days: [], streak: 0, why: "no activity" },
    { days: ["2026-03-10"], streak: 1, why: "today only" },
    { days: ["2026-03-08", "2026-03-09", "2026-03-10"], streak: 3, why: "three days up to today" },
    { days: ["2026-03-08", "2026-03-09"], streak: 2, why: "up to yesterday: still alive" },
    { days: ["2026-03-07", "2026-03-08"], streak: 0, why: "a missed day breaks it" },
    { days: ["2026-03-05", "2026-03-06", "2026-03-09", "2026-03-10"], streak: 2, why: "only the latest run counts" },
    { days: ["2026-02-28", "2026-03-01"], streak: 0, why: "old runs do not count" },
  ])("$why -> $streak", ({ days, streak }) => {
    expect(currentStreak(days, today)).toBe(streak);
  });

  it("streaks cross month ends", () => {
    expect(currentStreak(["2026-02-27", "2026-02-28", "2026-03-01"], at("2026-03-01T23:59:59Z"))).toBe(3);
  });

  it("longest streak", () => {
    expect(longestStreak(["2026-03-05", "2026-03-06", "2026-03-07", "2026-03-09", "2026-03-10"])).toBe(3);
    expect(longestStreak([])).toBe(0);
  });

  it("days are UTC calendar days", () => {
    expect(dayKey(at("2026-03-10T23:30:00-02:00"))).toBe("2026-03-11");
  });
});
