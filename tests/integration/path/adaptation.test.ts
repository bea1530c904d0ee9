import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as placementRoute } from "@/app/api/path/placement/route";
import { getCatalog } from "@/lib/content/catalog";
import type { SubmittedAnswers } from "@/lib/content/quiz-schema";
import { loadQuiz } from "@/lib/content/quiz-source";
import { getPathCatalog } from "@/lib/path/catalog-source";
import { buildPath } from "@/lib/path/engine";
import { getPlacement } from "@/lib/path/placement-source";
import { addDays } from "@/lib/days";
import { onboardingAnswersSchema } from "@/lib/path/schema";
import { getLearnerState, getOnboardingAnswers, saveOnboardingAnswers } from "@/lib/path/store";
import { attemptQuiz, recordExerciseCheck } from "@/lib/progress/use-cases";
import { isMastered } from "@/lib/progress/review-schedule";
import { DATABASES, type TestDb } from "@/tests/support/test-db";
import { rightAnswer } from "../../support/quiz-answers";

// The whole adaptation loop on a real database and the real lessons: a quiz attempt recorded by the progress layer
// (mastery, review items, completion) is read back by the path store and changes what buildPath answers.

const NOW = new Date("2026-03-01T12:00:00Z");
const JS_DEV = onboardingAnswersSchema.parse({ background: "frontend-js", goals: ["real-time"], hoursPerWeek: 4 });
const GO_QUIZ = "go/01-goroutines";
/** A JavaScript developer's whole course in the engine's order: the choosing track, then Node.js, then Go. */
const inTrack = (track: string) => getCatalog().lessons.filter((l) => l.trackId === track).map((l) => l.id);
const JS_DEV_COURSE = [...inTrack("choosing"), ...inTrack("node"), ...inTrack("go")];

async function attempt(t: TestDb, userId: string, answers: "right" | "wrong", at: Date) {
  const quiz = (await loadQuiz(GO_QUIZ))!;
  const submitted: SubmittedAnswers =
    answers === "right"
      ? Object.fromEntries(quiz.questions.map((q) => [q.id, rightAnswer(q)]))
      : // A learner who gets it all wrong: the opposite of each true/false, the first wrong choice, nothing elsewhere.
        Object.fromEntries(
          quiz.questions.flatMap((q): [string, SubmittedAnswers[string]][] =>
            q.kind === "true-false" ? [[q.id, !q.answer]] : q.kind === "single" ? [[q.id, q.choices.find((c) => c.id !== q.answer)!.id]] : [],
          ),
        );
  const graded = await attemptQuiz({ userId, quizId: GO_QUIZ, answers: submitted }, { db: t.db, now: at });
  expect(graded.passed).toBe(answers === "right");
}

