import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "../db/generated/sqlite/client";
import type { Writes } from "./model";

// Stores the writes the progress model planned, one SQL statement per table (rows of a batch together), inside the
// caller's transaction. Profiled under load, a quiz attempt spent most of its CPU in Prisma's per-call work — ~0.3 ms
// per typed upsert, one per topic — and not in SQLite; these statements are the same upserts, made in few calls.
// The SQL is the subset SQLite and PostgreSQL share (quoted identifiers, INSERT … ON CONFLICT … DO UPDATE with
// `excluded`), so both databases keep one code path; Prisma turns the parameters into each one's placeholders and
// types. Columns Prisma fills in on its own (ids, @updatedAt, createdAt defaults) are given here explicitly.

type Tx = Pick<Prisma.TransactionClient, "$executeRaw">;

/** Each statement stays well under SQLite's and PostgreSQL's limits on bound parameters (32,766 and 65,535). */
const MAX_PARAMETERS = 10_000;

const newId = () => randomUUID();

/** One multi-row INSERT per chunk of rows: `head` is the statement up to VALUES, `tail` what follows the rows. */
async function insertRows(tx: Tx, head: Prisma.Sql, rows: unknown[][], tail: Prisma.Sql = Prisma.empty): Promise<void> {
  if (rows.length === 0) return;
  const perChunk = Math.max(1, Math.floor(MAX_PARAMETERS / rows[0]!.length));
  for (let i = 0; i < rows.length; i += perChunk) {
    const values = Prisma.join(rows.slice(i, i + perChunk).map((row) => Prisma.sql`(${Prisma.join(row)})`));
    await tx.$executeRaw`${head} VALUES ${values} ${tail}`;
  }
}

