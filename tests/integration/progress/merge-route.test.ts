import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMergeHandler } from "@/app/api/progress/merge/handler";
import { GET as guestBirth } from "@/app/api/progress/guest/route";
import { loadCatalog } from "@/lib/content/catalog";
import { loadExercise } from "@/lib/content/exercises";
import { issueGuestBirth, verifiedGuestBirth } from "@/lib/progress/guest-birth";
import { dayKey } from "@/lib/days";
import { getProgressSummary } from "@/lib/progress/summary";
import { fromAddress } from "../../support/client-address";
import { DATABASES, type TestDb } from "../../support/test-db";

// POST /api/progress/merge as an attacker would use it: a signed-in learner sending a forged guest state. Real
// catalog lookups (the fixture course), the real sandboxed check, real SQLite and PostgreSQL. The fixture lesson
// node/01-first has a quiz and two exercises (JavaScript and Python).

process.env.NEXTAUTH_SECRET ??= "merge-route-test-secret-".padEnd(48, "x");

const catalog = loadCatalog(path.resolve(import.meta.dirname, "../../fixtures/content/valid/lessons"));
const LESSON = "node/01-first";
const RIGHT = { "pick-one": "a", both: ["a", "b"] };
const double = loadExercise(`${LESSON}/double`, catalog)!;
const greet = loadExercise(`${LESSON}/greet`, catalog)!;
const HOUR = 3600_000;
let serial = 0;
const id = (prefix: string) => `${prefix}-${String(++serial).padStart(6, "0")}`;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

/** A guest state whose store the server sealed `bornMsAgo` ago (no seal when null). */
function guestState(bornMsAgo: number | null, records: Record<string, unknown[]>) {
  const sealed = bornMsAgo === null ? { guestId: id("guest") } : issueGuestBirth(new Date(Date.now() - bornMsAgo));
  return { version: 1, ...sealed, lessons: [], visits: [], quizAttempts: [], exercises: [], ...records };
}

const exerciseRecord = (exercise: typeof double, code: string, passed = true) => ({
  id: id("exercise"),
  exerciseId: exercise.id,
  lessonId: LESSON,
  language: exercise.language,
  passed,
  code,
  at: ago(60_000),
});

describe("GET /api/progress/guest", () => {
  it("seals a new store's birth; the seal holds for that id and instant only", async () => {
    const response = await guestBirth();
    expect(response.headers.get("cache-control")).toBe("no-store");
    const sealed = (await response.json()) as { guestId: string; birth: { at: string; seal: string } };
    expect(Math.abs(Date.parse(sealed.birth.at) - Date.now())).toBeLessThan(10_000);
    expect(verifiedGuestBirth(sealed)?.toISOString()).toBe(sealed.birth.at);
    expect(verifiedGuestBirth({ ...sealed, guestId: "someone-else" })).toBeNull();
    expect(verifiedGuestBirth({ ...sealed, birth: { ...sealed.birth, at: "2026-01-01T00:00:00.000Z" } })).toBeNull();
  });
});

