import type { GradedQuiz, QuestionResult } from "../grading/quiz";
import type { GuestState } from "./guest-schema";

// Pure progress rules: completion, mastery, spaced repetition, streaks, and what a guest merge must write.
// The Prisma modules beside this file only load state, call these, and store the answer.

const DAY_MS = 24 * 60 * 60 * 1000;

// ── Completion ──────────────────────────────────────────────────────────────────────────────────────────────────

export const DEFAULT_PASS_MARK = 0.8;

/**
 * A lesson is completed when its quiz has been passed (if it has one) and all its exercises pass (if it has any).
 * `quizPassed: null` means the lesson has no quiz. A lesson with neither is not completed by these rules.
 */
export function isLessonComplete(input: { quizPassed: boolean | null; exercisesPassed: boolean | null }): boolean {
  const { quizPassed, exercisesPassed } = input;
  if (quizPassed === null && exercisesPassed === null) return false;
  return quizPassed !== false && exercisesPassed !== false;
}

// ── Mastery ─────────────────────────────────────────────────────────────────────────────────────────────────────

export type TopicCount = { topic: string; correct: number; total: number };

/** Each question counts once for each topic it tests; only exactly right answers count as correct. */
export function masteryDeltas(results: Pick<QuestionResult, "correct" | "topics">[]): TopicCount[] {
  const byTopic = new Map<string, TopicCount>();
  for (const result of results) {
    for (const topic of new Set(result.topics)) {
      const count = byTopic.get(topic) ?? { topic, correct: 0, total: 0 };
      count.total += 1;
      if (result.correct) count.correct += 1;
      byTopic.set(topic, count);
    }
  }
  return [...byTopic.values()].sort((a, b) => a.topic.localeCompare(b.topic));
}

/**
 * Mastery 0..1 with one imagined right and one imagined wrong answer (Laplace smoothing), so one lucky answer is
 * not "mastered" and an unseen topic sits at 0.5.
 */
export function masteryLevel({ correct, total }: { correct: number; total: number }): number {
  return (correct + 1) / (total + 2);
}

// ── Spaced repetition ───────────────────────────────────────────────────────────────────────────────────────────

/** Days until the next review after each successful step; past the last one the topic is mastered. */
export const REVIEW_INTERVALS_DAYS = [1, 3, 7, 16] as const;
export const MASTERED_INDEX = REVIEW_INTERVALS_DAYS.length;

export type ReviewState = { topic: string; lessonId: string | null; intervalIndex: number; lapses: number; dueAt: Date };

export function isMastered(item: Pick<ReviewState, "intervalIndex">): boolean {
  return item.intervalIndex >= MASTERED_INDEX;
}

export function isDue(item: Pick<ReviewState, "intervalIndex" | "dueAt">, now: Date): boolean {
  return !isMastered(item) && item.dueAt.getTime() <= now.getTime();
}

/** Per topic of one attempt: "wrong" if any question on it was wrong, else "correct". */
export function topicOutcomes(results: Pick<QuestionResult, "correct" | "topics">[]): Map<string, "correct" | "wrong"> {
  const outcomes = new Map<string, "correct" | "wrong">();
  for (const result of results) {
    for (const topic of result.topics) {
      if (!result.correct) outcomes.set(topic, "wrong");
      else if (!outcomes.has(topic)) outcomes.set(topic, "correct");
    }
  }
  return outcomes;
}

/**
 * The next state of a topic's review item, or null when nothing changes.
 * - wrong: create the item, or reset it to the first interval (a lapse if it existed); due in 1 day.
 * - correct while the item is due: advance one interval; after the last interval the topic is mastered.
 * - correct before it is due, or with no item: nothing (answering again right away is not a review).
 */
export function nextReviewState(
  current: ReviewState | null,
  outcome: "correct" | "wrong",
  input: { topic: string; lessonId: string | null; at: Date },
): ReviewState | null {
  const { topic, lessonId, at } = input;
  if (outcome === "wrong") {
    return {
      topic,
      lessonId: lessonId ?? current?.lessonId ?? null,
      intervalIndex: 0,
      lapses: current ? current.lapses + 1 : 0,
      dueAt: addDays(at, REVIEW_INTERVALS_DAYS[0]),
    };
  }
  if (!current || !isDue(current, at)) return null;
  const intervalIndex = current.intervalIndex + 1;
  const days = REVIEW_INTERVALS_DAYS[intervalIndex];
  return { ...current, intervalIndex, dueAt: days === undefined ? at : addDays(at, days) };
}

/** Review items changed by one graded attempt, given the current items by topic. */
export function reviewChanges(
  current: ReadonlyMap<string, ReviewState>,
  results: Pick<QuestionResult, "correct" | "topics">[],
  input: { lessonId: string | null; at: Date },
): ReviewState[] {
  const changes: ReviewState[] = [];
  for (const [topic, outcome] of topicOutcomes(results)) {
    const next = nextReviewState(current.get(topic) ?? null, outcome, { topic, ...input });
    if (next) changes.push(next);
  }
  return changes.sort((a, b) => a.topic.localeCompare(b.topic));
}

