import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCheckHandler } from "@/app/api/exercises/[id]/check/handler";
import { loadCatalog } from "@/lib/content/catalog";
import { loadExercise } from "@/lib/content/exercises";
import { lessonExerciseIds, loadQuiz } from "@/lib/content/quiz-source";
import type { SubmittedAnswers } from "@/lib/content/quiz-schema";
import { gradeQuiz } from "@/lib/grading/quiz";
import { recordQuizAttempt } from "@/lib/progress/attempts";
import { DATABASES, type TestDb } from "../../support/test-db";
import { fromAddress } from "../../support/client-address";

// A lesson completes when its quiz passed and all its exercises passed, in either order. The fixture lesson
// node/01-first has a quiz and two exercises (JavaScript and Python), checked by the real runner.

const catalog = loadCatalog(path.resolve(import.meta.dirname, "../../fixtures/content/valid/lessons"));
const LESSON = "node/01-first";
const RIGHT: SubmittedAnswers = { "pick-one": "a", both: ["a", "b"] };
const double = loadExercise(`${LESSON}/double`, catalog)!;
const greet = loadExercise(`${LESSON}/greet`, catalog)!;

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
    const { id } = await t.db.user.create({ data: { email: `learner-${++counter}@example.com` } });
    const handler = createCheckHandler({ currentUser: async () => ({ id }), client: t.db, catalog: () => catalog });
    const check = async (exercise: typeof double, code: string) => {
      const response = await handler(
        new Request("http://localhost/api/x", {
          method: "POST",
          headers: { "content-type": "application/json", ...fromAddress(`10.2.${counter}.${++address}`) },
          body: JSON.stringify({ language: exercise.language, code }),
        }),
        { params: Promise.resolve({ id: encodeURIComponent(exercise.id) }) },
      );
      expect(response.status).toBe(200);
      return (await response.json()) as { passed: boolean; saved: boolean; completed: boolean };
    };
    const quiz = async (answers: SubmittedAnswers) =>
      recordQuizAttempt(
        { userId: id, quizId: LESSON, lessonId: LESSON, answers, graded: gradeQuiz((await loadQuiz(LESSON, catalog))!, answers), exerciseIds: await lessonExerciseIds(LESSON, catalog) },
        t.db,
      );
    const completedAt = async () => (await t.db.lessonProgress.findUnique({ where: { userId_lessonId: { userId: id, lessonId: LESSON } } }))?.completedAt ?? null;
    return { check, quiz, completedAt };
  };

  it("passing the last exercise after the quiz completes the lesson", async () => {
    const { check, quiz, completedAt } = await learner();
    expect(await quiz(RIGHT)).toMatchObject({ completed: false });
    expect(await check(double, double.solution)).toMatchObject({ passed: true, saved: true, completed: false });
    expect(await check(greet, greet.starter)).toMatchObject({ passed: false, completed: false });
    expect(await completedAt()).toBeNull();
    expect(await check(greet, greet.solution)).toMatchObject({ passed: true, saved: true, completed: true });
    expect(await completedAt()).toBeInstanceOf(Date);
  });

  it("passing the quiz after every exercise completes the lesson; exercises alone do not", async () => {
    const { check, quiz, completedAt } = await learner();
    expect(await check(greet, greet.solution)).toMatchObject({ completed: false });
    expect(await check(double, double.solution)).toMatchObject({ completed: false });
    expect(await quiz({ "pick-one": "b", both: [] })).toMatchObject({ completed: false });
    expect(await completedAt()).toBeNull();
    expect(await quiz(RIGHT)).toMatchObject({ completed: true });
    expect(await completedAt()).toBeInstanceOf(Date);
  });
});
