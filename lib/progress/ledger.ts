import "server-only";
import { codeLanguageSchema } from "../course/vocabulary";
import { db as defaultDb, type Db } from "../db/client";
import type { Prisma } from "../db/generated/sqlite/client";
import { isUniqueViolation } from "../db/unique-violation";
import { onboardingAnswersSchema } from "../path/schema";
import { draftResultSchema } from "./events";
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
  // A query for an empty scope would only read nothing.
  const none = () => Promise.resolve([] as never[]);
  const [applied, lessons, attempts, submissions, reviews, days, drafts, onboarding] = await Promise.all([
    scope.eventIds.length ? tx.progressEvent.findMany({ where: { userId, eventId: { in: scope.eventIds } }, select: { eventId: true } }) : none(),
    scope.lessonIds.length ? tx.lessonProgress.findMany({ where: { userId, lessonId: { in: scope.lessonIds } } }) : none(),
    scope.lessonIds.length
      ? tx.quizAttempt.findMany({ where: { userId, quizId: { in: scope.lessonIds } }, select: { quizId: true, score: true, passed: true, createdAt: true } })
      : none(),
    scope.exerciseIds.length
      ? tx.exerciseSubmission.findMany({ where: { userId, exerciseId: { in: scope.exerciseIds }, passed: true }, select: { exerciseId: true, passed: true, createdAt: true } })
      : none(),
    scope.topics.length ? tx.reviewItem.findMany({ where: { userId, topic: { in: scope.topics } } }) : none(),
    tx.activityDay.findMany({ where: { userId, day: { gte: scope.days.from, lte: scope.days.to } } }),
    scope.draftKeys.length ? tx.codeDraft.findMany({ where: { userId, key: { in: scope.draftKeys } } }) : none(),
    scope.onboarding ? tx.onboardingAnswers.findUnique({ where: { userId } }) : Promise.resolve(null),
  ]);
  return toRecords({ applied, lessons, attempts, submissions, reviews, days, drafts, onboarding });
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

async function storeWrites(tx: Tx, userId: string, writes: Writes) {
  if (writes.eventIds.length) await tx.progressEvent.createMany({ data: writes.eventIds.map((eventId) => ({ userId, eventId })) });
  for (const l of writes.lessons) {
    const fields = { startedAt: l.startedAt, lastOpenedAt: l.lastOpenedAt, ...(l.completedAt ? { completedAt: l.completedAt } : {}) };
    await tx.lessonProgress.upsert({
      where: { userId_lessonId: { userId, lessonId: l.lessonId } },
      create: { userId, lessonId: l.lessonId, ...fields, timeSpentSeconds: l.addSeconds },
      update: { ...fields, timeSpentSeconds: { increment: l.addSeconds } },
    });
  }
  if (writes.attempts.length) {
    await tx.quizAttempt.createMany({
      data: writes.attempts.map((a) => ({
        userId,
        quizId: a.quizId,
        lessonId: a.lessonId,
        answers: JSON.stringify(a.answers),
        // What was right per question, not the explanations: those are the quiz's, read from the content.
        results: JSON.stringify(a.results.map(({ questionId, correct, credit, topics }) => ({ questionId, correct, credit, topics }))),
        score: a.score,
        passed: a.passed,
        createdAt: a.at,
      })),
    });
  }
  if (writes.submissions.length) {
    await tx.exerciseSubmission.createMany({
      data: writes.submissions.map((s) => ({
        userId,
        exerciseId: s.exerciseId,
        language: s.language,
        code: s.code,
        passed: s.passed,
        results: JSON.stringify(s.results ?? null),
        createdAt: s.at,
      })),
    });
  }
  for (const m of writes.mastery) {
    await tx.topicMastery.upsert({
      where: { userId_topic: { userId, topic: m.topic } },
      create: { userId, topic: m.topic, correct: m.correct, total: m.total },
      update: { correct: { increment: m.correct }, total: { increment: m.total } },
    });
  }
  for (const card of writes.reviews) {
    const { topic, ...fields } = card;
    await tx.reviewItem.upsert({ where: { userId_topic: { userId, topic } }, create: { userId, topic, ...fields }, update: fields });
  }
  for (const d of writes.days) {
    await tx.activityDay.upsert({
      where: { userId_day: { userId, day: d.day } },
      create: { userId, day: d.day, secondsSpent: d.seconds, actions: d.actions },
      update: { secondsSpent: { increment: d.seconds }, actions: { increment: d.actions } },
    });
  }
  for (const { key, draft } of writes.drafts) {
    if (!draft) {
      await tx.codeDraft.deleteMany({ where: { userId, key } });
      continue;
    }
    const fields = { language: draft.language, code: draft.code, result: draft.result ? JSON.stringify(draft.result) : null, updatedAt: draft.updatedAt };
    await tx.codeDraft.upsert({ where: { userId_key: { userId, key } }, create: { userId, key, ...fields }, update: fields });
  }
  if (writes.onboarding) {
    const fields = { answers: JSON.stringify(writes.onboarding.answers), updatedAt: writes.onboarding.updatedAt };
    await tx.onboardingAnswers.upsert({ where: { userId }, create: { userId, ...fields }, update: fields });
  }
}