/** Due first, then weakest mastery first, then longest overdue; mastered items never show. */
export function orderReviewQueue<T extends ReviewState>(items: T[], mastery: ReadonlyMap<string, number>, now: Date): T[] {
  return items
    .filter((item) => isDue(item, now))
    .sort(
      (a, b) =>
        (mastery.get(a.topic) ?? 0.5) - (mastery.get(b.topic) ?? 0.5) ||
        a.dueAt.getTime() - b.dueAt.getTime() ||
        a.topic.localeCompare(b.topic),
    );
}

// ── Days and streaks ────────────────────────────────────────────────────────────────────────────────────────────

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** The UTC calendar day of an instant, "YYYY-MM-DD": one learner's activity is bucketed the same on every device. */
export function dayKey(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Consecutive active days ending today, or ending yesterday when today has no activity yet (the streak is still
 * alive until the day is over).
 */
export function currentStreak(activeDays: Iterable<string>, today: Date): number {
  const days = new Set(activeDays);
  let cursor = days.has(dayKey(today)) ? today : addDays(today, -1);
  let streak = 0;
  while (days.has(dayKey(cursor))) {
    streak += 1;
    cursor = addDays(cursor, -1);
  }
  return streak;
}

export function longestStreak(activeDays: Iterable<string>): number {
  const sorted = [...new Set(activeDays)].sort();
  let best = 0;
  let run = 0;
  let previous: string | null = null;
  for (const day of sorted) {
    run = previous !== null && dayKey(addDays(new Date(`${previous}T00:00:00Z`), 1)) === day ? run + 1 : 1;
    best = Math.max(best, run);
    previous = day;
  }
  return best;
}

// ── Guest merge ─────────────────────────────────────────────────────────────────────────────────────────────────

/** What the account already holds, as far as a merge needs to know. */
export type ServerSnapshot = {
  /** ProgressEvent ids already applied for this user. */
  appliedEventIds: ReadonlySet<string>;
  lessons: ReadonlyMap<string, { startedAt: Date; lastOpenedAt: Date; completedAt: Date | null }>;
  reviewItems: ReadonlyMap<string, ReviewState & { updatedAt: Date }>;
};

/** A guest quiz attempt after the server graded its answers again; `graded: null` when the quiz no longer exists. */
export type RegradedAttempt = GuestState["quizAttempts"][number] & { graded: GradedQuiz | null };

export type MergeWrites = {
  eventIds: string[];
  lessons: { lessonId: string; startedAt: Date; lastOpenedAt: Date; completedAt: Date | null; addSeconds: number; exists: boolean }[];
  attempts: { eventId: string; quizId: string; lessonId: string; answers: RegradedAttempt["answers"]; graded: GradedQuiz; at: Date }[];
  exercises: { eventId: string; exerciseId: string; language: string; code: string; passed: boolean; at: Date }[];
  mastery: TopicCount[];
  reviewItems: ReviewState[];
  activity: { day: string; seconds: number; actions: number }[];
};

export const eventKey = {
  visit: (id: string) => `visit:${id}`,
  quiz: (id: string) => `quiz:${id}`,
  exercise: (id: string) => `exercise:${id}`,
};

const minDate = (a: Date, b: Date) => (a.getTime() <= b.getTime() ? a : b);
const maxDate = (a: Date, b: Date) => (a.getTime() >= b.getTime() ? a : b);

/**
 * The writes that bring a guest's browser progress into an account. Idempotent: every guest record has an id, and
 * records whose id the account has already applied are skipped, so merging the same state twice writes nothing the
 * second time. Conflicts: every attempt is kept, so the better score is the best one; completion keeps the earliest
 * date and is never removed; time is only added for visits not merged before; a review item is only changed by a
 * guest answer newer than the item's last change.
 */
export function mergeGuestProgress(server: ServerSnapshot, guest: Omit<GuestState, "quizAttempts"> & { quizAttempts: RegradedAttempt[] }): MergeWrites {
  const isNew = (key: string) => !server.appliedEventIds.has(key);
  const eventIds = new Set<string>();
  const activity = new Map<string, { day: string; seconds: number; actions: number }>();
  const bump = (at: Date, seconds: number, actions: number) => {
    const day = dayKey(at);
    const entry = activity.get(day) ?? { day, seconds: 0, actions: 0 };
    entry.seconds += seconds;
    entry.actions += actions;
    activity.set(day, entry);
  };

  const seconds = new Map<string, number>();
  for (const visit of guest.visits) {
    const key = eventKey.visit(visit.id);
    if (!isNew(key) || eventIds.has(key)) continue;
    eventIds.add(key);
    seconds.set(visit.lessonId, (seconds.get(visit.lessonId) ?? 0) + visit.seconds);
    bump(new Date(visit.at), visit.seconds, 1);
  }

  const attempts: MergeWrites["attempts"] = [];
  const masteryTotals = new Map<string, TopicCount>();
  const reviews = new Map<string, ReviewState & { updatedAt: Date }>(server.reviewItems);
  const changedTopics = new Set<string>();
  const chronological = [...guest.quizAttempts].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.id.localeCompare(b.id));
  for (const attempt of chronological) {
    const key = eventKey.quiz(attempt.id);
    // An attempt on a quiz that no longer exists cannot be graded; it is left unapplied rather than guessed.
    if (!attempt.graded || !isNew(key) || eventIds.has(key)) continue;
    eventIds.add(key);
    const at = new Date(attempt.at);
    attempts.push({ eventId: key, quizId: attempt.quizId, lessonId: attempt.lessonId, answers: attempt.answers, graded: attempt.graded, at });
    bump(at, 0, 1);
    for (const delta of masteryDeltas(attempt.graded.results)) {
      const total = masteryTotals.get(delta.topic) ?? { topic: delta.topic, correct: 0, total: 0 };
      total.correct += delta.correct;
      total.total += delta.total;
      masteryTotals.set(delta.topic, total);
    }
    const fresh = new Map([...reviews].filter(([, item]) => item.updatedAt.getTime() <= at.getTime()));
    for (const change of reviewChanges(fresh, attempt.graded.results, { lessonId: attempt.lessonId, at })) {
      if (reviews.has(change.topic) && !fresh.has(change.topic)) continue;
      reviews.set(change.topic, { ...change, updatedAt: at });
      changedTopics.add(change.topic);
    }
  }

  const exercises: MergeWrites["exercises"] = [];
  for (const exercise of guest.exercises) {
    const key = eventKey.exercise(exercise.id);
    if (!isNew(key) || eventIds.has(key)) continue;
    eventIds.add(key);
    const at = new Date(exercise.at);
    exercises.push({ eventId: key, exerciseId: exercise.exerciseId, language: exercise.language, code: exercise.code, passed: exercise.passed, at });
    bump(at, 0, 1);
  }

  const lessons = mergeLessons(server, guest, seconds);

  return {
    eventIds: [...eventIds].sort(),
    lessons,
    attempts,
    exercises,
    mastery: [...masteryTotals.values()].sort((a, b) => a.topic.localeCompare(b.topic)),
    reviewItems: [...changedTopics].sort().map((topic) => {
      const { updatedAt: _u, ...item } = reviews.get(topic)!;
      return item;
    }),
    activity: [...activity.values()].sort((a, b) => a.day.localeCompare(b.day)),
  };
}

