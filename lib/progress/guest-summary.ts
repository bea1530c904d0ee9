import type { GuestState } from "./guest-schema";
import {
  currentStreak,
  dayKey,
  isMastered,
  longestStreak,
  masteryDeltas,
  masteryLevel,
  orderReviewQueue,
  reviewChanges,
  type ReviewState,
  type TopicCount,
} from "./rules";
import type { ProgressSummary, ReviewSummaryItem } from "./summary-types";

/** A guest's dashboard, computed in the browser from its own records with the same rules the server uses. */
export function summarizeGuestState(guest: GuestState, now: Date): ProgressSummary {
  const seconds = new Map<string, number>();
  const activity = new Map<string, { day: string; seconds: number; actions: number }>();
  const bump = (at: string, s: number, actions: number) => {
    const day = dayKey(new Date(at));
    const entry = activity.get(day) ?? { day, seconds: 0, actions: 0 };
    entry.seconds += s;
    entry.actions += actions;
    activity.set(day, entry);
  };
  for (const v of guest.visits) {
    seconds.set(v.lessonId, (seconds.get(v.lessonId) ?? 0) + v.seconds);
    bump(v.at, v.seconds, v.seconds === 0 ? 1 : 0);
  }

  const attempts = [...guest.quizAttempts].sort((a, b) => a.at.localeCompare(b.at));
  const quizzes = new Map<string, ProgressSummary["quizzes"][number]>();
  const mastery = new Map<string, TopicCount>();
  const reviews = new Map<string, ReviewState>();
  for (const a of attempts) {
    bump(a.at, 0, 1);
    const score = a.score ?? 0;
    const passed = a.passed ?? false;
    const entry = quizzes.get(a.quizId) ?? { quizId: a.quizId, lessonId: a.lessonId, attempts: 0, bestScore: 0, lastScore: 0, passed: false, lastAttemptAt: a.at, history: [] };
    entry.attempts += 1;
    entry.bestScore = Math.max(entry.bestScore, score);
    entry.lastScore = score;
    entry.passed ||= passed;
    entry.lastAttemptAt = a.at;
    entry.history.push({ score, passed, at: a.at });
    quizzes.set(a.quizId, entry);
    const results = a.results ?? [];
    for (const d of masteryDeltas(results)) {
      const m = mastery.get(d.topic) ?? { topic: d.topic, correct: 0, total: 0 };
      m.correct += d.correct;
      m.total += d.total;
      mastery.set(d.topic, m);
    }
    for (const change of reviewChanges(reviews, results, { lessonId: a.lessonId, at: new Date(a.at) })) reviews.set(change.topic, change);
  }
  for (const e of guest.exercises) bump(e.at, 0, 1);

  const lessonIds = new Set([...guest.lessons.map((l) => l.lessonId), ...seconds.keys()]);
  const lessons = [...lessonIds]
    .map((lessonId) => {
      const own = guest.lessons.find((l) => l.lessonId === lessonId);
      const visits = guest.visits.filter((v) => v.lessonId === lessonId).map((v) => v.at);
      const times = [...(own ? [own.firstOpenedAt, own.lastOpenedAt] : []), ...visits].sort();
      return {
        lessonId,
        startedAt: times[0]!,
        lastOpenedAt: times[times.length - 1]!,
        completedAt: own?.completedAt ?? null,
        timeSpentSeconds: seconds.get(lessonId) ?? 0,
      };
    })
    .sort((a, b) => b.lastOpenedAt.localeCompare(a.lastOpenedAt));

  const levels = new Map([...mastery.values()].map((m) => [m.topic, masteryLevel(m)]));
  const toItem = (r: ReviewState): ReviewSummaryItem => ({
    topic: r.topic,
    lessonId: r.lessonId,
    dueAt: r.dueAt.toISOString(),
    intervalIndex: r.intervalIndex,
    lapses: r.lapses,
    mastery: levels.get(r.topic) ?? 0.5,
  });
  const items = [...reviews.values()];
  const due = orderReviewQueue(items, levels, now);
  const dueTopics = new Set(due.map((r) => r.topic));
  const days = [...activity.keys()];
  const open = lessons.find((l) => !l.completedAt) ?? lessons[0];

  return {
    lessons,
    lessonsOpened: lessons.length,
    lessonsCompleted: lessons.filter((l) => l.completedAt).length,
    continueLessonId: open?.lessonId ?? null,
    totalSeconds: lessons.reduce((sum, l) => sum + l.timeSpentSeconds, 0),
    quizzes: [...quizzes.values()].sort((a, b) => b.lastAttemptAt.localeCompare(a.lastAttemptAt)),
    topics: [...mastery.values()]
      .map((m) => ({ ...m, mastery: masteryLevel(m) }))
      .sort((a, b) => a.mastery - b.mastery || a.topic.localeCompare(b.topic)),
    reviews: {
      due: due.map(toItem),
      upcoming: items.filter((r) => !dueTopics.has(r.topic) && !isMastered(r)).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime()).map(toItem),
      mastered: items.filter(isMastered).length,
    },
    streak: { current: currentStreak(days, now), longest: longestStreak(days) },
    activity: [...activity.values()].sort((a, b) => a.day.localeCompare(b.day)),
  };
}
