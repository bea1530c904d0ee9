import type { GradedQuiz, QuestionResult } from "../grading/quiz";
import { clampInstant, creditVisits, type VisitClaim, type Window } from "./bounds";
import type { GuestState } from "./guest-schema";

// Pure progress rules: completion, mastery, spaced repetition, streaks, and what a guest merge must write.
// The Prisma modules beside this file only load state, call these, and store the answer.

const DAY_MS = 24 * 60 * 60 * 1000;
const minDate = (a: Date, b: Date) => (a.getTime() <= b.getTime() ? a : b);
const maxDate = (a: Date, b: Date) => (a.getTime() >= b.getTime() ? a : b);

// ── Completion ──────────────────────────────────────────────────────────────────────────────────────────────────

export const DEFAULT_PASS_MARK = 0.8;

/** What completes a lesson, from the catalog: its quiz (the quiz id is the lesson id) and its exercises. */
export type LessonRequirements = { lessonId: string; hasQuiz: boolean; exerciseIds: string[] };

/**
 * The one completion rule, applied to what the server stored (never to a client's claim): a lesson is complete when
 * its quiz has a passing attempt (if it has a quiz) and each of its exercises has a passing check (if it has any);
 * it completed at the moment the last of these was first met. null while one is missing; a lesson with neither a
 * quiz nor exercises is not completed by these rules.
 */
export function completionInstant(input: { hasQuiz: boolean; quizPassedAt: Date | null; exercisePassedAt: (Date | null)[] }): Date | null {
  const needed = [...(input.hasQuiz ? [input.quizPassedAt] : []), ...input.exercisePassedAt];
  if (needed.length === 0) return null;
  let last: Date | null = null;
  for (const at of needed) {
    if (at === null) return null;
    last = last === null ? at : maxDate(last, at);
  }
  return last;
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
  lessons: ReadonlyMap<string, { startedAt: Date; lastOpenedAt: Date }>;
  reviewItems: ReadonlyMap<string, ReviewState & { updatedAt: Date }>;
  /** Seconds the account already holds per UTC day, so no day goes past 24 hours. */
  daySeconds: ReadonlyMap<string, number>;
};

/** A guest quiz attempt after the server graded its answers again; `graded: null` when the quiz no longer exists. */
export type RegradedAttempt = GuestState["quizAttempts"][number] & { graded: GradedQuiz | null };

/** A guest exercise record with the server's own check of its code, or `checked: null` when it was not checked. */
export type CheckedExercise = GuestState["exercises"][number] & { checked: { passed: boolean; results: unknown } | null };

export type GuestForMerge = Omit<GuestState, "quizAttempts" | "exercises"> & { quizAttempts: RegradedAttempt[]; exercises: CheckedExercise[] };

export type MergeWrites = {
  eventIds: string[];
  lessons: { lessonId: string; startedAt: Date; lastOpenedAt: Date; addSeconds: number; exists: boolean }[];
  attempts: { eventId: string; quizId: string; lessonId: string; answers: RegradedAttempt["answers"]; graded: GradedQuiz; at: Date }[];
  exercises: { eventId: string; exerciseId: string; language: string; code: string; passed: boolean; results: unknown; at: Date }[];
  /** Exercises the guest claims to have passed that this merge did not confirm: no code kept, past the re-check
   *  budget, or failing the server's check. */
  unconfirmed: string[];
  mastery: TopicCount[];
  reviewItems: ReviewState[];
  activity: { day: string; seconds: number; actions: number }[];
};

export const eventKey = {
  visit: (id: string) => `visit:${id}`,
  quiz: (id: string) => `quiz:${id}`,
  exercise: (id: string) => `exercise:${id}`,
};

/** Each re-check is a sandbox run; one merge may cause at most this many. */
export const MAX_MERGE_CHECKS = 8;

/**
 * The guest exercise records whose code a merge runs through the server's check: of the passes not merged before
 * and with code kept, the latest per exercise (one proof per exercise is enough), newest first, at most `max`.
 */
export function exercisesToCheck(exercises: GuestState["exercises"], applied: ReadonlySet<string>, max = MAX_MERGE_CHECKS): string[] {
  const latest = new Map<string, GuestState["exercises"][number]>();
  for (const e of exercises) {
    if (!e.passed || !e.code || applied.has(eventKey.exercise(e.id))) continue;
    const held = latest.get(e.exerciseId);
    if (!held || Date.parse(e.at) > Date.parse(held.at) || (e.at === held.at && e.id > held.id)) latest.set(e.exerciseId, e);
  }
  return [...latest.values()]
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || b.id.localeCompare(a.id))
    .slice(0, max)
    .map((e) => e.id);
}

