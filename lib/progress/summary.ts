import { lessonOfExercise } from "../course/vocabulary";
import { lessonIdSchema, topicSchema } from "../course/id-schemas";
import { addDays, dayKey } from "../days";
import { learnerStateSchema, type LearnerState } from "../path/schema";
import { masteryLevel, type Records } from "./model";
import { isMastered, orderReviewQueue, reviewReason, type ReviewCard } from "./review-schedule";
import type { ProgressSummary, ReviewSummaryItem } from "./summary-types";

// What a learner's records add up to: the dashboard's summary and the path engine's learner state. Pure, and the
// same for an account (records read from the tables) and a guest (records kept in the browser).

export type { ProgressSummary };

const ACTIVITY_DAYS = 365;
/** The summary carries the latest attempts of each quiz; older ones are paged from GET /api/progress/attempts. */
export const HISTORY_PER_QUIZ = 10;

export function summarize(records: Records, now: Date): ProgressSummary {
  const lessons = [...records.lessons.values()].sort((a, b) => b.lastOpenedAt.getTime() - a.lastOpenedAt.getTime() || a.lessonId.localeCompare(b.lessonId));

  const quizzes = new Map<string, ProgressSummary["quizzes"][number]>();
  for (const a of [...records.attempts].sort((x, y) => x.at.getTime() - y.at.getTime())) {
    const at = a.at.toISOString();
    const entry = quizzes.get(a.quizId) ?? { quizId: a.quizId, lessonId: a.quizId, attempts: 0, bestScore: 0, lastScore: 0, passed: false, lastAttemptAt: at, history: [] };
    entry.attempts += 1;
    entry.bestScore = Math.max(entry.bestScore, a.score);
    entry.lastScore = a.score;
    entry.passed ||= a.passed;
    entry.lastAttemptAt = at;
    entry.history.push({ score: a.score, passed: a.passed, at });
    if (entry.history.length > HISTORY_PER_QUIZ) entry.history.shift();
    quizzes.set(a.quizId, entry);
  }

  const exercises = new Map<string, ProgressSummary["exercises"][number]>();
  for (const s of [...records.submissions].sort((x, y) => x.at.getTime() - y.at.getTime())) {
    const at = s.at.toISOString();
    const entry = exercises.get(s.exerciseId) ?? { exerciseId: s.exerciseId, lessonId: lessonOfExercise(s.exerciseId), checks: 0, passed: false, firstPassedAt: null, lastCheckedAt: at };
    entry.checks += 1;
    if (s.passed && !entry.passed) entry.firstPassedAt = at;
    entry.passed ||= s.passed;
    entry.lastCheckedAt = at;
    exercises.set(s.exerciseId, entry);
  }

  const levels = new Map([...records.mastery].map(([topic, m]) => [topic, masteryLevel(m)]));
  const toItem = (card: ReviewCard): ReviewSummaryItem => ({
    topic: card.topic,
    lessonId: card.lessonId,
    dueAt: card.dueAt.toISOString(),
    misses: card.misses,
    lapses: card.lapses,
    mastery: levels.get(card.topic) ?? 0.5,
    reason: reviewReason(card, now),
  });
  const cards = [...records.reviews.values()];
  const due = orderReviewQueue(cards, levels, now);
  const dueTopics = new Set(due.map((c) => c.topic));
  const upcoming = cards
    .filter((c) => !dueTopics.has(c.topic) && !isMastered(c))
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.topic.localeCompare(b.topic));

  const activeDays = [...records.days].filter(([, d]) => d.seconds > 0 || d.actions > 0).map(([day]) => day);
  const since = dayKey(addDays(now, -ACTIVITY_DAYS));
  const open = lessons.find((l) => !l.completedAt) ?? lessons[0];

  return {
    lessons: lessons.map((l) => ({
      lessonId: l.lessonId,
      startedAt: l.startedAt.toISOString(),
      lastOpenedAt: l.lastOpenedAt.toISOString(),
      completedAt: l.completedAt?.toISOString() ?? null,
      timeSpentSeconds: l.timeSpentSeconds,
    })),
    lessonsOpened: lessons.length,
    lessonsCompleted: lessons.filter((l) => l.completedAt).length,
    continueLessonId: open?.lessonId ?? null,
    totalSeconds: lessons.reduce((sum, l) => sum + l.timeSpentSeconds, 0),
    quizzes: [...quizzes.values()].sort((a, b) => b.lastAttemptAt.localeCompare(a.lastAttemptAt)),
    exercises: [...exercises.values()].sort((a, b) => b.lastCheckedAt.localeCompare(a.lastCheckedAt) || a.exerciseId.localeCompare(b.exerciseId)),
    topics: [...records.mastery]
      .map(([topic, m]) => ({ topic, ...m, mastery: masteryLevel(m) }))
      .sort((a, b) => a.mastery - b.mastery || a.topic.localeCompare(b.topic)),
    reviews: { due: due.map(toItem), upcoming: upcoming.map(toItem), mastered: cards.filter(isMastered).length },
    streak: { current: currentStreak(activeDays, now), longest: longestStreak(activeDays) },
    activity: [...records.days]
      .filter(([day]) => day >= since)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([day, d]) => ({ day, ...d })),
  };
}

/** The path engine's second input. A tag or id the engine's schema would refuse (written by an older course) is left out. */
/** The engine's schema bounds every list; a learner past it keeps the first ones (sorted, so the same every time). */
const MAX_ITEMS = 2000;

export function learnerState(records: Records): LearnerState {
  const valid = (schema: { safeParse: (v: unknown) => { success: boolean } }) => (value: string | null): value is string =>
    value !== null && schema.safeParse(value).success;
  const validTopic = valid(topicSchema);
  const validLesson = valid(lessonIdSchema);
  const open = [...records.reviews.values()]
    .filter((c) => !isMastered(c) && validTopic(c.topic))
    .sort((a, b) => a.topic.localeCompare(b.topic))
    .slice(0, MAX_ITEMS);
  return learnerStateSchema.parse({
    completedLessonIds: [...records.lessons.values()]
      .filter((l) => l.completedAt && validLesson(l.lessonId))
      .map((l) => l.lessonId)
      .sort()
      .slice(0, MAX_ITEMS),
    mastery: Object.fromEntries([...records.mastery].filter(([topic]) => validTopic(topic))),
    reviewItems: open.map((c) => ({
      topic: c.topic,
      dueAt: c.dueAt,
      lapses: c.lapses,
      misses: c.misses,
      lastMissedAt: c.lastMissedAt,
      reps: c.reps,
      lastReviewAt: c.lastReviewAt,
      lessonId: validLesson(c.lessonId) ? c.lessonId : null,
    })),
    placementPassedLessonIds: (records.onboarding?.answers.placement?.passedLessonIds ?? []).filter(validLesson),
  });
}

/**
 * Consecutive active days ending today, or ending yesterday when today has no activity yet (the streak is still
 * alive until the day is over). Days are UTC, so one learner's days are the same on every device.
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
  let best = 0;
  let run = 0;
  let previous: string | null = null;
  for (const day of [...new Set(activeDays)].sort()) {
    run = previous !== null && dayKey(addDays(new Date(`${previous}T00:00:00Z`), 1)) === day ? run + 1 : 1;
    best = Math.max(best, run);
    previous = day;
  }
  return best;
}
