import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as checkRoute } from "@/app/api/exercises/[id]/check/route";
import { POST as attemptRoute } from "@/app/api/quizzes/[track]/[lesson]/attempts/route";
import type { SessionUser } from "@/lib/auth/session";
import { getCatalog, getLessonById } from "@/lib/content/catalog";
import { loadExercise } from "@/lib/content/exercises";
import type { SubmittedAnswers } from "@/lib/content/quiz-schema";
import { DATABASES, type TestDb } from "../../support/test-db";
import { fromAddress } from "../../support/client-address";
import { rightAnswer } from "../../support/quiz-answers";

// A lesson completes when its quiz passed and all its exercises passed, in either order. node/03-async-patterns has
// a quiz and two TypeScript exercises, checked by the real runner through the app's routes.

const LESSON = "node/03-async-patterns";
const quiz = getLessonById(LESSON, getCatalog())!.quiz!;
const RIGHT: SubmittedAnswers = Object.fromEntries(quiz.questions.map((q) => [q.id, rightAnswer(q)]));
const retry = loadExercise(`${LESSON}/retry`)!;
const withTimeout = loadExercise(`${LESSON}/with-timeout`)!;

describe.each(DATABASES)("lesson completion with exercises on $name", ({ open }) => {
  let t: TestDb;
  let counter = 0;
  let address = 0;

  beforeAll(async () => {
    t = await open();
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  const learner = async () => {
    const user: SessionUser = await t.db.user.create({ data: { email: `learner-${++counter}@example.com` }, select: { id: true, email: true, name: true } });
    const deps = { currentUser: async () => user, db: t.db };
    const post = (body: unknown) =>
      new Request("http://localhost/api/x", {
        method: "POST",
        headers: { "content-type": "application/json", ...fromAddress(`10.2.${counter}.${++address}`) },
        body: JSON.stringify(body),
      });
    const check = async (exercise: typeof retry, code: string) => {
      const response = await checkRoute.withDeps(deps)(post({ language: exercise.language, code }), { params: Promise.resolve({ id: encodeURIComponent(exercise.id) }) });
      expect(response.status).toBe(200);
      return (await response.json()) as { passed: boolean; saved: boolean; completed: boolean };
    };
    const attempt = async (answers: SubmittedAnswers) => {
      const response = await attemptRoute.withDeps(deps)(post({ answers }), { params: Promise.resolve({ track: "node", lesson: "03-async-patterns" }) });
      expect(response.status).toBe(200);
      return (await response.json()) as { passed: boolean; completed: boolean };
    };
    const completedAt = async () => (await t.db.lessonProgress.findUnique({ where: { userId_lessonId: { userId: user.id, lessonId: LESSON } } }))?.completedAt ?? null;
    return { check, attempt, completedAt };
  };

  it("passing the last exercise after the quiz completes the lesson", async () => {
    const { check, attempt, completedAt } = await learner();
    expect(await attempt(RIGHT)).toMatchObject({ passed: true, completed: false });
    expect(await check(retry, retry.solution)).toMatchObject({ passed: true, saved: true, completed: false });
    expect(await check(withTimeout, withTimeout.starter)).toMatchObject({ passed: false, completed: false });
    expect(await completedAt()).toBeNull();
    expect(await check(withTimeout, withTimeout.solution)).toMatchObject({ passed: true, saved: true, completed: true });
    expect(await completedAt()).toBeInstanceOf(Date);
  });

  it("passing the quiz after every exercise completes the lesson; exercises alone do not", async () => {
    const { check, attempt, completedAt } = await learner();
    expect(await check(withTimeout, withTimeout.solution)).toMatchObject({ completed: false });
    expect(await check(retry, retry.solution)).toMatchObject({ completed: false });
    expect(await attempt({})).toMatchObject({ passed: false, completed: false });
    expect(await completedAt()).toBeNull();
    expect(await attempt(RIGHT)).toMatchObject({ passed: true, completed: true });
    expect(await completedAt()).toBeInstanceOf(Date);
  });
});
