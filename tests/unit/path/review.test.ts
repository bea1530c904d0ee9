import { describe, expect, it } from "vitest";
import { addDays, dueItems, REVIEW_INTERVAL_DAYS, scheduleReview, type ScheduledReview } from "@/lib/path/review";

const NOW = new Date("2026-03-01T12:00:00Z");

describe("spaced repetition", () => {
  it("a miss opens an item due in one day", () => {
    expect(scheduleReview(null, { topic: "gil", correct: false, now: NOW })).toEqual({ topic: "gil", intervalIndex: 0, lapses: 1, dueAt: addDays(NOW, 1) });
  });

  it("a correct answer with nothing open schedules nothing", () => {
    expect(scheduleReview(null, { topic: "gil", correct: true, now: NOW })).toBeNull();
  });

  it("correct reviews walk 1, 3, 7, 16 days, then retire the item", () => {
    let item: ScheduledReview | null = scheduleReview(null, { topic: "gil", correct: false, now: NOW });
    const gaps: number[] = [1];
    let clock = NOW;
    for (;;) {
      clock = item!.dueAt;
      const next = scheduleReview(item, { topic: "gil", correct: true, now: clock });
      if (!next) break;
      gaps.push((next.dueAt.getTime() - clock.getTime()) / 86_400_000);
      item = next;
    }
    expect(gaps).toEqual([...REVIEW_INTERVAL_DAYS]);
  });

  it("a miss mid-way starts over and counts the lapse", () => {
    const item: ScheduledReview = { topic: "gil", intervalIndex: 2, lapses: 1, dueAt: NOW };
    expect(scheduleReview(item, { topic: "gil", correct: false, now: NOW })).toEqual({ topic: "gil", intervalIndex: 0, lapses: 2, dueAt: addDays(NOW, 1) });
  });

  it("lists due items oldest first, ties by topic, leaving future ones out", () => {
    const items = [
      { topic: "b", dueAt: addDays(NOW, -1) },
      { topic: "future", dueAt: addDays(NOW, 1) },
      { topic: "a", dueAt: addDays(NOW, -1) },
      { topic: "old", dueAt: addDays(NOW, -5) },
      { topic: "now", dueAt: NOW },
    ];
    expect(dueItems(items, NOW).map((i) => i.topic)).toEqual(["old", "a", "b", "now"]);
  });
});