export async function storeWrites(tx: Tx, userId: string, writes: Writes): Promise<void> {
  const now = new Date();
  // Event ids first: a batch already applied stops here, at the unique index, before anything else is written.
  await insertRows(
    tx,
    Prisma.sql`INSERT INTO "ProgressEvent" ("id", "userId", "eventId", "createdAt")`,
    writes.eventIds.map((eventId) => [newId(), userId, eventId, now]),
  );
  await insertRows(
    tx,
    Prisma.sql`INSERT INTO "LessonProgress" ("id", "userId", "lessonId", "startedAt", "lastOpenedAt", "completedAt", "timeSpentSeconds")`,
    writes.lessons.map((l) => [newId(), userId, l.lessonId, l.startedAt, l.lastOpenedAt, l.completedAt, l.addSeconds]),
    // A lesson once completed stays completed: a write without a completion keeps the one recorded.
    Prisma.sql`ON CONFLICT ("userId", "lessonId") DO UPDATE SET "startedAt" = excluded."startedAt", "lastOpenedAt" = excluded."lastOpenedAt",
      "completedAt" = COALESCE(excluded."completedAt", "LessonProgress"."completedAt"),
      "timeSpentSeconds" = "LessonProgress"."timeSpentSeconds" + excluded."timeSpentSeconds"`,
  );
  await insertRows(
    tx,
    Prisma.sql`INSERT INTO "QuizAttempt" ("id", "userId", "quizId", "lessonId", "answers", "results", "score", "passed", "createdAt")`,
    writes.attempts.map((a) => [
      newId(),
      userId,
      a.quizId,
      a.lessonId,
      JSON.stringify(a.answers),
      // What was right per question, not the explanations: those are the quiz's, read from the content.
      JSON.stringify(a.results.map(({ questionId, correct, credit, topics }) => ({ questionId, correct, credit, topics }))),
      a.score,
      a.passed,
      a.at,
    ]),
  );
  await insertRows(
    tx,
    Prisma.sql`INSERT INTO "ExerciseSubmission" ("id", "userId", "exerciseId", "language", "code", "passed", "results", "createdAt")`,
    writes.submissions.map((s) => [newId(), userId, s.exerciseId, s.language, s.code, s.passed, JSON.stringify(s.results ?? null), s.at]),
  );
  await insertRows(
    tx,
    Prisma.sql`INSERT INTO "TopicMastery" ("id", "userId", "topic", "correct", "total", "updatedAt")`,
    writes.mastery.map((m) => [newId(), userId, m.topic, m.correct, m.total, now]),
    Prisma.sql`ON CONFLICT ("userId", "topic") DO UPDATE SET "correct" = "TopicMastery"."correct" + excluded."correct",
      "total" = "TopicMastery"."total" + excluded."total", "updatedAt" = excluded."updatedAt"`,
  );
  await insertRows(
    tx,
    Prisma.sql`INSERT INTO "ReviewItem" ("id", "userId", "topic", "lessonId", "state", "stability", "difficulty", "scheduledDays", "learningSteps",
      "reps", "lapses", "dueAt", "lastReviewAt", "misses", "lastMissedAt", "createdAt", "updatedAt")`,
    writes.reviews.map((c) => [
      newId(),
      userId,
      c.topic,
      c.lessonId,
      c.state,
      c.stability,
      c.difficulty,
      c.scheduledDays,
      c.learningSteps,
      c.reps,
      c.lapses,
      c.dueAt,
      c.lastReviewAt,
      c.misses,
      c.lastMissedAt,
      now,
      now,
    ]),
    Prisma.sql`ON CONFLICT ("userId", "topic") DO UPDATE SET "lessonId" = excluded."lessonId", "state" = excluded."state",
      "stability" = excluded."stability", "difficulty" = excluded."difficulty", "scheduledDays" = excluded."scheduledDays",
      "learningSteps" = excluded."learningSteps", "reps" = excluded."reps", "lapses" = excluded."lapses", "dueAt" = excluded."dueAt",
      "lastReviewAt" = excluded."lastReviewAt", "misses" = excluded."misses", "lastMissedAt" = excluded."lastMissedAt",
      "updatedAt" = excluded."updatedAt"`,
  );
  await insertRows(
    tx,
    Prisma.sql`INSERT INTO "ActivityDay" ("id", "userId", "day", "secondsSpent", "actions")`,
    writes.days.map((d) => [newId(), userId, d.day, d.seconds, d.actions]),
    Prisma.sql`ON CONFLICT ("userId", "day") DO UPDATE SET "secondsSpent" = "ActivityDay"."secondsSpent" + excluded."secondsSpent",
      "actions" = "ActivityDay"."actions" + excluded."actions"`,
  );
  const removed = writes.drafts.filter((d) => !d.draft).map((d) => d.key);
  if (removed.length) await tx.$executeRaw`DELETE FROM "CodeDraft" WHERE "userId" = ${userId} AND "key" IN (${Prisma.join(removed)})`;
  await insertRows(
    tx,
    Prisma.sql`INSERT INTO "CodeDraft" ("id", "userId", "key", "language", "code", "result", "updatedAt")`,
    writes.drafts.flatMap(({ key, draft }) =>
      draft ? [[newId(), userId, key, draft.language, draft.code, draft.result ? JSON.stringify(draft.result) : null, draft.updatedAt]] : [],
    ),
    Prisma.sql`ON CONFLICT ("userId", "key") DO UPDATE SET "language" = excluded."language", "code" = excluded."code",
      "result" = excluded."result", "updatedAt" = excluded."updatedAt"`,
  );
  if (writes.onboarding) {
    await insertRows(
      tx,
      Prisma.sql`INSERT INTO "OnboardingAnswers" ("userId", "answers", "updatedAt")`,
      [[userId, JSON.stringify(writes.onboarding.answers), writes.onboarding.updatedAt]],
      Prisma.sql`ON CONFLICT ("userId") DO UPDATE SET "answers" = excluded."answers", "updatedAt" = excluded."updatedAt"`,
    );
  }
}
