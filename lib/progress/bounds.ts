import { dayKey } from "../days";

// What a guest's browser may claim about time, bounded by what is possible. A browser's timestamps and durations are
// its own word; these rules cap them by instants the server itself vouches for, so a forged guest state can add no
// more than a real learner with the same server-vouched history could have:
//
// 1. The window. Guest activity happened between the guest store's birth and the merge: `from` is the birth the
//    server sealed when the store was made (lib/progress/guest-birth.ts), `to` is the server's clock at the merge.
//    A store without a valid seal can vouch for nothing before the merge itself, so its window is empty (from = to).
//    Every guest instant is clamped into the window: nothing lands in the future or before the store existed, so
//    activity days (and the streaks the server derives from them) stay inside it.
// 2. Time is wall-clock time. A visit saying "s seconds, saved at t" covers [t - s, t]. One learner reads one page
//    at a time, so time is the union of those intervals inside the window, never their sum: a second visit over the
//    same minutes adds nothing, and a lesson cannot get more time than the span its visits cover.
// 3. A day has 24 hours. Time is credited to the UTC day each second fell on, and a day never holds more than
//    DAY_SECONDS, counting what the account already has on that day.
//
// What remains possible: a browser holding a seal from N days ago can claim up to N days of activity. That is the
// most anyone could have done in that time; doing better would need the server to have seen the guest's events.

export const DAY_SECONDS = 24 * 60 * 60;

export type Window = { from: Date; to: Date };

export function clampInstant(instant: Date, window: Window): Date {
  return new Date(Math.min(window.to.getTime(), Math.max(window.from.getTime(), instant.getTime())));
}

/** The seconds of a claim the day can still take, given what the day already holds. */
export function creditForDay(heldSeconds: number, claimedSeconds: number): number {
  return Math.max(0, Math.min(claimedSeconds, DAY_SECONDS - heldSeconds));
}

export type VisitClaim = { lessonId: string; seconds: number; at: Date };

/**
 * Seconds credited per lesson and per UTC day for a set of visit claims, under rules 1-3. `heldDaySeconds` is what
 * the account already holds per day. Visits are taken in order of their start, so where two overlap the earlier
 * one keeps the shared minutes.
 */
export function creditVisits(
  visits: VisitClaim[],
  window: Window,
  heldDaySeconds: ReadonlyMap<string, number> = new Map(),
): { lessons: Map<string, number>; days: Map<string, number> } {
  const lessons = new Map<string, number>();
  const days = new Map<string, number>();
  const intervals = visits
    .map((v) => ({ lessonId: v.lessonId, start: v.at.getTime() - v.seconds * 1000, end: v.at.getTime() }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.lessonId.localeCompare(b.lessonId));
  let covered = window.from.getTime();
  for (const interval of intervals) {
    let start = Math.max(interval.start, covered);
    const end = Math.min(interval.end, window.to.getTime());
    covered = Math.max(covered, end);
    while (start < end) {
      const day = dayKey(new Date(start));
      const dayEnd = Math.min(end, Date.parse(`${day}T00:00:00Z`) + DAY_SECONDS * 1000);
      const held = (heldDaySeconds.get(day) ?? 0) + (days.get(day) ?? 0);
      const credit = creditForDay(held, Math.floor((dayEnd - start) / 1000));
      if (credit > 0) {
        days.set(day, (days.get(day) ?? 0) + credit);
        lessons.set(interval.lessonId, (lessons.get(interval.lessonId) ?? 0) + credit);
      }
      start = dayEnd;
    }
  }
  return { lessons, days };
}
