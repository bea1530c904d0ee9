import "server-only";
import { lessonOfExercise } from "../course/vocabulary";
import { getCatalog, getLessonById } from "../content/catalog";
import { findExercise } from "../content/exercises";
import type { Catalog } from "../content/load";
import type { SubmittedAnswers } from "../content/quiz-schema";
import { db as defaultDb, type Db } from "../db/client";
import { AppError } from "../errors";
import { gradeQuiz } from "../grading/quiz";
import { getPlacement } from "../path/placement-source";
import { checkExercise } from "../grading/check-exercise";
import { createRateLimiter } from "../limits/rate-limiter";
import { assertCodeSize } from "../runner/code-size";
import type { OnboardingAnswers } from "../path/schema";
import { eventKey, MAX_VISIT_SECONDS, newEventId, type DraftEvent, type DraftResult, type ExerciseEvent, type Shown } from "./events";
import { verifiedGuestBirth } from "./guest-birth";
import type { GuestState } from "./guest-schema";
import { appliedEventKeys, loadDraft, loadRecords, recordEvents } from "./ledger";
import type { PlanContext, VerifiedEvent } from "./model";
import { learnerState, summarize } from "./summary";
import { entriesToVerify, requirementsFrom, verifyEvents, type CheckCode } from "./verify";

// What a learner can do with their progress, as plain functions of plain data: routes, server actions and pages
// call these and nothing below them. Each write is one event through the ledger (lib/progress/ledger.ts); the time
// of a live event is the server's, never the browser's.

export type Context = { db?: Db; catalog?: Catalog; now?: Date };

function live(ctx: Context): { db: Db | undefined; catalog: Catalog; now: Date; plan: PlanContext } {
  const now = ctx.now ?? new Date();
  const catalog = ctx.catalog ?? getCatalog();
  // A live visit covers at most the MAX_VISIT_SECONDS before now; every other live event happens now.
  const plan = { window: { from: new Date(now.getTime() - MAX_VISIT_SECONDS * 1000), to: now }, requirements: requirementsFrom(catalog) };
  return { db: ctx.db, catalog, now, plan };
}

async function recordOne(userId: string, verified: VerifiedEvent, ctx: ReturnType<typeof live>) {
  return recordEvents({ userId, events: [verified], ctx: ctx.plan }, ctx.db);
}

/** What completes a lesson, as the browser of a guest needs it to settle completion by itself. */
function lessonShown(lessonId: string, ctx: ReturnType<typeof live>): Shown["lesson"] {
  const needs = ctx.plan.requirements(lessonId);
  return needs ? { hasQuiz: needs.hasQuiz, exerciseIds: needs.exerciseIds } : undefined;
}

export async function recordVisit(input: { userId: string; lessonId: string; seconds: number; eventId?: string }, context: Context = {}) {
  const ctx = live(context);
  if (!getLessonById(input.lessonId, ctx.catalog)) throw new AppError("not_found:resource", "There is no lesson with this id.");
  const event = { type: "visit" as const, id: input.eventId ?? newEventId(), lessonId: input.lessonId, seconds: input.seconds, at: ctx.now.toISOString() };
  const { writes } = await recordOne(input.userId, { event }, ctx);
  return { applied: writes.eventIds.length > 0 };
}

/**
 * Grades a quiz attempt; a signed-in learner's is recorded (the same attempt id once). The correct answers of wrong
 * questions are in the answer only for the questions named in `reveal` (lib/grading/quiz.ts).
 */
