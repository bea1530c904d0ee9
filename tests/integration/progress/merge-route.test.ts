import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as guestBirth } from "@/app/api/progress/guest/route";
import { POST as mergeRoute } from "@/app/api/progress/merge/route";
import { getCatalog, getLessonById } from "@/lib/content/catalog";
import { loadExercise } from "@/lib/content/exercises";
import { dayKey } from "@/lib/days";
import { issueGuestBirth, verifiedGuestBirth } from "@/lib/progress/guest-birth";
import { progressSummary } from "@/lib/progress/use-cases";
import { fromAddress } from "../../support/client-address";
import { rightAnswer } from "../../support/quiz-answers";
import { DATABASES, signedInLearner, type TestDb } from "../../support/test-db";

// POST /api/progress/merge as an attacker would use it: a signed-in learner sending a forged guest state. The real
// catalog, the real sandboxed check, real SQLite and PostgreSQL. node/01-event-loop has a quiz and one JavaScript
// exercise.

process.env.NEXTAUTH_SECRET ??= "merge-route-test-secret-".padEnd(48, "x");

const LESSON = "node/01-event-loop";
const quiz = getLessonById(LESSON, getCatalog())!.quiz!;
const RIGHT = Object.fromEntries(quiz.questions.map((q) => [q.id, rightAnswer(q)]));
const inOrder = loadExercise(`${LESSON}/in-order`)!;
const HOUR = 3600_000;
let serial = 0;
const id = (prefix: string) => `${prefix}-${String(++serial).padStart(6, "0")}`;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

/** A guest state whose store the server sealed `bornMsAgo` ago (no seal when null). */
function guestState(bornMsAgo: number | null, entries: unknown[]) {
  const sealed = bornMsAgo === null ? { guestId: id("guest") } : issueGuestBirth(new Date(Date.now() - bornMsAgo));
  return { version: 2, ...sealed, entries };
}

const visit = (lessonId: string, seconds: number, at: string) => ({ event: { type: "visit", id: id("visit"), lessonId, seconds, at } });
const quizEntry = (answers: unknown, at: string) => ({ event: { type: "quiz", id: id("attempt"), quizId: LESSON, answers, at }, shown: { score: 1, passed: true } });
const exerciseEntry = (code: string, at = ago(60_000), exerciseId = inOrder.id) => ({
  event: { type: "exercise", id: id("exercise"), exerciseId, language: inOrder.language, code, at },
  shown: { passed: true },
});

