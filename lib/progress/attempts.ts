import "server-only";
import type { Db } from "../db/client";
import type { SubmittedAnswers } from "../content/quiz-schema";
import type { GradedQuiz } from "../grading/quiz";
import { completionInstant, eventKey, masteryDeltas, reviewChanges, type LessonRequirements, type ReviewState } from "./rules";
import { bumpActivity, claimEvent, clientOr, type Tx } from "./store";

export type RecordQuizAttemptInput = {
  userId: string;
  quizId: string;
  lessonId: string;
  answers: SubmittedAnswers;
  graded: GradedQuiz;
  /** The lesson's exercise ids; the lesson completes only when each has a passing submission. */
  exerciseIds?: string[];
  /** Client-made id of the submission; the same id is recorded once (the key a guest merge uses too). */
  eventId?: string;
  at?: Date;
};

/** Stores one attempt and everything it changes (mastery, review items, completion, activity) in one transaction. */
export async function recordQuizAttempt(input: RecordQuizAttemptInput, client?: Db) {
  const at = input.at ?? new Date();
  return clientOr(client).$transaction(async (tx) => {
    if (input.eventId && !(await claimEvent(tx, { userId: input.userId, eventId: eventKey.quiz(input.eventId) }))) {
      return { attemptId: null, applied: false, ...(await standing(tx, input)) };
    }
    const attempt = await tx.quizAttempt.create({
      data: {
        userId: input.userId,
        quizId: input.quizId,
        lessonId: input.lessonId,
        answers: JSON.stringify(input.answers),
        results: JSON.stringify(input.graded.results),
        score: input.graded.score,
        passed: input.graded.passed,
        createdAt: at,
      },
      select: { id: true },
    });
    await applyGradedResults(tx, { userId: input.userId, lessonId: input.lessonId, graded: input.graded, at });
    await touchLesson(tx, { userId: input.userId, lessonId: input.lessonId, at });
    const completedAt = await settleCompletion(tx, input.userId, { lessonId: input.lessonId, hasQuiz: true, exerciseIds: input.exerciseIds ?? [] });
    await bumpActivity(tx, { userId: input.userId, at, seconds: 0, actions: 1 });
    const best = await tx.quizAttempt.aggregate({ where: { userId: input.userId, quizId: input.quizId }, _max: { score: true } });
    return { attemptId: attempt.id, applied: true, completed: completedAt !== null, bestScore: best._max.score ?? input.graded.score };
  });
}

/** Where the learner stands on this quiz and lesson, for a retried submission that was already recorded. */
async function standing(tx: Tx, input: RecordQuizAttemptInput) {
  const [best, lesson] = await Promise.all([
    tx.quizAttempt.aggregate({ where: { userId: input.userId, quizId: input.quizId }, _max: { score: true } }),
    tx.lessonProgress.findUnique({ where: { userId_lessonId: { userId: input.userId, lessonId: input.lessonId } }, select: { completedAt: true } }),
  ]);
  return { completed: Boolean(lesson?.completedAt), bestScore: best._max.score ?? input.graded.score };
}

/** Topic mastery and review items from one graded attempt. */
export async function applyGradedResults(tx: Tx, input: { userId: string; lessonId: string; graded: GradedQuiz; at: Date }) {
  const { userId, at } = input;
  for (const delta of masteryDeltas(input.graded.results)) {
    await tx.topicMastery.upsert({
      where: { userId_topic: { userId, topic: delta.topic } },
      create: { userId, topic: delta.topic, correct: delta.correct, total: delta.total },
      update: { correct: { increment: delta.correct }, total: { increment: delta.total } },
    });
  }
  const topics = [...new Set(input.graded.results.flatMap((r) => r.topics))];
  const items = await tx.reviewItem.findMany({ where: { userId, topic: { in: topics } } });
  const current = new Map<string, ReviewState>(items.map((i) => [i.topic, i]));
  for (const change of reviewChanges(current, input.graded.results, { lessonId: input.lessonId, at })) {
    await upsertReviewItem(tx, userId, change);
  }
}

export async function upsertReviewItem(tx: Tx, userId: string, item: ReviewState) {
  const fields = { lessonId: item.lessonId, intervalIndex: item.intervalIndex, lapses: item.lapses, dueAt: item.dueAt };
  await tx.reviewItem.upsert({
    where: { userId_topic: { userId, topic: item.topic } },
    create: { userId, topic: item.topic, ...fields },
    update: fields,
  });
}

/**
 * Sets a lesson's completion from what is stored, by the one rule (rules.completionInstant); every place that
 * stores a quiz attempt or an exercise check calls this, and nothing else writes completedAt. Never cleared.
 */
export async function settleCompletion(tx: Tx, userId: string, lesson: LessonRequirements): Promise<Date | null> {
  const where = { userId_lessonId: { userId, lessonId: lesson.lessonId } };
  const existing = await tx.lessonProgress.findUnique({ where, select: { completedAt: true } });
  if (existing?.completedAt) return existing.completedAt;
  const quiz = lesson.hasQuiz
    ? await tx.quizAttempt.findFirst({ where: { userId, quizId: lesson.lessonId, passed: true }, orderBy: { createdAt: "asc" }, select: { createdAt: true } })
    : null;
  const passes = lesson.exerciseIds.length
    ? await tx.exerciseSubmission.groupBy({ by: ["exerciseId"], where: { userId, exerciseId: { in: lesson.exerciseIds }, passed: true }, _min: { createdAt: true } })
    : [];
  const firstPass = new Map(passes.map((p) => [p.exerciseId, p._min.createdAt]));
  const completedAt = completionInstant({
    hasQuiz: lesson.hasQuiz,
    quizPassedAt: quiz?.createdAt ?? null,
    exercisePassedAt: lesson.exerciseIds.map((id) => firstPass.get(id) ?? null),
  });
  if (!completedAt) return null;
  if (existing) await tx.lessonProgress.update({ where, data: { completedAt } });
  else await tx.lessonProgress.create({ data: { userId, lessonId: lesson.lessonId, startedAt: completedAt, lastOpenedAt: completedAt, completedAt } });
  return completedAt;
}

/** Opens the lesson record if needed and moves its last-opened time forward; completion is settleCompletion's. */
export async function touchLesson(tx: Tx, input: { userId: string; lessonId: string; at: Date; seconds?: number }) {
  const { userId, lessonId, at } = input;
  const existing = await tx.lessonProgress.findUnique({ where: { userId_lessonId: { userId, lessonId } } });
  if (!existing) {
    return tx.lessonProgress.create({ data: { userId, lessonId, startedAt: at, lastOpenedAt: at, timeSpentSeconds: input.seconds ?? 0 } });
  }
  return tx.lessonProgress.update({
    where: { id: existing.id },
    data: { lastOpenedAt: at > existing.lastOpenedAt ? at : existing.lastOpenedAt, timeSpentSeconds: { increment: input.seconds ?? 0 } },
  });
}
