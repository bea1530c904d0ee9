import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import { SQLITE_PRAGMAS } from "@/lib/db/create";
import type { Writes } from "@/lib/progress/model";

// The baseline of the progress-write figures: the rows the ledger writes for one quiz attempt (event id, attempt,
// lesson, mastery, review cards, activity day — lib/progress/ledger.ts storeWrites), written straight through the
// driver under the app's Prisma adapter, one transaction per attempt, with no reads, no Prisma and no HTTP. The gap
// between it and the app is what the app costs.

type Statement = { sql: string; args: unknown[] };

/** Writes one attempt's rows in one transaction. */
export type RawWriter = { write: (userId: string, writes: Writes) => Promise<void>; close: () => Promise<void> };

const id = () => randomUUID().replaceAll("-", "");

/** The same upserts Prisma's storeWrites makes, in the SQL both SQLite and PostgreSQL accept (`?` placeholders). */
function statements(userId: string, writes: Writes, at: (d: Date | null) => unknown, bool: (b: boolean) => unknown): Statement[] {
  const out: Statement[] = [];
  for (const eventId of writes.eventIds) out.push({ sql: `INSERT INTO "ProgressEvent" ("id","userId","eventId","createdAt") VALUES (?,?,?,?)`, args: [id(), userId, eventId, at(new Date())] });
  for (const l of writes.lessons) {
    out.push({
      sql: `INSERT INTO "LessonProgress" ("id","userId","lessonId","startedAt","lastOpenedAt","completedAt","timeSpentSeconds") VALUES (?,?,?,?,?,?,?)
            ON CONFLICT ("userId","lessonId") DO UPDATE SET "startedAt"=excluded."startedAt","lastOpenedAt"=excluded."lastOpenedAt",
            "completedAt"=COALESCE(excluded."completedAt","LessonProgress"."completedAt"),"timeSpentSeconds"="LessonProgress"."timeSpentSeconds"+excluded."timeSpentSeconds"`,
      args: [id(), userId, l.lessonId, at(l.startedAt), at(l.lastOpenedAt), at(l.completedAt), l.addSeconds],
    });
  }
  for (const a of writes.attempts) {
    const results = a.results.map(({ questionId, correct, credit, topics }) => ({ questionId, correct, credit, topics }));
    out.push({
      sql: `INSERT INTO "QuizAttempt" ("id","userId","quizId","lessonId","answers","results","score","passed","createdAt") VALUES (?,?,?,?,?,?,?,?,?)`,
      args: [id(), userId, a.quizId, a.lessonId, JSON.stringify(a.answers), JSON.stringify(results), a.score, bool(a.passed), at(a.at)],
    });
  }
  for (const m of writes.mastery) {
    out.push({
      sql: `INSERT INTO "TopicMastery" ("id","userId","topic","correct","total","updatedAt") VALUES (?,?,?,?,?,?)
            ON CONFLICT ("userId","topic") DO UPDATE SET "correct"="TopicMastery"."correct"+excluded."correct","total"="TopicMastery"."total"+excluded."total","updatedAt"=excluded."updatedAt"`,
      args: [id(), userId, m.topic, m.correct, m.total, at(new Date())],
    });
  }
  for (const c of writes.reviews) {
    const now = at(new Date());
    out.push({
      sql: `INSERT INTO "ReviewItem" ("id","userId","topic","lessonId","state","stability","difficulty","scheduledDays","learningSteps","reps","lapses","dueAt","lastReviewAt","misses","lastMissedAt","createdAt","updatedAt")
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
            ON CONFLICT ("userId","topic") DO UPDATE SET "lessonId"=excluded."lessonId","state"=excluded."state","stability"=excluded."stability",
            "difficulty"=excluded."difficulty","scheduledDays"=excluded."scheduledDays","learningSteps"=excluded."learningSteps","reps"=excluded."reps",
            "lapses"=excluded."lapses","dueAt"=excluded."dueAt","lastReviewAt"=excluded."lastReviewAt","misses"=excluded."misses",
            "lastMissedAt"=excluded."lastMissedAt","updatedAt"=excluded."updatedAt"`,
      args: [id(), userId, c.topic, c.lessonId, c.state, c.stability, c.difficulty, c.scheduledDays, c.learningSteps, c.reps, c.lapses, at(c.dueAt), at(c.lastReviewAt), c.misses, at(c.lastMissedAt), now, now],
    });
  }
  for (const d of writes.days) {
    out.push({
      sql: `INSERT INTO "ActivityDay" ("id","userId","day","secondsSpent","actions") VALUES (?,?,?,?,?)
            ON CONFLICT ("userId","day") DO UPDATE SET "secondsSpent"="ActivityDay"."secondsSpent"+excluded."secondsSpent","actions"="ActivityDay"."actions"+excluded."actions"`,
      args: [id(), userId, d.day, d.seconds, d.actions],
    });
  }
  return out;
}

/** better-sqlite3 on the server's file, opened as lib/db opens it (same pragmas); statements prepared once each. */
export function sqliteWriter(file: string): RawWriter {
  const db = new Database(file, { timeout: 5000 });
  for (const pragma of SQLITE_PRAGMAS) db.pragma(pragma);
  const prepared = new Map<string, Database.Statement>();
  // The adapter's format for DateTime columns (ISO 8601 with +00:00).
  const at = (d: Date | null) => d && d.toISOString().replace("Z", "+00:00");
  const write = db.transaction((userId: string, writes: Writes) => {
    for (const { sql, args } of statements(userId, writes, at, (b) => (b ? 1 : 0))) {
      let statement = prepared.get(sql);
      if (!statement) prepared.set(sql, (statement = db.prepare(sql)));
      statement.run(...args);
    }
  });
  return { write: async (userId, writes) => write(userId, writes), close: async () => void db.close() };
}

/** pg with a pool of the size @prisma/adapter-pg uses (pg's default, 10). */
export function pgWriter(url: string): RawWriter {
  const pool = new pg.Pool({ connectionString: url });
  const numbered = (sql: string) => {
    let n = 0;
    return sql.replace(/\?/g, () => `$${++n}`);
  };
  return {
    write: async (userId, writes) => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        for (const { sql, args } of statements(userId, writes, (d) => d, (b) => b)) await client.query(numbered(sql), args);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