describe.each(DATABASES)("adaptation through the progress layer on $name", ({ open }) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  const newLearner = async (email: string) => {
    const { id } = await t.db.user.create({ data: { email }, select: { id: true } });
    await saveOnboardingAnswers({ userId: id, answers: JS_DEV }, t.db);
    return id;
  };
  const pathAt = async (userId: string, now: Date) =>
    buildPath({ answers: (await getOnboardingAnswers({ userId }, t.db))!, learner: await getLearnerState({ userId }, t.db), catalog: getPathCatalog(), now });
  const order = (path: Awaited<ReturnType<typeof pathAt>>) => path.steps.map((s) => s.lessonId);

  it("a failed quiz pulls its lesson forward with a review reason, and its topics come due one day later", async () => {
    const id = await newLearner("ada@example.com");
    const before = await pathAt(id, NOW);
    expect(order(before)).toEqual(JS_DEV_COURSE);

    await attempt(t, id, "wrong", NOW);
    const state = await getLearnerState({ userId: id }, t.db);
    expect(state.mastery.goroutines).toEqual({ correct: 0, total: 3 });
    expect(state.completedLessonIds).toEqual([]);
    expect(state.reviewItems.find((r) => r.topic === "goroutines")).toMatchObject({ topic: "goroutines", dueAt: addDays(NOW, 1), lapses: 0, misses: 1, lessonId: GO_QUIZ });

    const after = await pathAt(id, NOW);
    expect(order(after).indexOf("go/01-goroutines")).toBeLessThan(order(after).indexOf("node/01-event-loop"));
    expect(after.steps.find((s) => s.lessonId === "go/01-goroutines")!.reason).toBe("review: you missed 3 of 3 questions on goroutines");
    // A prerequisite still comes first, whatever moved forward.
    expect(after.steps[0]).toMatchObject({ lessonId: "choosing/01-the-landscape", status: "next" });
    expect(after.reviewQueue).toEqual([]);
    expect(after.upcomingReviews.map((r) => r.topic)).toContain("goroutines");

    const tomorrow = await pathAt(id, addDays(NOW, 1));
    expect(tomorrow.reviewQueue.find((r) => r.topic === "goroutines")).toMatchObject({
      topic: "goroutines",
      dueAt: addDays(NOW, 1).toISOString(),
      lapses: 0,
      lessonId: GO_QUIZ,
    });
    // go-language is tagged only in the quiz, not in the lesson's front matter: the review still links its lesson.
    expect(tomorrow.reviewQueue.find((r) => r.topic === "go-language")?.lessonId).toBe(GO_QUIZ);
  });

  it("passing the quiz and the exercise completes the lesson; a topic right at every review is mastered and leaves the queue", async () => {
    const id = await newLearner("grace@example.com");
    await attempt(t, id, "wrong", NOW);
    // Right each time the card comes due; FSRS pushes each review further out until the topic is mastered.
    const card = async () => (await t.db.reviewItem.findMany({ where: { userId: id, topic: "goroutines" } }))[0]!;
    let reviews = 0;
    let at = (await card()).dueAt;
    while (!isMastered(await card())) {
      expect(++reviews).toBeLessThan(8);
      await attempt(t, id, "right", at);
      at = (await card()).dueAt;
    }
    expect(reviews).toBeGreaterThan(1);
    expect(await t.db.reviewItem.count({ where: { userId: id, topic: "goroutines" } })).toBe(1);
    // The lesson also has an exercise: the server's check of it passing (here without running Go) completes it.
    const exerciseId = getCatalog().lessons.find((l) => l.id === GO_QUIZ)!.exercises[0]!.id;
    expect((await getLearnerState({ userId: id }, t.db)).completedLessonIds).toEqual([]);
    await recordExerciseCheck({ userId: id, exerciseId, language: "go", code: "package main", checked: { passed: true, results: [] } }, { db: t.db, now: at });

    const state = await getLearnerState({ userId: id }, t.db);
    expect(state.completedLessonIds).toEqual([GO_QUIZ]);
    expect(state.reviewItems.map((r) => r.topic)).not.toContain("goroutines");
    const later = await pathAt(id, addDays(NOW, 60));
    expect(later.reviewQueue.map((r) => r.topic)).not.toContain("goroutines");
    expect(later.steps.find((s) => s.lessonId === GO_QUIZ)).toMatchObject({ status: "done" });
  });

  it("a placement result is saved into a signed-in learner's answers and drops the lesson from the path", async () => {
    const id = await newLearner("hopper@example.com");
    const node = getPlacement().find((l) => l.lessonId === "node/01-event-loop")!;
    const response = await placeAs(id, { [node.lessonId]: allRight(node) });
    expect(await response.json()).toMatchObject({ saved: true, passedLessonIds: ["node/01-event-loop"] });
    expect((await getLearnerState({ userId: id }, t.db)).placementPassedLessonIds).toEqual(["node/01-event-loop"]);
    const path = await pathAt(id, NOW);
    expect(order(path)).toEqual(JS_DEV_COURSE.filter((lessonId) => lessonId !== "node/01-event-loop"));
    expect(path.whyThisOrder).toMatch(/1 lesson was left out because you passed it in the placement quiz/);
  });

  it("a placement retake replaces the earlier result, and a learner without answers has nothing saved", async () => {
    const id = await newLearner("retake@example.com");
    const [node, go] = ["node/01-event-loop", "go/01-goroutines"].map((lessonId) => getPlacement().find((l) => l.lessonId === lessonId)!);
    await placeAs(id, { [node!.lessonId]: allRight(node!) });
    expect(await (await placeAs(id, { [go!.lessonId]: allRight(go!) })).json()).toMatchObject({ saved: true, passedLessonIds: [go!.lessonId] });
    expect(await getOnboardingAnswers({ userId: id }, t.db)).toMatchObject({ background: "frontend-js", placement: { passedLessonIds: [go!.lessonId] } });

    const { id: unanswered } = await t.db.user.create({ data: { email: "no-answers@example.com" }, select: { id: true } });
    expect(await (await placeAs(unanswered, { [go!.lessonId]: allRight(go!) })).json()).toMatchObject({ saved: false, passedLessonIds: [go!.lessonId] });
    expect(await t.db.onboardingAnswers.count({ where: { userId: unanswered } })).toBe(0);
  });

  /** POST /api/path/placement as this learner, on this test's database. */
  const placeAs = (userId: string, answers: Record<string, unknown>) =>
    placementRoute.withDeps({ currentUser: async () => ({ id: userId, email: `${userId}@example.com`, name: null }), db: t.db })(
      new Request("http://localhost/api/path/placement", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ answers }),
      }),
    );
  const allRight = (lesson: ReturnType<typeof getPlacement>[number]) => Object.fromEntries(lesson.questions.map((q) => [q.id, rightAnswer(q)]));
});