describe("GET /api/progress/guest", () => {
  it("seals a new store's birth; the seal holds for that id and instant only", async () => {
    const response = await guestBirth(new Request("http://localhost/api/progress/guest"));
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
    const { userId, as } = await signedInLearner(t.db, "merge");
    const handler = as(mergeRoute);
    counter += 1;
    const merge = async (state: unknown) => {
      const response = await handler(
        new Request("http://localhost/api/progress/merge", {
          method: "POST",
          headers: { "content-type": "application/json", ...fromAddress(`10.9.${counter}.1`) },
          body: JSON.stringify(state),
        }),
      );
      return { status: response.status, body: (await response.json()) as { merged: { events: number; skipped: string[]; unconfirmedExercises: string[] }; error: string } };
    };
    const lesson = () => t.db.lessonProgress.findUnique({ where: { userId_lessonId: { userId, lessonId: LESSON } } });
    const summary = (now = new Date()) => progressSummary({ userId }, { db: t.db, now });
    return { userId, merge, lesson, summary };
  };

  it("refuses a guest (401) and a state the schema refuses (400), storing nothing", async () => {
    const guestHandler = mergeRoute.withDeps({ currentUser: async () => null, db: t.db });
    const request = (body: unknown) => new Request("http://localhost/api/progress/merge", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    expect((await guestHandler(request(guestState(HOUR, [])))).status).toBe(401);
    const { merge } = await learner();
    expect((await merge({ ...guestState(HOUR, []), version: 3 })).status).toBe(400);
    expect((await merge(guestState(HOUR, [visit(LESSON, 5 * 3600, ago(60_000))]))).status).toBe(400);
    expect(await t.db.progressEvent.count()).toBe(0);
  });

  it("a passing quiz alone does not complete a lesson whose exercise has no passing check", async () => {
    const { merge, lesson, summary } = await learner();
    expect((await merge(guestState(HOUR, [quizEntry(RIGHT, ago(10 * 60_000))]))).status).toBe(200);
    expect((await lesson())?.completedAt).toBeNull();
    expect((await summary()).lessonsCompleted).toBe(0);
  });

  it("a claimed pass whose code fails the server's check is not stored as passed", async () => {
    const { userId, merge } = await learner();
    const { status, body } = await merge(guestState(HOUR, [exerciseEntry(inOrder.starter)]));
    expect(status).toBe(200);
    expect(body.merged.unconfirmedExercises).toEqual([inOrder.id]);
    const rows = await t.db.exerciseSubmission.findMany({ where: { userId } });
    expect(rows.map((r) => r.passed)).toEqual([false]);
    expect(JSON.parse(rows[0]!.results)).toEqual(expect.arrayContaining([expect.objectContaining({ passed: false })]));
  });

  it("passing code is checked, stored as passed, and with the quiz completes the lesson", async () => {
    const { userId, merge, lesson } = await learner();
    const exercise = exerciseEntry(inOrder.solution, ago(5 * 60_000));
    const { status, body } = await merge(guestState(HOUR, [quizEntry(RIGHT, ago(30 * 60_000)), exercise]));
    expect(status).toBe(200);
    expect(body.merged).toEqual({ events: 2, skipped: [], unconfirmedExercises: [] });
    const rows = await t.db.exerciseSubmission.findMany({ where: { userId } });
    expect(rows.map((r) => [r.exerciseId, r.passed, r.code])).toEqual([[inOrder.id, true, inOrder.solution]]);
    // The stored results are the server's check, test by test.
    expect(JSON.parse(rows[0]!.results).map((r: { name: string }) => r.name)).toEqual(inOrder.tests.map((test) => test.name));
    // Completed when the last requirement first passed: the quiz 30 minutes ago, the exercise 5.
    expect((await lesson())?.completedAt?.toISOString()).toBe(exercise.event.at);
  });

  it.each([
    ["lesson", visit("node/99-made-up", 60, ago(60_000)), "visit:"],
    ["quiz", { event: { type: "quiz", id: "attempt-made-up", quizId: "python/99-second", answers: {}, at: ago(60_000) } }, "quiz:attempt-made-up"],
    ["exercise", exerciseEntry("x", ago(60_000), `${LESSON}/made-up`), "exercise:"],
  ])("an unknown %s id is skipped and named; the rest of the state is merged", async (_what, entry, key) => {
    const { userId, merge } = await learner();
    const { status, body } = await merge(guestState(HOUR, [visit(LESSON, 60, ago(60_000)), entry]));
    expect(status).toBe(200);
    expect(body.merged.events).toBe(1);
    expect(body.merged.skipped).toEqual([expect.stringContaining(key)]);
    expect(body.merged.skipped[0]).toBe(`${entry.event.type}:${entry.event.id}`);
    expect(await t.db.lessonProgress.findMany({ where: { userId }, select: { lessonId: true } })).toEqual([{ lessonId: LESSON }]);
    expect(await t.db.progressEvent.count({ where: { userId } })).toBe(1);
    expect(await t.db.quizAttempt.count({ where: { userId } })).toBe(0);
    expect(await t.db.exerciseSubmission.count({ where: { userId } })).toBe(0);
  });

  it("120 hours in one request are bounded by the time since the store's sealed birth", async () => {
    const { merge, lesson, summary } = await learner();
    const visits = () => Array.from({ length: 30 }, (_, i) => visit(LESSON, 4 * 3600, ago(i * 4 * HOUR)));
    expect((await merge(guestState(HOUR, visits()))).status).toBe(200);
    const seconds = (await lesson())!.timeSpentSeconds;
    expect(seconds).toBeGreaterThan(3500);
    expect(seconds).toBeLessThanOrEqual(3600);
    expect((await summary()).totalSeconds).toBe(seconds);

    // A store without a seal (or with a forged one) can vouch for no time at all.
    const other = await learner();
    const sealed = issueGuestBirth(new Date(Date.now() - HOUR));
    const forged = { ...guestState(null, visits()), guestId: sealed.guestId, birth: { ...sealed.birth, at: ago(200 * HOUR) } };
    expect((await other.merge(forged)).status).toBe(200);
    expect((await other.merge(guestState(null, visits()))).status).toBe(200);
    expect((await other.lesson())!.timeSpentSeconds).toBe(0);
  });

  it("a 30-day streak in one request is not accepted: days before the store's birth do not exist", async () => {
    const { merge, summary } = await learner();
    const visits = Array.from({ length: 30 }, (_, i) => visit(LESSON, 600, ago(i * 24 * HOUR)));
    const bornMsAgo = 60_000;
    expect((await merge(guestState(bornMsAgo, visits))).status).toBe(200);
    const now = new Date();
    const possible = dayKey(new Date(now.getTime() - bornMsAgo)) === dayKey(now) ? 1 : 2;
    const s = await summary(now);
    expect(s.streak.current).toBeLessThanOrEqual(possible);
    expect(s.activity.length).toBeLessThanOrEqual(possible);
    expect(s.activity.every((d) => d.day <= dayKey(now))).toBe(true);
  });

  it("merging the same state twice changes nothing and runs no code again", async () => {
    const { userId, merge } = await learner();
    const solved = exerciseEntry(inOrder.solution, ago(30_000));
    const state = guestState(2 * HOUR, [visit(LESSON, 900, ago(30 * 60_000)), quizEntry(RIGHT, ago(20 * 60_000)), exerciseEntry(inOrder.starter), solved]);
    const snapshot = async () =>
      Promise.all([
        t.db.lessonProgress.findMany({ where: { userId }, select: { lessonId: true, timeSpentSeconds: true, completedAt: true, startedAt: true } }),
        t.db.quizAttempt.count({ where: { userId } }),
        t.db.exerciseSubmission.findMany({ where: { userId }, select: { exerciseId: true, passed: true, code: true }, orderBy: { createdAt: "asc" } }),
        t.db.activityDay.findMany({ where: { userId }, select: { day: true, secondsSpent: true, actions: true } }),
      ]);
    const first = await merge(state);
    // Only the latest claimed pass per exercise is checked; the earlier one is a claim nothing confirms, so not stored.
    expect(first.body.merged).toEqual({ events: 3, skipped: [], unconfirmedExercises: [] });
    const once = await snapshot();
    expect(once[0]).toMatchObject([{ timeSpentSeconds: 900, completedAt: new Date(solved.event.at) }]);
    expect(once[2]).toEqual([{ exerciseId: inOrder.id, passed: true, code: inOrder.solution }]);
    const second = await merge(state);
    expect(second.body.merged).toEqual({ events: 0, skipped: [], unconfirmedExercises: [] });
    expect(await snapshot()).toEqual(once);
  });
});
