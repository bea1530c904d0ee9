import "server-only";
import type { Db } from "../db/client";
import { addDays, currentStreak, dayKey, isMastered, longestStreak, masteryLevel, orderReviewQueue } from "./rules";
import { clientOr } from "./store";

import type { ProgressSummary, ReviewSummaryItem } from "./summary-types";

export type { ProgressSummary };

const ACTIVITY_DAYS = 365;

export async function getProgressSummary(input: { userId: string; now?: Date }, client?: Db): Promise<ProgressSummary> {
  const { userId } = input;
  const now = input.now ?? new Date();
  const c = clientOr(client);
  const [lessons, attempts, mastery, reviews, activity] = await Promise.all([
    c.lessonProgress.findMany({ where: { userId }, orderBy: { lastOpenedAt: "desc" } }),
    c.quizAttempt.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { quizId: true, lessonId: true, score: true, passed: true, createdAt: true } }),
    c.topicMastery.findMany({ where: { userId } }),
    c.reviewItem.findMany({ where: { userId } }),
    c.activityDay.findMany({ where: { userId, day: { gte: dayKey(addDays(now, -ACTIVITY_DAYS)) } }, orderBy: { day: "asc" } }),
  ]);

  const quizzes = new Map<string, ProgressSummary["quizzes"][number]>();
  for (const a of attempts) {
    const entry = quizzes.get(a.quizId) ?? { quizId: a.quizId, lessonId: a.lessonId, attempts: 0, bestScore: 0, lastScore: 0, passed: false, lastAttemptAt: "", history: [] };
    entry.attempts += 1;
    entry.bestScore = Math.max(entry.bestScore, a.score);
    entry.lastScore = a.score;
    entry.passed ||= a.passed;
    entry.lastAttemptAt = a.createdAt.toISOString();
    entry.history.push({ score: a.score, passed: a.passed, at: a.createdAt.toISOString() });
    quizzes.set(a.quizId, entry);
  }

  const levels = new Map(mastery.map((m) => [m.topic, masteryLevel(m)]));
  const toItem = (r: (typeof reviews)[number]): ReviewSummaryItem => ({
    topic: r.topic,
    lessonId: r.lessonId,
    dueAt: r.dueAt.toISOString(),
    intervalIndex: r.intervalIndex,
    lapses: r.lapses,
    mastery: levels.get(r.topic) ?? 0.5,
  });
  const due = orderReviewQueue(reviews, levels, now);
  const dueTopics = new Set(due.map((r) => r.topic));
  const upcoming = reviews
    .filter((r) => !dueTopics.has(r.topic) && !isMastered(r))
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());

  const activeDays = (await c.activityDay.findMany({ where: { userId }, select: { day: true } })).map((d) => d.day);
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
    topics: mastery
      .map((m) => ({ topic: m.topic, correct: m.correct, total: m.total, mastery: masteryLevel(m) }))
      .sort((a, b) => a.mastery - b.mastery || a.topic.localeCompare(b.topic)),
    reviews: { due: due.map(toItem), upcoming: upcoming.map(toItem), mastered: reviews.filter(isMastered).length },
    streak: { current: currentStreak(activeDays, now), longest: longestStreak(activeDays) },
    activity: activity.map((d) => ({ day: d.day, seconds: d.secondsSpent, actions: d.actions })),
  };
}