export async function attemptQuiz(
  input: { userId: string | null; quizId: string; answers: SubmittedAnswers; attemptId?: string; reveal?: string[] },
  context: Context = {},
) {
  const ctx = live(context);
  const quiz = getLessonById(input.quizId, ctx.catalog)?.quiz;
  if (!quiz) throw new AppError("not_found:resource", "There is no quiz with this id.");
  const graded = gradeQuiz(quiz, input.answers, { reveal: input.reveal });
  const answer = { quizId: input.quizId, ...graded, lesson: lessonShown(input.quizId, ctx) };
  if (!input.userId) return { ...answer, saved: false as const };
  const event = { type: "quiz" as const, id: input.attemptId ?? newEventId(), quizId: input.quizId, answers: input.answers, at: ctx.now.toISOString() };
  const { writes, records } = await recordOne(input.userId, { event, graded }, ctx);
  const scores = records.attempts.filter((a) => a.quizId === input.quizId).map((a) => a.score);
  return {
    ...answer,
    saved: true as const,
    applied: writes.eventIds.length > 0,
    completed: Boolean(records.lessons.get(input.quizId)?.completedAt),
    bestScore: Math.max(graded.score, ...scores),
  };
}

// Failed checks per learner (user id, or address for guests) and exercise, behind the solution unlock: counted for a
// day from the first failure, shared by every app instance on PostgreSQL (lib/limits), in memory on SQLite (where the
// worst a restart does is ask a learner for three more tries).
export const FAILS_BEFORE_SOLUTION = 3;
const failures = createRateLimiter({ name: "failed-checks", max: FAILS_BEFORE_SOLUTION, windowMs: 24 * 60 * 60_000 });

/**
 * Checks a learner's code for an exercise in the sandbox. The solution comes with a pass or after three failed
 * checks; a signed-in learner's check is recorded, a guest's browser is told what completes the lesson.
 */
export async function checkExerciseFor(
  input: { userId: string | null; clientKey: string; exerciseId: string; language: ExerciseEvent["language"]; code: string },
  context: Context = {},
) {
  const ctx = live(context);
  const found = findExercise(input.exerciseId, ctx.catalog);
  if (!found) throw new AppError("not_found:resource", "There is no exercise with this id.");
  const { exercise, lesson } = found;
  assertCodeSize(input.code);
  if (input.language !== exercise.language) throw new AppError("bad_request:body", `This exercise is solved in ${exercise.language}.`);
  const result = await checkExercise(exercise, input.code, input.clientKey);
  const failKey = `${input.userId ?? input.clientKey}:${exercise.id}`;
  const unlocked = result.passed || (await failures.hit(failKey)).count >= FAILS_BEFORE_SOLUTION;
  const answer = { ...result, ...(unlocked ? { solution: exercise.solution } : {}), lesson: lessonShown(lesson.id, ctx) };
  if (!input.userId) return { ...answer, saved: false as const };
  const recorded = await recordExerciseCheck(
    { userId: input.userId, exerciseId: exercise.id, language: input.language, code: input.code, checked: { passed: result.passed, results: result.tests } },
    context,
  );
  return { ...answer, saved: true as const, completed: recorded.completed };
}

/** Records a signed-in learner's exercise check (the server's own) and its code as the exercise's draft. */
export async function recordExerciseCheck(
  input: { userId: string; exerciseId: string; language: ExerciseEvent["language"]; code: string; checked: { passed: boolean; results: unknown } },
  context: Context = {},
) {
  const ctx = live(context);
  const event = { type: "exercise" as const, id: newEventId(), exerciseId: input.exerciseId, language: input.language, code: input.code, at: ctx.now.toISOString() };
  const { records } = await recordOne(input.userId, { event, checked: input.checked }, ctx);
  return { completed: Boolean(records.lessons.get(lessonOfExercise(event.exerciseId))?.completedAt) };
}

/** The learner's draft, or null when they have not changed this code (not an error: most examples have none). */
export async function getDraft(input: { userId: string; key: string }, context: Context = {}) {
  const draft = await loadDraft(input.userId, input.key, context.db);
  return draft && { key: draft.key, language: draft.language, code: draft.code, result: draft.result, updatedAt: draft.updatedAt.toISOString() };
}

/** Saves (or with `code: null` removes) a draft; an older save arriving late never overwrites a newer one. */
export async function saveDraft(
  input: { userId: string; key: string; language?: DraftEvent["language"]; code: string | null; result?: DraftResult | null },
  context: Context = {},
) {
  const ctx = live(context);
  const event = { type: "draft" as const, id: newEventId(), key: input.key, language: input.language, code: input.code, result: input.result ?? null, at: ctx.now.toISOString() };
  await recordOne(input.userId, { event }, ctx);
  return { key: input.key, updatedAt: event.at };
}

