import "server-only";
import { codeLanguageSchema } from "../course/id-schemas";
import { db as defaultDb, type Db } from "../db/client";
import { Prisma } from "../db/generated/sqlite/client";
import { isUniqueViolation } from "../db/unique-violation";
import { onboardingAnswersSchema } from "../path/schema";
import { draftResultSchema } from "./events";
import { storeWrites } from "./ledger-writes";
import { applyWrites, emptyRecords, plan, recordsScope, type PlanContext, type Records, type VerifiedEvent, type Writes } from "./model";
import type { ReviewCard } from "./review-schedule";

// An account's progress in the database: load the records a batch of events touches, plan the writes with the pure
// model (lib/progress/model.ts), store them — in one transaction. Every write of learner progress comes through
// `recordEvents`: a live quiz attempt, exercise check, visit, draft or onboarding answer is a batch of one, a guest
// merge a batch of many.

type Tx = Prisma.TransactionClient;

export type Recorded = { writes: Writes; records: Records };

/**
 * Applies verified events to a learner's account and returns the writes made and the touched records after them.
 * Two requests racing with the same events: the loser's transaction hits a unique index (ProgressEvent's
 * (userId, eventId)) and runs once more, when it finds the events applied and writes nothing.
 */
export async function recordEvents(input: { userId: string; events: VerifiedEvent[]; ctx: PlanContext }, client: Db = defaultDb()): Promise<Recorded> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await client.$transaction(async (tx) => {
        const records = await loadScopedRecords(tx, input.userId, input.events, input.ctx);
        const writes = plan(records, input.events, input.ctx);
        await storeWrites(tx, input.userId, writes);
        return { writes, records: applyWrites(records, writes) };
      });
    } catch (error) {
      if (attempt < 2 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

async function loadScopedRecords(tx: Tx, userId: string, events: VerifiedEvent[], ctx: PlanContext): Promise<Records> {
  const scope = recordsScope(events, ctx);
  // In SQL both databases share, as the writes are (ledger-writes.ts): on the path of every live event, a typed
  // Prisma read cost about three times the CPU of the same read in SQL. A query for an empty scope would only read nothing.
  const none = () => Promise.resolve([] as never[]);
  const list = (values: string[]) => Prisma.join(values);
  const [applied, lessons, attempts, submissions, reviews, days, drafts, onboarding] = await Promise.all([
    scope.eventIds.length
      ? tx.$queryRaw<Row<"applied">>`SELECT "eventId" FROM "ProgressEvent" WHERE "userId" = ${userId} AND "eventId" IN (${list(scope.eventIds)})`
      : none(),
    scope.lessonIds.length
      ? tx.$queryRaw<Row<"lessons">>`SELECT "lessonId", "startedAt", "lastOpenedAt", "completedAt", "timeSpentSeconds" FROM "LessonProgress"
          WHERE "userId" = ${userId} AND "lessonId" IN (${list(scope.lessonIds)})`
      : none(),
    scope.lessonIds.length
      ? tx.$queryRaw<Row<"attempts">>`SELECT "quizId", "score", "passed", "createdAt" FROM "QuizAttempt"
          WHERE "userId" = ${userId} AND "quizId" IN (${list(scope.lessonIds)})`
      : none(),
    scope.exerciseIds.length
      ? tx.$queryRaw<Row<"submissions">>`SELECT "exerciseId", "passed", "createdAt" FROM "ExerciseSubmission"
          WHERE "userId" = ${userId} AND "exerciseId" IN (${list(scope.exerciseIds)}) AND "passed" = ${true}`
      : none(),
    scope.topics.length
      ? tx.$queryRaw<Row<"reviews">>`SELECT "topic", "lessonId", "state", "stability", "difficulty", "scheduledDays", "learningSteps", "reps", "lapses",
          "dueAt", "lastReviewAt", "misses", "lastMissedAt" FROM "ReviewItem" WHERE "userId" = ${userId} AND "topic" IN (${list(scope.topics)})`
      : none(),
    tx.$queryRaw<Row<"days">>`SELECT "day", "secondsSpent", "actions" FROM "ActivityDay"
      WHERE "userId" = ${userId} AND "day" >= ${scope.days.from} AND "day" <= ${scope.days.to}`,
    scope.draftKeys.length
      ? tx.$queryRaw<Row<"drafts">>`SELECT "key", "language", "code", "result", "updatedAt" FROM "CodeDraft"
          WHERE "userId" = ${userId} AND "key" IN (${list(scope.draftKeys)})`
      : none(),
    scope.onboarding ? tx.$queryRaw<NonNullable<Rows["onboarding"]>[]>`SELECT "answers", "updatedAt" FROM "OnboardingAnswers" WHERE "userId" = ${userId}` : none(),
  ]);
  return toRecords({ applied, lessons, attempts, submissions, reviews, days, drafts, onboarding: onboarding[0] ?? null });
}

/** Everything an account holds, for its summary and its path. */
export async function loadRecords(userId: string, client: Db = defaultDb()): Promise<Records> {
  const [lessons, attempts, submissions, reviews, days, drafts, onboarding, mastery] = await Promise.all([
    client.lessonProgress.findMany({ where: { userId } }),
    client.quizAttempt.findMany({ where: { userId }, select: { quizId: true, score: true, passed: true, createdAt: true } }),
    client.exerciseSubmission.findMany({ where: { userId }, select: { exerciseId: true, passed: true, createdAt: true } }),
    client.reviewItem.findMany({ where: { userId } }),
    client.activityDay.findMany({ where: { userId } }),
    client.codeDraft.findMany({ where: { userId } }),
    client.onboardingAnswers.findUnique({ where: { userId } }),
    client.topicMastery.findMany({ where: { userId } }),
  ]);
  const records = toRecords({ applied: [], lessons, attempts, submissions, reviews, days, drafts, onboarding });
  for (const m of mastery) records.mastery.set(m.topic, { correct: m.correct, total: m.total });
  return records;
}

/** Which of these event keys the account has applied. */
export async function appliedEventKeys(userId: string, keys: string[], client: Db = defaultDb()): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await client.progressEvent.findMany({ where: { userId, eventId: { in: keys } }, select: { eventId: true } });
  return new Set(rows.map((r) => r.eventId));
}

/** One draft of an account, or null. */
export async function loadDraft(userId: string, key: string, client: Db = defaultDb()) {
  const row = await client.codeDraft.findUnique({ where: { userId_key: { userId, key } } });
  return row ? toRecords({ drafts: [row] }).drafts.get(key)! : null;
}

/** The rows of one kind, as each query above selects them. */
type Row<K extends keyof Rows> = NonNullable<Rows[K]>;

type Rows = {
  applied?: { eventId: string }[];
  lessons?: { lessonId: string; startedAt: Date; lastOpenedAt: Date; completedAt: Date | null; timeSpentSeconds: number }[];
  attempts?: { quizId: string; score: number; passed: boolean; createdAt: Date }[];
  submissions?: { exerciseId: string; passed: boolean; createdAt: Date }[];
  reviews?: (ReviewCard & Record<string, unknown>)[];
  days?: { day: string; secondsSpent: number; actions: number }[];
  drafts?: { key: string; language: string; code: string; result: string | null; updatedAt: Date }[];
  onboarding?: { answers: string; updatedAt: Date } | null;
};

function parseJson(text: string | null): unknown {
  try {
    return text === null ? null : JSON.parse(text);
  } catch {
    return null;
  }
}

function toRecords(rows: Rows): Records {
  const records = emptyRecords();
  for (const { eventId } of rows.applied ?? []) records.appliedEventIds.add(eventId);
  for (const l of rows.lessons ?? []) {
    records.lessons.set(l.lessonId, { lessonId: l.lessonId, startedAt: l.startedAt, lastOpenedAt: l.lastOpenedAt, completedAt: l.completedAt, timeSpentSeconds: l.timeSpentSeconds });
  }
  records.attempts = (rows.attempts ?? []).map((a) => ({ quizId: a.quizId, score: a.score, passed: a.passed, at: a.createdAt }));
  records.submissions = (rows.submissions ?? []).map((s) => ({ exerciseId: s.exerciseId, passed: s.passed, at: s.createdAt }));
  for (const r of rows.reviews ?? []) records.reviews.set(r.topic, toCard(r));
  for (const d of rows.days ?? []) records.days.set(d.day, { seconds: d.secondsSpent, actions: d.actions });
  for (const d of rows.drafts ?? []) {
    // A row written by an older version that no longer parses is shown as code without a result, not dropped.
    const language = codeLanguageSchema.safeParse(d.language);
    if (!language.success) continue;
    const result = draftResultSchema.safeParse(parseJson(d.result));
    records.drafts.set(d.key, { key: d.key, language: language.data, code: d.code, result: result.success ? result.data : null, updatedAt: d.updatedAt });
  }
  if (rows.onboarding) {
    // Answers saved for an older version of the questions may not parse; the learner is then simply asked again.
    const answers = onboardingAnswersSchema.safeParse(parseJson(rows.onboarding.answers));
    if (answers.success) records.onboarding = { answers: answers.data, updatedAt: rows.onboarding.updatedAt };
  }
  return records;
}

function toCard(r: ReviewCard): ReviewCard {
  const { topic, lessonId, state, stability, difficulty, scheduledDays, learningSteps, reps, lapses, dueAt, lastReviewAt, misses, lastMissedAt } = r;
  return { topic, lessonId, state, stability, difficulty, scheduledDays, learningSteps, reps, lapses, dueAt, lastReviewAt, misses, lastMissedAt };
}