function mergeLessons(
  server: ServerSnapshot,
  guest: Omit<GuestState, "quizAttempts"> & { quizAttempts: RegradedAttempt[] },
  seconds: ReadonlyMap<string, number>,
): MergeWrites["lessons"] {
  const ids = new Set([...guest.lessons.map((l) => l.lessonId), ...seconds.keys()]);
  const writes: MergeWrites["lessons"] = [];
  for (const lessonId of [...ids].sort()) {
    const own = guest.lessons.find((l) => l.lessonId === lessonId);
    const held = server.lessons.get(lessonId);
    const addSeconds = seconds.get(lessonId) ?? 0;
    const visitTimes = guest.visits.filter((v) => v.lessonId === lessonId).map((v) => new Date(v.at));
    const guestTimes = [...(own ? [new Date(own.firstOpenedAt), new Date(own.lastOpenedAt)] : []), ...visitTimes];
    let startedAt = held?.startedAt ?? guestTimes.reduce(minDate);
    let lastOpenedAt = held?.lastOpenedAt ?? guestTimes.reduce(maxDate);
    for (const t of guestTimes) {
      startedAt = minDate(startedAt, t);
      lastOpenedAt = maxDate(lastOpenedAt, t);
    }
    const guestCompleted = own?.completedAt && completionHolds(guest, lessonId) ? new Date(own.completedAt) : null;
    const completedAt = held?.completedAt && guestCompleted ? minDate(held.completedAt, guestCompleted) : (held?.completedAt ?? guestCompleted);
    const unchanged =
      held &&
      addSeconds === 0 &&
      held.startedAt.getTime() === startedAt.getTime() &&
      held.lastOpenedAt.getTime() === lastOpenedAt.getTime() &&
      (held.completedAt?.getTime() ?? null) === (completedAt?.getTime() ?? null);
    if (!unchanged) writes.push({ lessonId, startedAt, lastOpenedAt, completedAt, addSeconds, exists: Boolean(held) });
  }
  return writes;
}

/**
 * A guest's "completed" is believed when the server's own grading agrees: if the guest attempted the lesson's quiz,
 * one of those attempts must pass when graded again. Lessons without a guest attempt (exercise-only) keep the claim.
 */
function completionHolds(guest: { quizAttempts: RegradedAttempt[] }, lessonId: string): boolean {
  const attempts = guest.quizAttempts.filter((a) => a.lessonId === lessonId);
  return attempts.length === 0 || attempts.some((a) => a.graded?.passed === true);
}
