import type { ReviewItem } from "./schema";

// Reading review items: which are due. The schedule itself (FSRS) is the progress layer's, in
// lib/progress/review-schedule.ts: it writes the cards and leaves mastered ones out of the learner state
// (lib/progress/summary.ts), the path only reads what is open, so there is one schedule and not two that could drift.

export function isDue(item: Pick<ReviewItem, "dueAt">, now: Date): boolean {
  return item.dueAt.getTime() <= now.getTime();
}

/** Items due now, oldest first; equal due times by topic so the order never depends on input order. */
export function dueItems<T extends Pick<ReviewItem, "dueAt" | "topic">>(items: readonly T[], now: Date): T[] {
  return items
    .filter((item) => isDue(item, now))
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.topic.localeCompare(b.topic));
}