/**
 * The writes that bring a guest's browser progress into an account. Idempotent: every guest record has an id, and
 * records whose id the account has already applied are skipped, so merging the same state twice writes nothing the
 * second time. Nothing is taken on the browser's word: attempts carry the server's grading, exercise passes the
 * server's check (a claimed pass without one is not stored), completion is not written here at all (the caller
 * settles it from what is stored), and every instant and second is bounded by `window` (lib/progress/bounds.ts).
 * Conflicts: every attempt is kept, so the better score is the best one; time is only added for visits not merged
 * before; a review item is only changed by a guest answer newer than the item's last change.
 */
export function mergeGuestProgress(server: ServerSnapshot, guest: GuestForMerge, window: Window): MergeWrites {
  const isNew = (key: string) => !server.appliedEventIds.has(key);
  const clamp = (iso: string) => clampInstant(new Date(iso), window);
  const eventIds = new Set<string>();
  const activity = new Map<string, { day: string; seconds: number; actions: number }>();
  const bump = (day: string, seconds: number, actions: number) => {
    const entry = activity.get(day) ?? { day, seconds: 0, actions: 0 };
    entry.seconds += seconds;
    entry.actions += actions;
    activity.set(day, entry);
  };

  const visits: VisitClaim[] = [];
  for (const visit of guest.visits) {
    const key = eventKey.visit(visit.id);
    if (!isNew(key) || eventIds.has(key)) continue;
    eventIds.add(key);
    visits.push({ lessonId: visit.lessonId, seconds: visit.seconds, at: new Date(visit.at) });
    bump(dayKey(clamp(visit.at)), 0, 1);
  }
  const credited = creditVisits(visits, window, server.daySeconds);
  for (const [day, seconds] of credited.days) bump(day, seconds, 0);

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
    const at = clamp(attempt.at);
    attempts.push({ eventId: key, quizId: attempt.quizId, lessonId: attempt.lessonId, answers: attempt.answers, graded: attempt.graded, at });
    bump(dayKey(at), 0, 1);
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
  const claimedPasses = new Set<string>();
  for (const exercise of guest.exercises) {
    const key = eventKey.exercise(exercise.id);
    if (!isNew(key) || eventIds.has(key)) continue;
    eventIds.add(key);
    if (exercise.passed) claimedPasses.add(exercise.exerciseId);
    // A failure costs nothing to believe; a pass is stored only as the server's own check found it.
    const verdict = exercise.checked ?? (exercise.passed ? null : { passed: false, results: null });
    if (!verdict) continue;
    const at = clamp(exercise.at);
    exercises.push({ eventId: key, exerciseId: exercise.exerciseId, language: exercise.language, code: exercise.code, ...verdict, at });
    bump(dayKey(at), 0, 1);
  }
  const confirmed = new Set(exercises.filter((e) => e.passed).map((e) => e.exerciseId));

  return {
    eventIds: [...eventIds].sort(),
    lessons: mergeLessons(server, guest, credited.lessons, clamp),
    attempts,
    exercises,
    unconfirmed: [...claimedPasses].filter((id) => !confirmed.has(id)).sort(),
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
  guest: GuestForMerge,
  seconds: ReadonlyMap<string, number>,
  clamp: (iso: string) => Date,
): MergeWrites["lessons"] {
  const ids = new Set([...guest.lessons.map((l) => l.lessonId), ...guest.visits.map((v) => v.lessonId)]);
  const writes: MergeWrites["lessons"] = [];
  for (const lessonId of [...ids].sort()) {
    const own = guest.lessons.find((l) => l.lessonId === lessonId);
    const held = server.lessons.get(lessonId);
    const addSeconds = seconds.get(lessonId) ?? 0;
    const visitTimes = guest.visits.filter((v) => v.lessonId === lessonId).map((v) => v.at);
    const guestTimes = [...(own ? [own.firstOpenedAt, own.lastOpenedAt] : []), ...visitTimes].map(clamp);
    let startedAt = held?.startedAt ?? guestTimes.reduce(minDate);
    let lastOpenedAt = held?.lastOpenedAt ?? guestTimes.reduce(maxDate);
    for (const t of guestTimes) {
      startedAt = minDate(startedAt, t);
      lastOpenedAt = maxDate(lastOpenedAt, t);
    }
    const unchanged =
      held && addSeconds === 0 && held.startedAt.getTime() === startedAt.getTime() && held.lastOpenedAt.getTime() === lastOpenedAt.getTime();
    if (!unchanged) writes.push({ lessonId, startedAt, lastOpenedAt, addSeconds, exists: Boolean(held) });
  }
  return writes;
}
