import "server-only";
import type { Db } from "../db/client";
import type { SubmittedAnswers } from "../content/quiz-schema";
import type { GradedQuiz } from "../grading/quiz";
import { settleCompletion, upsertReviewItem } from "./attempts";
import type { Window } from "./bounds";
import type { GuestState } from "./guest-schema";
import { dayKey, eventKey, exercisesToCheck, mergeGuestProgress, type LessonRequirements, type MergeWrites, type ServerSnapshot } from "./rules";
import { bumpActivity, clientOr, isUniqueViolation, type Tx } from "./store";

export type GradeGuestAttempt = (quizId: string, answers: SubmittedAnswers) => GradedQuiz | null | Promise<GradedQuiz | null>;
/** The server's own check of a guest's code for an exercise; null when it cannot be checked. */
export type CheckGuestExercise = (exerciseId: string, code: string) => Promise<{ passed: boolean; results: unknown } | null>;

export type MergeInput = {
  userId: string;
  guest: GuestState;
  grade: GradeGuestAttempt;
  check: CheckGuestExercise;
  /** Every lesson the guest state touches, as the catalog defines it: completion is settled for each. */
  lessons: LessonRequirements[];
  /** The instants the guest's activity may lie between (lib/progress/bounds.ts). */
  window: Window;
};

export type MergeSummary = { attempts: number; visits: number; exercises: number; lessons: number; unconfirmedExercises: string[] };

/**
 * Brings a guest's browser progress into an account in one transaction. Quiz answers are graded again and passing
 * exercise code is checked again by the server (`grade`, `check`), completion is settled from what is then stored,
 * and time is bounded by `window`: nothing is taken on the browser's word. Safe to call any number of times: what
 * was merged is recognised by its event id, and code already merged is not run again. Two merges racing for the
 * same events: the loser's transaction hits the unique index and is run once more, when it finds everything
 * already applied.
 */
export async function mergeGuestIntoAccount(input: MergeInput, client?: Db): Promise<MergeSummary> {
  const c = clientOr(client);
  const { userId, guest } = input;
  const quizAttempts = await Promise.all(guest.quizAttempts.map(async (a) => ({ ...a, graded: await input.grade(a.quizId, a.answers) })));
  const toCheck = new Set(exercisesToCheck(guest.exercises, await appliedEventIds(c, userId, guest)));
  const exercises = [];
  // One at a time: each check is a sandbox run, queued behind the client's other runs.
  for (const e of guest.exercises) exercises.push({ ...e, checked: toCheck.has(e.id) ? await input.check(e.exerciseId, e.code) : null });
  const prepared = { ...guest, quizAttempts, exercises };
  for (let attempt = 0; ; attempt++) {
    try {
      return await c.$transaction(async (tx) => {
        const server = await loadSnapshot(tx, userId, guest, input.window);
        const writes = mergeGuestProgress(server, prepared, input.window);
        await applyWrites(tx, userId, writes);
        for (const lesson of input.lessons) await settleCompletion(tx, userId, lesson);
        return {
          attempts: writes.attempts.length,
          exercises: writes.exercises.length,
          visits: writes.eventIds.filter((id) => id.startsWith("visit:")).length,
          lessons: writes.lessons.length,
          unconfirmedExercises: writes.unconfirmed,
        };
      });
    } catch (error) {
      if (attempt === 0 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

function guestEventKeys(guest: GuestState): string[] {
  return [
    ...guest.visits.map((v) => eventKey.visit(v.id)),
    ...guest.quizAttempts.map((a) => eventKey.quiz(a.id)),
    ...guest.exercises.map((e) => eventKey.exercise(e.id)),
  ];
}

async function appliedEventIds(tx: Tx | Db, userId: string, guest: GuestState): Promise<Set<string>> {
  const keys = guestEventKeys(guest);
  const events = keys.length ? await tx.progressEvent.findMany({ where: { userId, eventId: { in: keys } }, select: { eventId: true } }) : [];
  return new Set(events.map((e) => e.eventId));
}

async function loadSnapshot(tx: Tx, userId: string, guest: GuestState, window: Window): Promise<ServerSnapshot> {
  const lessonIds = [...new Set([...guest.lessons.map((l) => l.lessonId), ...guest.visits.map((v) => v.lessonId)])];
  const [applied, lessons, reviews, days] = await Promise.all([
    appliedEventIds(tx, userId, guest),
    lessonIds.length ? tx.lessonProgress.findMany({ where: { userId, lessonId: { in: lessonIds } } }) : [],
    tx.reviewItem.findMany({ where: { userId } }),
    tx.activityDay.findMany({ where: { userId, day: { gte: dayKey(window.from), lte: dayKey(window.to) } } }),
  ]);
  return {
    appliedEventIds: applied,
    lessons: new Map(lessons.map((l) => [l.lessonId, l])),
    reviewItems: new Map(reviews.map((r) => [r.topic, r])),
    daySeconds: new Map(days.map((d) => [d.day, d.secondsSpent])),
  };
}

async function applyWrites(tx: Tx, userId: string, writes: MergeWrites) {
  if (writes.eventIds.length) await tx.progressEvent.createMany({ data: writes.eventIds.map((eventId) => ({ userId, eventId })) });
  for (const l of writes.lessons) {
    const fields = { startedAt: l.startedAt, lastOpenedAt: l.lastOpenedAt };
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
      data: { userId, exerciseId: e.exerciseId, language: e.language, code: e.code, passed: e.passed, results: JSON.stringify(e.results ?? null), createdAt: e.at },
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
