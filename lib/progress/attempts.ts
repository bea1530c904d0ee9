import "server-only";
import type { Db } from "../db/client";
import type { SubmittedAnswers } from "../content/quiz-schema";
import type { GradedQuiz } from "../grading/quiz";
import { isLessonComplete, masteryDeltas, reviewChanges, type ReviewState } from "./rules";
import { eventKey } from "./rules";
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
    const exercisesPassed = await allExercisesPassed(tx, input.userId, input.exerciseIds ?? []);
    const completes = isLessonComplete({ quizPassed: input.graded.passed, exercisesPassed });
    const lesson = await touchLesson(tx, { userId: input.userId, lessonId: input.lessonId, at, completes });
    await bumpActivity(tx, { userId: input.userId, at, seconds: 0, actions: 1 });
    const best = await tx.quizAttempt.aggregate({ where: { userId: input.userId, quizId: input.quizId }, _max: { score: true } });
    return { attemptId: attempt.id, applied: true, completed: lesson.completedAt !== null, bestScore: best._max.score ?? input.graded.score };
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

/** null when the lesson has no exercises, so completion then rests on the quiz alone. */
export async function allExercisesPassed(tx: Tx, userId: string, exerciseIds: string[]): Promise<boolean | null> {
  if (exerciseIds.length === 0) return null;
  const passed = await tx.exerciseSubmission.findMany({
    where: { userId, exerciseId: { in: exerciseIds }, passed: true },
    select: { exerciseId: true },
    distinct: ["exerciseId"],
  });
  return passed.length === new Set(exerciseIds).size;
}

/** Opens the lesson record if needed; completion is set once and never cleared. */
export async function touchLesson(tx: Tx, input: { userId: string; lessonId: string; at: Date; completes: boolean; seconds?: number }) {
  const { userId, lessonId, at } = input;
  const existing = await tx.lessonProgress.findUnique({ where: { userId_lessonId: { userId, lessonId } } });
  if (!existing) {
    return tx.lessonProgress.create({
      data: { userId, lessonId, startedAt: at, lastOpenedAt: at, timeSpentSeconds: input.seconds ?? 0, completedAt: input.completes ? at : null },
    });
  }
  return tx.lessonProgress.update({
    where: { id: existing.id },
    data: {
      lastOpenedAt: at > existing.lastOpenedAt ? at : existing.lastOpenedAt,
      timeSpentSeconds: { increment: input.seconds ?? 0 },
      ...(input.completes && !existing.completedAt ? { completedAt: at } : {}),
    },
  });
}
