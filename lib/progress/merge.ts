import "server-only";
import type { Db } from "../db/client";
import type { SubmittedAnswers } from "../content/quiz-schema";
import type { GradedQuiz } from "../grading/quiz";
import { upsertReviewItem } from "./attempts";
import type { GuestState } from "./guest-schema";
import { eventKey, mergeGuestProgress, type MergeWrites, type ServerSnapshot } from "./rules";
import { bumpActivity, clientOr, isUniqueViolation, type Tx } from "./store";

export type GradeGuestAttempt = (quizId: string, answers: SubmittedAnswers) => GradedQuiz | null | Promise<GradedQuiz | null>;

export type MergeSummary = { attempts: number; visits: number; exercises: number; lessons: number };

/**
 * Brings a guest's browser progress into an account in one transaction. Quiz answers are graded again by the
 * server (`grade`), never taken from the browser. Safe to call any number of times: what was merged is recognised
 * by its event id. Two merges racing for the same events: the loser's transaction hits the unique index and is run
 * once more, when it finds everything already applied.
 */
export async function mergeGuestIntoAccount(input: { userId: string; guest: GuestState; grade: GradeGuestAttempt }, client?: Db): Promise<MergeSummary> {
  const c = clientOr(client);
  const quizAttempts = await Promise.all(input.guest.quizAttempts.map(async (a) => ({ ...a, graded: await input.grade(a.quizId, a.answers) })));
  const regraded = { ...input.guest, quizAttempts };
  for (let attempt = 0; ; attempt++) {
    try {
      return await c.$transaction(async (tx) => {
        const server = await loadSnapshot(tx, input.userId, input.guest);
        const writes = mergeGuestProgress(server, regraded);
        await applyWrites(tx, input.userId, writes);
        return {
          attempts: writes.attempts.length,
          exercises: writes.exercises.length,
          visits: writes.eventIds.filter((id) => id.startsWith("visit:")).length,
          lessons: writes.lessons.length,
        };
      });
    } catch (error) {
      if (attempt === 0 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

async function loadSnapshot(tx: Tx, userId: string, guest: GuestState): Promise<ServerSnapshot> {
  const keys = [
    ...guest.visits.map((v) => eventKey.visit(v.id)),
    ...guest.quizAttempts.map((a) => eventKey.quiz(a.id)),
    ...guest.exercises.map((e) => eventKey.exercise(e.id)),
  ];
  const lessonIds = [...new Set([...guest.lessons.map((l) => l.lessonId), ...guest.visits.map((v) => v.lessonId)])];
  const [events, lessons, reviews] = await Promise.all([
    keys.length ? tx.progressEvent.findMany({ where: { userId, eventId: { in: keys } }, select: { eventId: true } }) : [],
    lessonIds.length ? tx.lessonProgress.findMany({ where: { userId, lessonId: { in: lessonIds } } }) : [],
    tx.reviewItem.findMany({ where: { userId } }),
  ]);
  return {
    appliedEventIds: new Set(events.map((e) => e.eventId)),
    lessons: new Map(lessons.map((l) => [l.lessonId, l])),
    reviewItems: new Map(reviews.map((r) => [r.topic, r])),
  };
}

async function applyWrites(tx: Tx, userId: string, writes: MergeWrites) {
  if (writes.eventIds.length) await tx.progressEvent.createMany({ data: writes.eventIds.map((eventId) => ({ userId, eventId })) });
  for (const l of writes.lessons) {
    const fields = { startedAt: l.startedAt, lastOpenedAt: l.lastOpenedAt, completedAt: l.completedAt };
    if (l.exists) {
      await tx.lessonProgress.update({
        where: { userId_lessonId: { userId, lessonId: l.lessonId } },
        data: { ...fields, timeSpentSeconds: { increment: l.addSeconds } },
      });
    } else {
      await tx.lessonProgress.create({ data: { userId, lessonId: l.lessonId, ...fields, timeSpentSeconds: l.addSeconds } });
    }
  }
  for (const a of writes.attempts) {
    await tx.quizAttempt.create({
      data: {
        userId,
        quizId: a.quizId,
        lessonId: a.lessonId,
        answers: JSON.stringify(a.answers),
        results: JSON.stringify(a.graded.results),
        score: a.graded.score,
        passed: a.graded.passed,
        createdAt: a.at,
      },
    });
  }
  for (const e of writes.exercises) {
    await tx.exerciseSubmission.create({
      data: { userId, exerciseId: e.exerciseId, language: e.language, code: e.code, passed: e.passed, results: "null", createdAt: e.at },
    });
  }
  for (const m of writes.mastery) {
    await tx.topicMastery.upsert({
      where: { userId_topic: { userId, topic: m.topic } },
      create: { userId, topic: m.topic, correct: m.correct, total: m.total },
      update: { correct: { increment: m.correct }, total: { increment: m.total } },
    });
  }
  for (const r of writes.reviewItems) await upsertReviewItem(tx, userId, r);
  for (const d of writes.activity) {
    await bumpActivity(tx, { userId, at: new Date(`${d.day}T12:00:00Z`), seconds: d.seconds, actions: d.actions });
  }
}
