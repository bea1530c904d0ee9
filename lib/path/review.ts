import type { ReviewItem } from "./schema";

// Reading review items: which are due. The schedule itself (a miss comes back in 1 day, then 3, 7 and 16 days after
// each correct review) is the progress layer's, in lib/progress/rules.ts: it writes the items, the path only reads
// them, so there is one ladder and not two that could drift apart.

export function isDue(item: Pick<ReviewItem, "dueAt">, now: Date): boolean {
  return item.dueAt.getTime() <= now.getTime();
}

/** Items due now, oldest first; equal due times by topic so the order never depends on input order. */
export function dueItems<T extends Pick<ReviewItem, "dueAt" | "topic">>(items: readonly T[], now: Date): T[] {
  return items
    .filter((item) => isDue(item, now))
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.topic.localeCompare(b.topic));
}
