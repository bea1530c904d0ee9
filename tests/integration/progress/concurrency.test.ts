import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postAttempt } from "@/app/api/quizzes/[track]/[lesson]/attempts/route";
import { POST as postMerge } from "@/app/api/progress/merge/route";
import { POST as postVisit } from "@/app/api/progress/route";
import { getCatalog, getLessonById } from "@/lib/content/catalog";
import { loadExercise } from "@/lib/content/exercises";
import { issueGuestBirth } from "@/lib/progress/guest-birth";
import { fromAddress } from "../../support/client-address";
import { rightAnswer } from "../../support/quiz-answers";
import { DATABASES, signedInLearner, type TestDb } from "../../support/test-db";

// The same write fired at once, as a double-click, several tabs or a retry racing its original do: every request is
// answered (no 500), and what is stored counts once. The app's routes, the real catalog and the real sandbox, on
// SQLite and PostgreSQL.

process.env.NEXTAUTH_SECRET ??= "concurrency-test-secret-".padEnd(48, "x");

const LESSON = "node/01-event-loop";
const EXERCISE = loadExercise(`${LESSON}/in-order`)!;
const quiz = getLessonById(LESSON, getCatalog())!.quiz!;
const RIGHT = Object.fromEntries(quiz.questions.map((q) => [q.id, rightAnswer(q)]));
const TIMES = 8;

describe.each(DATABASES)("the same write at once on $name", ({ open }) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  const learner = () => signedInLearner(t.db, "race");
  const post = (url: string, body: unknown, address = "10.77.0.1") =>
    new Request(`http://localhost${url}`, { method: "POST", headers: { "content-type": "application/json", ...fromAddress(address) }, body: JSON.stringify(body) });
  const answered = async (responses: Promise<Response>[]) =>
    Promise.all((await Promise.all(responses)).map(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> })));

  it(`${TIMES} submissions of one quiz attempt: all answered, one attempt stored`, async () => {
    const { userId, as } = await learner();
    const handler = as(postAttempt);
    const params = { params: Promise.resolve({ track: "node", lesson: "01-event-loop" }) };
    const results = await answered(
      Array.from({ length: TIMES }, () => handler(post(`/api/quizzes/${LESSON}/attempts`, { answers: RIGHT, attemptId: "attempt-race-0001" }), params)),
    );
    expect(results.map((r) => r.status)).toEqual(Array(TIMES).fill(200));
    expect(results.every((r) => r.body.saved === true && r.body.score === 1 && r.body.bestScore === 1)).toBe(true);
    expect(results.filter((r) => r.body.applied === true)).toHaveLength(1);
    expect(await t.db.quizAttempt.count({ where: { userId } })).toBe(1);
    expect(await t.db.progressEvent.count({ where: { userId } })).toBe(1);
    const mastery = await t.db.topicMastery.findMany({ where: { userId } });
    expect(mastery.every((m) => m.total === quiz.questions.filter((q) => q.topics.includes(m.topic)).length)).toBe(true);
    expect(await t.db.activityDay.findMany({ where: { userId }, select: { actions: true } })).toEqual([{ actions: 1 }]);
  });

  it(`${TIMES} first visits to one lesson with one event id: all answered, one visit stored`, async () => {
    const { userId, as } = await learner();
    const handler = as(postVisit);
    const results = await answered(Array.from({ length: TIMES }, () => handler(post("/api/progress", { lessonId: LESSON, secondsSpent: 0, eventId: "visit-race-0001" }))));
    expect(results.map((r) => r.status)).toEqual(Array(TIMES).fill(200));
    expect(results.filter((r) => r.body.applied === true)).toHaveLength(1);
    expect(await t.db.lessonProgress.count({ where: { userId } })).toBe(1);
    expect(await t.db.progressEvent.count({ where: { userId } })).toBe(1);
    expect(await t.db.activityDay.findMany({ where: { userId }, select: { actions: true } })).toEqual([{ actions: 1 }]);
  });

  it(`${TIMES} first visits to one lesson from ${TIMES} tabs: all answered, one lesson row, every visit counted`, async () => {
    const { userId, as } = await learner();
    const handler = as(postVisit);
    const results = await answered(Array.from({ length: TIMES }, (_, i) => handler(post("/api/progress", { lessonId: LESSON, secondsSpent: 0, eventId: `visit-tab-000${i}` }))));
    expect(results.map((r) => r.status)).toEqual(Array(TIMES).fill(200));
    expect(await t.db.lessonProgress.count({ where: { userId } })).toBe(1);
    expect(await t.db.progressEvent.count({ where: { userId } })).toBe(TIMES);
    expect(await t.db.activityDay.findMany({ where: { userId }, select: { actions: true } })).toEqual([{ actions: TIMES }]);
  });

  it("two merges of the same guest state at once: both answered, the state applied once", async () => {
    const { userId, as } = await learner();
    const handler = as(postMerge);
    const now = Date.now();
    const ago = (ms: number) => new Date(now - ms).toISOString();
    const state = {
      version: 2,
      ...issueGuestBirth(new Date(now - 60 * 60_000)),
      entries: [
        { event: { type: "visit", id: "visit-merge-0001", lessonId: LESSON, seconds: 600, at: ago(30 * 60_000) } },
        { event: { type: "quiz", id: "attempt-merge-01", quizId: LESSON, answers: RIGHT, at: ago(20 * 60_000) }, shown: { score: 1, passed: true } },
        {
          event: { type: "exercise", id: "exercise-merge-1", exerciseId: EXERCISE.id, language: "javascript", code: EXERCISE.solution, at: ago(10 * 60_000) },
          shown: { passed: true },
        },
      ],
    };
    const results = await answered([handler(post("/api/progress/merge", state, "10.77.1.1")), handler(post("/api/progress/merge", state, "10.77.1.2"))]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    expect(await t.db.progressEvent.count({ where: { userId } })).toBe(3);
    expect(await t.db.quizAttempt.count({ where: { userId } })).toBe(1);
    expect(await t.db.exerciseSubmission.count({ where: { userId, passed: true } })).toBe(1);
    const lessons = await t.db.lessonProgress.findMany({ where: { userId } });
    expect(lessons.map((l) => [l.lessonId, l.timeSpentSeconds, l.completedAt?.toISOString()])).toEqual([[LESSON, 600, ago(10 * 60_000)]]);
    const days = await t.db.activityDay.findMany({ where: { userId } });
    expect(days.reduce((sum, d) => sum + d.secondsSpent, 0)).toBe(600);
  });
});
