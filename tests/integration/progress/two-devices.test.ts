import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getDraft } from "@/app/api/drafts/[key]/route";
import { POST as postMerge } from "@/app/api/progress/merge/route";
import { GET as getProgress } from "@/app/api/progress/route";
import type { SessionUser } from "@/lib/auth/session";
import { getCatalog, getLessonById } from "@/lib/content/catalog";
import { loadExercise } from "@/lib/content/exercises";
import type { RouteHandler } from "@/lib/http/route";
import { getPlacement } from "@/lib/path/placement-source";
import { onboardingAnswersSchema } from "@/lib/path/schema";
import { getLearnerState, getOnboardingAnswers } from "@/lib/path/store";
import { issueGuestBirth } from "@/lib/progress/guest-birth";
import type { ProgressSummary } from "@/lib/progress/summary";
import { fromAddress } from "../../support/client-address";
import { rightAnswer } from "../../support/quiz-answers";
import { DATABASES, type TestDb } from "../../support/test-db";

// One learner on two devices. On the first, as a guest: onboarding, the placement quiz, a lesson read, its quiz
// passed, its exercise solved with real code (checked again in the real sandbox at the merge), an example edited.
// Then sign-in: the browser's events go through the merge route. On the second device, signed in, everything is
// there: the summary, the exercise's code with its result, the example's draft, the learner state, the answers.

process.env.NEXTAUTH_SECRET ??= "two-devices-test-secret-".padEnd(48, "x");

const LESSON = "node/01-event-loop";
const EXERCISE = loadExercise(`${LESSON}/in-order`)!;
const EXAMPLE_KEY = `${LESSON}/order`;
const quiz = getLessonById(LESSON, getCatalog())!.quiz!;
const RIGHT = Object.fromEntries(quiz.questions.map((q) => [q.id, rightAnswer(q)]));
const PLACED = getPlacement()[0]!;
const ANSWERS = onboardingAnswersSchema.parse({ background: "frontend-js", goals: ["real-time"], hoursPerWeek: 4 });

describe.each(DATABASES)("a guest's progress follows the learner to a second device on $name", ({ open }) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it("shows the onboarding, placement, lesson, quiz, exercise code and drafts from the first device", async () => {
    const user: SessionUser = await t.db.user.create({ data: { email: "walker@example.com" }, select: { id: true, email: true, name: true } });
    const as = (handler: { withDeps: (deps: { currentUser: () => Promise<SessionUser>; db: TestDb["db"] }) => RouteHandler }) =>
      handler.withDeps({ currentUser: async () => user, db: t.db });
    const now = Date.now();
    const ago = (minutes: number) => new Date(now - minutes * 60_000).toISOString();
    const lessonShown = { hasQuiz: true, exerciseIds: [EXERCISE.id] };

    // Device one, as a guest: what the browser's store holds when the learner signs in.
    const guest = {
      version: 2,
      ...issueGuestBirth(new Date(now - 60 * 60_000)),
      entries: [
        { event: { type: "onboarding", id: "onboarding-0001", answers: ANSWERS, at: ago(55) } },
        {
          event: { type: "placement", id: "placement-0001", answers: { [PLACED.lessonId]: Object.fromEntries(PLACED.questions.map((q) => [q.id, rightAnswer(q)])) }, at: ago(54) },
          shown: { passedLessonIds: [PLACED.lessonId] },
        },
        { event: { type: "visit", id: "visit-0001", lessonId: LESSON, seconds: 0, at: ago(50) } },
        { event: { type: "visit", id: "visit-0002", lessonId: LESSON, seconds: 900, at: ago(35) } },
        { event: { type: "draft", id: "draft-0001", key: EXAMPLE_KEY, language: "javascript", code: "console.log('mine');", result: { summary: "mine" }, at: ago(34) } },
        { event: { type: "quiz", id: "attempt-0001", quizId: LESSON, answers: RIGHT, at: ago(30) }, shown: { score: 1, passed: true, lesson: lessonShown } },
        // A first try that failed, then the solution.
        {
          event: { type: "exercise", id: "exercise-0001", exerciseId: EXERCISE.id, language: "javascript", code: EXERCISE.starter, at: ago(25) },
          shown: { passed: false, lesson: lessonShown },
        },
        {
          event: { type: "exercise", id: "exercise-0002", exerciseId: EXERCISE.id, language: "javascript", code: EXERCISE.solution, at: ago(20) },
          shown: { passed: true, lesson: lessonShown },
        },
      ],
    };
    const merge = await as(postMerge)(
      new Request("http://localhost/api/progress/merge", { method: "POST", headers: { "content-type": "application/json", ...fromAddress("10.88.0.1") }, body: JSON.stringify(guest) }),
    );
    expect(merge.status).toBe(200);
    expect(await merge.json()).toEqual({ merged: { events: guest.entries.length, skipped: [], unconfirmedExercises: [] } });

    // Device two, signed in.
    const progress = await as(getProgress)(new Request("http://localhost/api/progress"));
    expect(progress.status).toBe(200);
    const summary = (await progress.json()) as ProgressSummary;
    expect(summary.lessons).toEqual([{ lessonId: LESSON, startedAt: ago(50), lastOpenedAt: ago(20), completedAt: ago(20), timeSpentSeconds: 900 }]);
    expect(summary.quizzes).toMatchObject([{ quizId: LESSON, attempts: 1, bestScore: 1, passed: true }]);
    expect(summary.exercises).toMatchObject([{ exerciseId: EXERCISE.id, lessonId: LESSON, checks: 2, passed: true, firstPassedAt: ago(20) }]);
    expect(summary).toMatchObject({ lessonsCompleted: 1, totalSeconds: 900 });

    const draft = async (key: string) => {
      const response = await as(getDraft)(new Request("http://localhost/api/drafts/x"), { params: Promise.resolve({ key: encodeURIComponent(key) }) });
      return { status: response.status, body: (await response.json()) as { code: string; language: string; result: unknown } };
    };
    expect(await draft(`exercise/${EXERCISE.id}`)).toEqual({
      status: 200,
      body: { key: `exercise/${EXERCISE.id}`, language: "javascript", code: EXERCISE.solution, result: { passed: true }, updatedAt: ago(20) },
    });
    expect(await draft(EXAMPLE_KEY)).toMatchObject({ status: 200, body: { code: "console.log('mine');", result: { summary: "mine" } } });

    const state = await getLearnerState({ userId: user.id }, t.db);
    expect(state.completedLessonIds).toEqual([LESSON]);
    expect(state.placementPassedLessonIds).toEqual([PLACED.lessonId]);
    expect(Object.keys(state.mastery).sort()).toEqual([...new Set(quiz.questions.flatMap((q) => q.topics))].sort());
    expect(await getOnboardingAnswers({ userId: user.id }, t.db)).toEqual({ ...ANSWERS, placement: { passedLessonIds: [PLACED.lessonId] } });

    // Signing in on the first device again sends the same store: nothing changes.
    const again = await as(postMerge)(
      new Request("http://localhost/api/progress/merge", { method: "POST", headers: { "content-type": "application/json", ...fromAddress("10.88.0.2") }, body: JSON.stringify(guest) }),
    );
    expect(await again.json()).toEqual({ merged: { events: 0, skipped: [], unconfirmedExercises: [] } });
    expect(await t.db.exerciseSubmission.count({ where: { userId: user.id } })).toBe(2);
  });
});