export async function saveOnboarding(input: { userId: string; answers: OnboardingAnswers }, context: Context = {}) {
  const ctx = live(context);
  const event = { type: "onboarding" as const, id: newEventId(), answers: input.answers, at: ctx.now.toISOString() };
  const { records } = await recordOne(input.userId, { event }, ctx);
  return records.onboarding!.answers;
}

/** Keeps a graded placement in the learner's onboarding answers; false when they have none yet (it waits in the browser). */
export async function savePlacement(
  input: { userId: string; answers: Record<string, SubmittedAnswers>; passedLessonIds: string[] },
  context: Context = {},
): Promise<boolean> {
  const ctx = live(context);
  const event = { type: "placement" as const, id: newEventId(), answers: input.answers, at: ctx.now.toISOString() };
  const { records } = await recordOne(input.userId, { event, passedLessonIds: input.passedLessonIds }, ctx);
  return Boolean(records.onboarding?.answers.placement);
}

export async function progressSummary(input: { userId: string }, context: Context = {}) {
  return summarize(await loadRecords(input.userId, context.db), context.now ?? new Date());
}

export const MAX_HISTORY_PAGE = 100;

/**
 * A learner's quiz attempts, newest first, a page at a time: `before` is the `next` of the previous page. What each
 * question's explanation says is the quiz's own, read from the content, so attempts keep only what was right.
 */
export async function attemptHistory(input: { userId: string; quizId?: string; before?: string; limit?: number }, context: Context = {}) {
  const db = context.db ?? defaultDb();
  const limit = Math.min(MAX_HISTORY_PAGE, input.limit ?? 20);
  const rows = await db.quizAttempt.findMany({
    where: { userId: input.userId, ...(input.quizId ? { quizId: input.quizId } : {}), ...(input.before ? { createdAt: { lt: new Date(input.before) } } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: { quizId: true, score: true, passed: true, results: true, createdAt: true },
  });
  const page = rows.slice(0, limit);
  return {
    attempts: page.map((a) => ({ quizId: a.quizId, score: a.score, passed: a.passed, results: parseResults(a.results), at: a.createdAt.toISOString() })),
    next: rows.length > limit ? page[page.length - 1]!.createdAt.toISOString() : null,
  };
}

function parseResults(text: string): { questionId: string; correct: boolean }[] {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.map((r: { questionId?: unknown; correct?: unknown }) => ({ questionId: String(r.questionId), correct: r.correct === true })) : [];
  } catch {
    return [];
  }
}

export async function learnerStateOf(input: { userId: string }, context: Context = {}) {
  return learnerState(await loadRecords(input.userId, context.db));
}

/**
 * Brings a guest's browser progress into an account. Quiz and placement answers are graded again and passing
 * exercise code is checked again (`check`); time is bounded by the store's sealed birth (lib/progress/bounds.ts).
 * Safe to repeat: what was applied is recognised by its event id, and code already merged is not run again.
 */
export async function mergeGuest(input: { userId: string; guest: GuestState; check: CheckCode }, context: Context = {}) {
  const ctx = live(context);
  // Events merged before are not verified again: their code is not run a second time.
  const applied = await appliedEventKeys(input.userId, input.guest.entries.map((e) => eventKey(e.event)), ctx.db);
  const fresh = entriesToVerify(input.guest.entries, applied);
  const { verified, skipped, unconfirmed } = await verifyEvents(fresh, { catalog: ctx.catalog, placement: getPlacement, check: input.check });
  const window = { from: verifiedGuestBirth(input.guest, ctx.now) ?? ctx.now, to: ctx.now };
  const { writes } = await recordEvents({ userId: input.userId, events: verified, ctx: { ...ctx.plan, window } }, ctx.db);
  return { events: writes.eventIds.length, skipped, unconfirmedExercises: unconfirmed };
}
