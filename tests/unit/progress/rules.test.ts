import { describe, expect, it } from "vitest";
import {
  completionInstant,
  currentStreak,
  dayKey,
  isDue,
  isMastered,
  longestStreak,
  masteryDeltas,
  masteryLevel,
  nextReviewState,
  orderReviewQueue,
  reviewChanges,
  type ReviewState,
} from "@/lib/progress/rules";

const at = (iso: string) => new Date(iso);
const T0 = at("2026-03-01T10:00:00Z");
const day = (n: number) => new Date(T0.getTime() + n * 86_400_000);

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

describe("spaced repetition: 1, 3, 7, 16 days", () => {
  const input = { topic: "gil", lessonId: "python/03-gil" };

  it("a wrong answer creates an item due in a day", () => {
    expect(nextReviewState(null, "wrong", { ...input, at: T0 })).toEqual({ ...input, intervalIndex: 0, lapses: 0, dueAt: day(1) });
  });

  it("a correct answer with no item creates nothing", () => {
    expect(nextReviewState(null, "correct", { ...input, at: T0 })).toBeNull();
  });

  it("walks 1 → 3 → 7 → 16 days, then mastered", () => {
    let item = nextReviewState(null, "wrong", { ...input, at: T0 })!;
    const dueDays: number[] = [];
    let now = T0;
    while (!isMastered(item)) {
      now = item.dueAt;
      item = nextReviewState(item, "correct", { ...input, at: now })!;
      dueDays.push(Math.round((item.dueAt.getTime() - now.getTime()) / 86_400_000));
    }
    expect(dueDays).toEqual([3, 7, 16, 0]);
    expect(item.intervalIndex).toBe(4);
    expect(isDue(item, day(1000))).toBe(false);
  });

  it("a correct answer before the item is due changes nothing", () => {
    const item = nextReviewState(null, "wrong", { ...input, at: T0 })!;
    expect(nextReviewState(item, "correct", { ...input, at: day(0.5) })).toBeNull();
  });

  it("a wrong review resets to the first interval and counts a lapse", () => {
    const item: ReviewState = { ...input, intervalIndex: 3, lapses: 1, dueAt: day(2) };
    expect(nextReviewState(item, "wrong", { ...input, at: day(2) })).toEqual({ ...input, intervalIndex: 0, lapses: 2, dueAt: day(3) });
  });

  it("a mastered topic answered wrongly comes back", () => {
    const item: ReviewState = { ...input, intervalIndex: 4, lapses: 0, dueAt: T0 };
    expect(nextReviewState(item, "wrong", { ...input, at: day(30) })?.intervalIndex).toBe(0);
  });

  it("in one attempt, one wrong question on a topic outweighs a right one", () => {
    const changes = reviewChanges(
      new Map(),
      [
        { correct: true, topics: ["gil"] },
        { correct: false, topics: ["gil"] },
        { correct: true, topics: ["async"] },
      ],
      { lessonId: "python/03-gil", at: T0 },
    );
    expect(changes.map((c) => c.topic)).toEqual(["gil"]);
  });

  it("the queue shows due items, weakest first, never mastered ones", () => {
    const items: ReviewState[] = [
      { topic: "a", lessonId: null, intervalIndex: 0, lapses: 0, dueAt: day(-1) },
      { topic: "b", lessonId: null, intervalIndex: 1, lapses: 0, dueAt: day(-2) },
      { topic: "c", lessonId: null, intervalIndex: 0, lapses: 0, dueAt: day(5) },
      { topic: "d", lessonId: null, intervalIndex: 4, lapses: 0, dueAt: day(-9) },
    ];
    const mastery = new Map([
      ["a", 0.2],
      ["b", 0.6],
      ["c", 0.1],
      ["d", 0.0],
    ]);
    expect(orderReviewQueue(items, mastery, T0).map((i) => i.topic)).toEqual(["a", "b"]);
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
