import type { ReviewItem } from "./schema";

// Spaced repetition: after a miss a topic comes back in 1 day; each correct review pushes it to the next interval;
// a correct answer at the last interval retires it. A miss at any point starts the ladder again.

export const REVIEW_INTERVAL_DAYS = [1, 3, 7, 16] as const;
const DAY_MS = 24 * 60 * 60 * 1000;

export type ScheduledReview = ReviewItem & { intervalIndex: number };

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/**
 * The next state of a topic's review item after the learner answered a question on it.
 * Returns null when there is nothing to review (a correct answer with no open item, or the last interval passed).
 */
export function scheduleReview(
  previous: ScheduledReview | null,
  outcome: { topic: string; correct: boolean; now: Date },
): ScheduledReview | null {
  if (!outcome.correct) {
    return { topic: outcome.topic, intervalIndex: 0, lapses: (previous?.lapses ?? 0) + 1, dueAt: addDays(outcome.now, REVIEW_INTERVAL_DAYS[0]) };
  }
  if (!previous) return null;
  const nextIndex = previous.intervalIndex + 1;
  const days = REVIEW_INTERVAL_DAYS[nextIndex];
  if (days === undefined) return null;
  return { ...previous, intervalIndex: nextIndex, dueAt: addDays(outcome.now, days) };
}

export function isDue(item: Pick<ReviewItem, "dueAt">, now: Date): boolean {
  return item.dueAt.getTime() <= now.getTime();
}

/** Items due now, oldest first; equal due times by topic so the order never depends on input order. */
export function dueItems<T extends Pick<ReviewItem, "dueAt" | "topic">>(items: readonly T[], now: Date): T[] {
  return items
    .filter((item) => isDue(item, now))
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.topic.localeCompare(b.topic));
}
