import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { applyMigrations } from "@/scripts/db/migrate-lib";
import { DATABASES, type TestDb } from "../../support/test-db";

// Every model a learner owns, written through the real client on both providers.
async function seedLearner(db: TestDb["db"], email: string) {
  const user = await db.user.create({ data: { email, name: "Ada" } });
  const userId = user.id;
  await db.account.create({ data: { userId, type: "oauth", provider: "github", providerAccountId: `gh-${email}` } });
  await db.session.create({ data: { userId, sessionToken: `tok-${email}`, expires: new Date(Date.now() + 60_000) } });
  await db.onboardingAnswers.create({ data: { userId, answers: JSON.stringify({ background: "frontend-js" }) } });
  await db.lessonProgress.create({ data: { userId, lessonId: "go/01-goroutines", timeSpentSeconds: 120 } });
  await db.quizAttempt.create({
    data: { userId, quizId: "go/01-goroutines", lessonId: "go/01-goroutines", answers: "{}", results: "[]", score: 0.5, passed: false },
  });
  await db.exerciseSubmission.create({
    data: { userId, exerciseId: "go/01-goroutines/sum", language: "go", code: "package main", passed: true, results: "[]" },
  });
  await db.codeDraft.create({ data: { userId, key: "go/01-goroutines/hello", language: "go", code: "// mine" } });
  await db.reviewItem.create({ data: { userId, topic: "goroutines", dueAt: new Date() } });
  await db.topicMastery.create({ data: { userId, topic: "goroutines", correct: 1, total: 2 } });
  return userId;
}

const OWNED = ["account", "session", "onboardingAnswers", "lessonProgress", "quizAttempt", "exerciseSubmission", "codeDraft", "reviewItem", "topicMastery"] as const;

async function countOwned(db: TestDb["db"], userId: string) {
  const counts: Record<string, number> = {};
  for (const model of OWNED) {
    counts[model] = await (db[model] as unknown as { count: (a: object) => Promise<number> }).count({ where: { userId } });
  }
  return counts;
}

describe.each(DATABASES)("data layer on $name", ({ open }) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
  });
  afterAll(async () => t?.cleanup());

  it("stores and reads back every kind of learner data", async () => {
    const userId = await seedLearner(t.db, "ada@example.com");
    expect(Object.values(await countOwned(t.db, userId))).toEqual(OWNED.map(() => 1));
    const progress = await t.db.lessonProgress.findUnique({ where: { userId_lessonId: { userId, lessonId: "go/01-goroutines" } } });
    expect(progress?.timeSpentSeconds).toBe(120);
    expect(progress?.completedAt).toBeNull();
  });

  it("deleting a user deletes all their data and nobody else's", async () => {
    const ada = (await t.db.user.findUniqueOrThrow({ where: { email: "ada@example.com" } })).id;
    const babbage = await seedLearner(t.db, "babbage@example.com");
    await t.db.user.delete({ where: { id: ada } });
    expect(Object.values(await countOwned(t.db, ada))).toEqual(OWNED.map(() => 0));
    expect(Object.values(await countOwned(t.db, babbage))).toEqual(OWNED.map(() => 1));
  });

  it("enforces one account per email and one draft per (learner, example)", async () => {
    await expect(t.db.user.create({ data: { email: "babbage@example.com" } })).rejects.toMatchObject({ code: "P2002" });
    const { id } = await t.db.user.findUniqueOrThrow({ where: { email: "babbage@example.com" } });
    await expect(
      t.db.codeDraft.create({ data: { userId: id, key: "go/01-goroutines/hello", language: "go", code: "" } }),
    ).rejects.toMatchObject({ code: "P2002" });
  });

  it("a duplicate written with raw SQL is a unique violation too (the progress ledger writes that way)", async () => {
    const { id } = await t.db.user.findUniqueOrThrow({ where: { email: "babbage@example.com" } });
    const insert = (rowId: string) => t.db.$executeRaw`INSERT INTO "ProgressEvent" ("id", "userId", "eventId", "createdAt") VALUES (${rowId}, ${id}, ${"quiz:twice"}, ${new Date()})`;
    await insert("raw-1");
    const error: unknown = await insert("raw-2").catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(await t.db.$executeRaw`INSERT INTO "Nowhere" VALUES (1)`.catch((e: unknown) => e))).toBe(false);
  });

  it("re-applying migrations is a no-op", async () => {
    // As npm start does, with nothing else connected: an open SQLite connection in WAL mode holds a shared lock.
    await t.db.$disconnect();
    await expect(applyMigrations(t.target)).resolves.toEqual([]);
  });
});
