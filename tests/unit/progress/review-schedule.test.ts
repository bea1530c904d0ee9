import { State } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import {
  isDue,
  isMastered,
  MASTERED_STABILITY_DAYS,
  nextReviewCard,
  orderReviewQueue,
  reviewReason,
  topicOutcomes,
  type Outcome,
  type ReviewCard,
} from "@/lib/progress/review-schedule";

const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date("2026-11-03T10:00:00Z");
const later = (from: Date, ms: number) => new Date(from.getTime() + ms);
const days = (a: Date, b: Date) => Math.round((b.getTime() - a.getTime()) / DAY);
const input = (at: Date, lessonId: string | null = "go/01-goroutines") => ({ topic: "goroutines", lessonId, at });

/** Answers one after another; each answer at its time, the card after each (null while unscheduled). */
function play(answers: [Outcome, Date][], start: ReviewCard | null = null): (ReviewCard | null)[] {
  const cards: (ReviewCard | null)[] = [];
  let card = start;
  for (const [outcome, at] of answers) {
    card = nextReviewCard(card, outcome, input(at)) ?? card;
    cards.push(card);
  }
  return cards;
}

/** A first miss, then right answers each exactly when due, `n` times. */
function rightWhenDue(n: number): ReviewCard[] {
  let card = nextReviewCard(null, "wrong", input(T0))!;
  const cards = [card];
  for (let i = 0; i < n; i++) {
    card = nextReviewCard(card, "correct", input(card.dueAt))!;
    cards.push(card);
  }
  return cards;
}

describe("nextReviewCard", () => {
  it("a right answer on a topic with no card schedules nothing", () => {
    expect(nextReviewCard(null, "correct", input(T0))).toBeNull();
  });

  it("a first miss creates the card, due the next day, with the miss recorded", () => {
    const card = nextReviewCard(null, "wrong", input(T0))!;
    expect(card).toMatchObject({ topic: "goroutines", lessonId: "go/01-goroutines", reps: 1, lapses: 0, misses: 1, lastMissedAt: T0, lastReviewAt: T0 });
    expect(card.dueAt).toEqual(later(T0, DAY));
    expect(card.scheduledDays).toBe(1);
    expect(card.stability).toBeGreaterThan(0);
    expect(card.stability).toBeLessThan(1);
  });

  it("missing again when due is a lapse: lapses, misses and lastMissedAt move, stability drops", () => {
    const first = nextReviewCard(null, "wrong", input(T0))!;
    const right = nextReviewCard(first, "correct", input(first.dueAt))!;
    const again = nextReviewCard(right, "wrong", input(right.dueAt))!;
    expect(again).toMatchObject({ lapses: 1, misses: 2, lastMissedAt: right.dueAt, lastReviewAt: right.dueAt, reps: 3 });
    expect(again.stability).toBeLessThan(right.stability);
    expect(again.difficulty).toBeGreaterThan(right.difficulty);
    expect(days(right.dueAt, again.dueAt)).toBe(1);
  });

  it("right answers when due push the next review further away each time", () => {
    const cards = rightWhenDue(4);
    const gaps = cards.map((c) => c.scheduledDays);
    expect(gaps).toEqual([1, 3, 8, 22, 54]);
    for (const [i, card] of cards.entries()) {
      expect(card.reps).toBe(i + 1);
      expect(days(card.lastReviewAt!, card.dueAt)).toBe(card.scheduledDays);
    }
  });

  it("a right answer before the card is due changes nothing", () => {
    const first = nextReviewCard(null, "wrong", input(T0))!;
    expect(nextReviewCard(first, "correct", input(later(T0, 60_000)))).toBeNull();
    expect(nextReviewCard(first, "correct", input(later(first.dueAt, -1)))).toBeNull();
    expect(nextReviewCard(first, "correct", input(first.dueAt))).not.toBeNull();
  });

  it("misses retried within a day are one review: only the miss count moves", () => {
    const [first, second, third] = play([
      ["wrong", T0],
      ["wrong", later(T0, 2 * 60_000)],
      ["wrong", later(T0, 20 * 60 * 60_000)],
    ]);
    const { misses: _m, lastMissedAt: _l, ...schedule } = first!;
    expect(second).toMatchObject({ ...schedule, misses: 2, lastMissedAt: later(T0, 2 * 60_000) });
    expect(third).toMatchObject({ ...schedule, misses: 3, lastMissedAt: later(T0, 20 * 60 * 60_000) });
  });

  it("a miss a day or more after the last miss is a review again", () => {
    const [first, next] = play([
      ["wrong", T0],
      ["wrong", later(T0, DAY)],
    ]);
    expect(next).toMatchObject({ reps: 2, lapses: 1, misses: 2, lastReviewAt: later(T0, DAY) });
    expect(next!.stability).toBeLessThan(first!.stability);
  });

  it("a miss after long success brings a mastered topic back, soon", () => {
    const mastered = rightWhenDue(4).at(-1)!;
    expect(isMastered(mastered)).toBe(true);
    const at = later(mastered.lastReviewAt!, 10 * DAY);
    const lapsed = nextReviewCard(mastered, "wrong", input(at))!;
    expect(lapsed).toMatchObject({ lapses: 1, misses: 2, lastMissedAt: at });
    expect(isMastered(lapsed)).toBe(false);
    expect(lapsed.scheduledDays).toBeLessThan(mastered.scheduledDays);
    expect(isDue(lapsed, lapsed.dueAt)).toBe(true);
  });

  it("keeps the lesson the topic was last missed in, or the one it had", () => {
    const first = nextReviewCard(null, "wrong", input(T0, null))!;
    expect(first.lessonId).toBeNull();
    const second = nextReviewCard(first, "wrong", input(later(T0, 2 * DAY), "go/02-channels"))!;
    expect(second.lessonId).toBe("go/02-channels");
    const third = nextReviewCard(second, "correct", input(second.dueAt, null))!;
    expect(third.lessonId).toBe("go/02-channels");
  });

  it("is deterministic: the same answers give the same card", () => {
    expect(rightWhenDue(3)).toEqual(rightWhenDue(3));
  });
});