describe.each(DATABASES)("POST /api/progress/merge on $name", ({ open }) => {
  let t: TestDb;
  let counter = 0;

  beforeAll(async () => {
    t = await open();
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  const learner = async () => {
    const { id: userId } = await t.db.user.create({ data: { email: `merge-${++counter}@example.com` } });
    const handler = createMergeHandler({ currentUser: async () => ({ id: userId }), client: t.db, catalog: () => catalog });
    const merge = async (state: unknown) => {
      const response = await handler(
        new Request("http://localhost/api/progress/merge", {
          method: "POST",
          headers: { "content-type": "application/json", ...fromAddress(`10.9.${counter}.1`) },
          body: JSON.stringify(state),
        }),
      );
      return { status: response.status, body: (await response.json()) as { merged: Record<string, unknown>; error: string } };
    };
    const lesson = () => t.db.lessonProgress.findUnique({ where: { userId_lessonId: { userId, lessonId: LESSON } } });
    return { userId, merge, lesson };
  };

  it("a completedAt with no passing quiz attempt completes nothing", async () => {
    const { userId, merge, lesson } = await learner();
    const claim = { lessonId: LESSON, firstOpenedAt: ago(30 * 60_000), lastOpenedAt: ago(20 * 60_000), completedAt: ago(20 * 60_000) };
    expect((await merge(guestState(HOUR, { lessons: [claim] }))).status).toBe(200);
    expect((await lesson())?.completedAt).toBeNull();
    // A passing quiz alone does not complete a lesson whose exercises have no passing check either.
    const quiz = { id: id("attempt"), quizId: LESSON, lessonId: LESSON, answers: RIGHT, at: ago(10 * 60_000), passed: true, score: 1 };
    expect((await merge(guestState(HOUR, { lessons: [claim], quizAttempts: [quiz] }))).status).toBe(200);
    expect((await lesson())?.completedAt).toBeNull();
    expect((await getProgressSummary({ userId }, t.db)).lessonsCompleted).toBe(0);
  });

  it("a claimed pass whose code fails the server's check is not stored as passed", async () => {
    const { userId, merge } = await learner();
    const { status, body } = await merge(guestState(HOUR, { exercises: [exerciseRecord(double, double.starter)] }));
    expect(status).toBe(200);
    expect(body.merged.unconfirmedExercises).toEqual([double.id]);
    const rows = await t.db.exerciseSubmission.findMany({ where: { userId } });
    expect(rows.map((r) => r.passed)).toEqual([false]);
    expect(JSON.parse(rows[0]!.results)).toEqual(expect.arrayContaining([expect.objectContaining({ passed: false })]));
  });

  it("passing code is checked, stored as passed, and with the quiz completes the lesson", async () => {
    const { userId, merge, lesson } = await learner();
    const quiz = { id: id("attempt"), quizId: LESSON, lessonId: LESSON, answers: RIGHT, at: ago(30 * 60_000) };
    const exercises = [exerciseRecord(double, double.solution), { ...exerciseRecord(greet, greet.solution), at: ago(5 * 60_000) }];
    const { status, body } = await merge(guestState(HOUR, { quizAttempts: [quiz], exercises }));
    expect(status).toBe(200);
    expect(body.merged).toMatchObject({ attempts: 1, exercises: 2, unconfirmedExercises: [] });
    const rows = await t.db.exerciseSubmission.findMany({ where: { userId }, orderBy: { exerciseId: "asc" } });
    expect(rows.map((r) => [r.exerciseId, r.passed])).toEqual([
      [double.id, true],
      [greet.id, true],
    ]);
    // The stored results are the server's check, test by test.
    expect(JSON.parse(rows[0]!.results).map((r: { name: string }) => r.name)).toEqual(double.tests.map((test) => test.name));
    // Completed when the last requirement first passed: the quiz 30 minutes ago, greet 5, double 1.
    expect((await lesson())?.completedAt?.toISOString()).toBe(exercises[0]!.at);
  });

  it.each([
    ["lesson", { visits: [{ id: "visit-made-up", lessonId: "node/99-made-up", seconds: 60, at: ago(60_000) }] }, /node\/99-made-up/],
    ["lesson record", { lessons: [{ lessonId: "gamma/01-nowhere", firstOpenedAt: ago(60_000), lastOpenedAt: ago(60_000) }] }, /gamma\/01-nowhere/],
    ["quiz", { quizAttempts: [{ id: "attempt-made-up", quizId: "python/01-second", lessonId: "python/01-second", answers: {}, at: ago(60_000) }] }, /quiz "python\/01-second"/],
    ["exercise", { exercises: [{ ...exerciseRecord(double, "x"), exerciseId: `${LESSON}/made-up` }] }, /node\/01-first\/made-up/],
  ])("an unknown %s id is refused with a 400 naming it, and nothing is stored", async (_what, records, message) => {
    const { userId, merge } = await learner();
    const valid = { id: id("visit"), lessonId: LESSON, seconds: 60, at: ago(60_000) };
    const state = guestState(HOUR, { ...records, visits: [valid, ...((records as { visits?: unknown[] }).visits ?? [])] });
    const { status, body } = await merge(state);
    expect(status).toBe(400);
    expect(body.error).toMatch(message);
    const where = { userId };
    const stored = await Promise.all([t.db.lessonProgress.count({ where }), t.db.progressEvent.count({ where }), t.db.activityDay.count({ where })]);
    expect(stored).toEqual([0, 0, 0]);
  });

  it("120 hours in one request are bounded by the time since the store's sealed birth", async () => {
    const { userId, merge, lesson } = await learner();
    const visits = Array.from({ length: 30 }, (_, i) => ({ id: id("visit"), lessonId: LESSON, seconds: 4 * 3600, at: ago(i * 4 * HOUR) }));
    expect((await merge(guestState(HOUR, { visits }))).status).toBe(200);
    const seconds = (await lesson())!.timeSpentSeconds;
    expect(seconds).toBeGreaterThan(3500);
    expect(seconds).toBeLessThanOrEqual(3600);
    expect((await getProgressSummary({ userId }, t.db)).totalSeconds).toBe(seconds);

    // A store without a seal (or with a forged one) can vouch for no time at all.
    const other = await learner();
    const sealed = issueGuestBirth(new Date(Date.now() - HOUR));
    const forged = guestState(null, { visits: visits.map((v) => ({ ...v, id: id("visit") })) });
    Object.assign(forged, { guestId: sealed.guestId, birth: { ...sealed.birth, at: ago(200 * HOUR) } });
    expect((await other.merge(forged)).status).toBe(200);
    expect((await other.merge(guestState(null, { visits: visits.map((v) => ({ ...v, id: id("visit") })) }))).status).toBe(200);
    expect((await other.lesson())!.timeSpentSeconds).toBe(0);
  });

  it("a 30-day streak in one request is not accepted: days before the store's birth do not exist", async () => {
    const { userId, merge } = await learner();
    const visits = Array.from({ length: 30 }, (_, i) => ({ id: id("visit"), lessonId: LESSON, seconds: 600, at: ago(i * 24 * HOUR) }));
    const bornMsAgo = 60_000;
    expect((await merge(guestState(bornMsAgo, { visits }))).status).toBe(200);
    const now = new Date();
    const possible = dayKey(new Date(now.getTime() - bornMsAgo)) === dayKey(now) ? 1 : 2;
    const summary = await getProgressSummary({ userId, now }, t.db);
    expect(summary.streak.current).toBeLessThanOrEqual(possible);
    expect(summary.activity.length).toBeLessThanOrEqual(possible);
    expect(summary.activity.every((d) => d.day <= dayKey(now))).toBe(true);
  });

  it("merging the same state twice changes nothing", async () => {
    const { userId, merge } = await learner();
    const state = guestState(2 * HOUR, {
      lessons: [{ lessonId: LESSON, firstOpenedAt: ago(HOUR), lastOpenedAt: ago(10 * 60_000), completedAt: ago(10 * 60_000) }],
      visits: [{ id: id("visit"), lessonId: LESSON, seconds: 900, at: ago(30 * 60_000) }],
      quizAttempts: [{ id: id("attempt"), quizId: LESSON, lessonId: LESSON, answers: RIGHT, at: ago(20 * 60_000) }],
      exercises: [exerciseRecord(double, double.solution), exerciseRecord(greet, greet.starter)],
    });
    const snapshot = async () =>
      Promise.all([
        t.db.lessonProgress.findMany({ where: { userId }, select: { lessonId: true, timeSpentSeconds: true, completedAt: true, startedAt: true } }),
        t.db.quizAttempt.count({ where: { userId } }),
        t.db.exerciseSubmission.findMany({ where: { userId }, select: { exerciseId: true, passed: true }, orderBy: { exerciseId: "asc" } }),
        t.db.activityDay.findMany({ where: { userId }, select: { day: true, secondsSpent: true, actions: true } }),
      ]);
    const first = await merge(state);
    expect(first.body.merged).toMatchObject({ attempts: 1, visits: 1, exercises: 2, unconfirmedExercises: [greet.id] });
    const once = await snapshot();
    expect(once[0]).toMatchObject([{ timeSpentSeconds: 900, completedAt: null }]);
    const second = await merge(state);
    expect(second.body.merged).toEqual({ attempts: 0, visits: 0, exercises: 0, lessons: 0, unconfirmedExercises: [] });
    expect(await snapshot()).toEqual(once);
  });
});