describe("topicOutcomes", () => {
  it("a topic is wrong if any question on it was wrong, whatever the order", () => {
    const outcomes = topicOutcomes([
      { correct: true, topics: ["a", "b"] },
      { correct: false, topics: ["b", "c"] },
      { correct: true, topics: ["c"] },
    ]);
    expect([...outcomes]).toEqual([
      ["a", "correct"],
      ["b", "wrong"],
      ["c", "wrong"],
    ]);
  });
});

describe("mastery and due", () => {
  const card = (over: Partial<ReviewCard>): ReviewCard => ({
    topic: "t",
    lessonId: null,
    state: State.Review,
    stability: 5,
    difficulty: 5,
    scheduledDays: 5,
    learningSteps: 0,
    reps: 2,
    lapses: 0,
    dueAt: T0,
    lastReviewAt: later(T0, -5 * DAY),
    misses: 1,
    lastMissedAt: later(T0, -10 * DAY),
    ...over,
  });

  it.each([
    [State.Review, MASTERED_STABILITY_DAYS, true],
    [State.Review, MASTERED_STABILITY_DAYS - 0.01, false],
    [State.Relearning, 100, false],
    [State.New, 0, false],
  ])("state %i with stability %f: mastered %s", (state, stability, mastered) => {
    expect(isMastered({ state, stability })).toBe(mastered);
  });

  it("due at its due time, not before; a mastered card never", () => {
    expect(isDue(card({}), later(T0, -1))).toBe(false);
    expect(isDue(card({}), T0)).toBe(true);
    expect(isDue(card({ stability: 40 }), later(T0, 400 * DAY))).toBe(false);
  });

  it("orders due cards by weakest mastery, then longest overdue, then topic; mastered and upcoming never show", () => {
    const cards = [
      card({ topic: "strong", dueAt: later(T0, -3 * DAY) }),
      card({ topic: "weak-recent", dueAt: later(T0, -1 * DAY) }),
      card({ topic: "weak-old", dueAt: later(T0, -2 * DAY) }),
      card({ topic: "unknown", dueAt: later(T0, -1 * DAY) }),
      card({ topic: "b-tie", dueAt: later(T0, -1 * DAY) }),
      card({ topic: "a-tie", dueAt: later(T0, -1 * DAY) }),
      card({ topic: "mastered", dueAt: later(T0, -9 * DAY), stability: 60 }),
      card({ topic: "upcoming", dueAt: later(T0, DAY) }),
    ];
    const mastery = new Map([
      ["strong", 0.9],
      ["weak-recent", 0.2],
      ["weak-old", 0.2],
      ["a-tie", 0.7],
      ["b-tie", 0.7],
      ["mastered", 0.1],
      ["upcoming", 0.1],
    ]);
    expect(orderReviewQueue(cards, mastery, T0).map((c) => c.topic)).toEqual(["weak-old", "weak-recent", "unknown", "a-tie", "b-tie", "strong"]);
  });
});

describe("reviewReason", () => {
  const NOW = new Date("2026-11-04T15:00:00Z");
  const at = (iso: string) => new Date(iso);
  it.each([
    ["missed twice, due today", { dueAt: at("2026-11-04T10:00:00Z"), misses: 2, lastMissedAt: at("2026-11-03T10:00:00Z"), reps: 2, lastReviewAt: at("2026-11-03T10:00:00Z") }, "Due today: you missed it twice, last on 3 November."],
    ["missed once, overdue", { dueAt: at("2026-11-01T10:00:00Z"), misses: 1, lastMissedAt: at("2026-10-31T10:00:00Z"), reps: 1, lastReviewAt: at("2026-10-31T10:00:00Z") }, "Due since 1 November: you missed it on 31 October."],
    ["missed three times today", { dueAt: at("2026-11-05T09:00:00Z"), misses: 3, lastMissedAt: at("2026-11-04T09:05:00Z"), reps: 1, lastReviewAt: at("2026-11-04T09:00:00Z") }, "Next review tomorrow: you missed it 3 times, last today."],
    ["right last time", { dueAt: at("2026-11-08T09:00:00Z"), misses: 1, lastMissedAt: at("2026-11-01T10:00:00Z"), reps: 2, lastReviewAt: at("2026-11-02T10:00:00Z") }, "Next review in 4 days: you got it right on 2 November after missing it once."],
    ["right today, no miss on record", { dueAt: at("2026-11-04T23:00:00Z"), misses: 0, lastMissedAt: null, reps: 3, lastReviewAt: at("2026-11-04T08:00:00Z") }, "Next review later today: you got it right today."],
    ["no answers on record", { dueAt: at("2026-11-04T10:00:00Z"), misses: 0, lastMissedAt: null, reps: 0, lastReviewAt: null }, "Due today."],
  ])("%s", (_name, card, text) => {
    expect(reviewReason(card, NOW)).toBe(text);
  });

  it("uses UTC calendar days and dates whatever the hour", () => {
    const card = { dueAt: at("2026-11-05T00:30:00Z"), misses: 1, lastMissedAt: at("2026-11-03T23:59:00Z"), reps: 1, lastReviewAt: at("2026-11-03T23:59:00Z") };
    expect(reviewReason(card, at("2026-11-04T23:59:00Z"))).toBe("Next review tomorrow: you missed it on 3 November.");
  });
});
