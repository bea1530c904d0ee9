import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quizSchema, type SubmittedAnswers } from "@/lib/content/quiz-schema";
import { gradeQuiz } from "@/lib/grading/quiz";
import { deleteUser, exportUserData } from "@/lib/progress/account";
import { recordQuizAttempt } from "@/lib/progress/attempts";
import { recordExerciseSubmission } from "@/lib/progress/exercises";
import { guestStateSchema } from "@/lib/progress/guest-schema";
import { mergeGuestIntoAccount } from "@/lib/progress/merge";
import { getProgressSummary } from "@/lib/progress/summary";
import { recordLessonVisit } from "@/lib/progress/visits";
import { DATABASES, type TestDb } from "../../support/test-db";

const LESSON = "python/03-gil";
const quiz = quizSchema.parse({
  questions: [
    { id: "one", prompt: "?", explanation: "!", topics: ["gil"], kind: "true-false", answer: true },
    { id: "two", prompt: "?", explanation: "!", topics: ["threads"], kind: "true-false", answer: false },
  ],
});
const grade = (quizId: string, answers: SubmittedAnswers) => (quizId === LESSON ? gradeQuiz(quiz, answers) : null);
// The route runs the real check (tests/integration/progress/merge-route.test.ts); here every checked code passes.
const check = async () => ({ passed: true, results: [] });
const lessons = [{ lessonId: LESSON, hasQuiz: true, exerciseIds: [`${LESSON}/counter`] }];
const window = { from: new Date("2026-03-01T00:00:00Z"), to: new Date("2026-03-05T00:00:00Z") };

describe.each(DATABASES)("progress data on $name", ({ open }) => {
  let t: TestDb;
  let counter = 0;
  const createUser = async (name: string) =>
    t.db.user.create({ data: { email: `${name.toLowerCase()}-${++counter}@example.com`, name }, select: { id: true } });
  const attempt = (userId: string, answers: SubmittedAnswers, extra: { exerciseIds?: string[]; at?: Date; eventId?: string } = {}) =>
    recordQuizAttempt({ userId, quizId: LESSON, lessonId: LESSON, answers, graded: gradeQuiz(quiz, answers), ...extra }, t.db);

  beforeAll(async () => {
    t = await open();
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it("keeps every attempt and the best score; a pass completes the lesson", async () => {
    const { id: userId } = await createUser("Ada");
    const first = await attempt(userId, { one: false, two: false });
    expect(first).toMatchObject({ completed: false, bestScore: 0.5 });
    const second = await attempt(userId, { one: true, two: false });
    expect(second).toMatchObject({ completed: true, bestScore: 1 });
    const third = await attempt(userId, { one: false, two: true });
    expect(third).toMatchObject({ completed: true, bestScore: 1 });

    const summary = await getProgressSummary({ userId }, t.db);
    expect(summary.quizzes).toHaveLength(1);
    expect(summary.quizzes[0]).toMatchObject({ quizId: LESSON, attempts: 3, bestScore: 1, lastScore: 0, passed: true });
    expect(summary.quizzes[0]!.history.map((h) => h.score)).toEqual([0.5, 1, 0]);
    expect(summary.lessonsCompleted).toBe(1);
    expect(summary.topics.find((x) => x.topic === "gil")).toMatchObject({ correct: 1, total: 3 });
    expect(await t.db.quizAttempt.count({ where: { userId } })).toBe(3);
  });

  it("a retried submission with the same attempt id is recorded once; another learner's id is their own", async () => {
    const { id: userId } = await createUser("Retry");
    const { id: otherId } = await createUser("Other");
    const first = await attempt(userId, { one: true, two: false }, { eventId: "attempt-0001" });
    expect(first).toMatchObject({ applied: true, completed: true, bestScore: 1 });
    const again = await attempt(userId, { one: true, two: false }, { eventId: "attempt-0001" });
    expect(again).toMatchObject({ applied: false, attemptId: null, completed: true, bestScore: 1 });
    expect(await t.db.quizAttempt.count({ where: { userId } })).toBe(1);
    expect(await t.db.topicMastery.findFirst({ where: { userId, topic: "gil" } })).toMatchObject({ correct: 1, total: 1 });
    // The same id from someone else is a different submission.
    expect(await attempt(otherId, { one: false, two: true }, { eventId: "attempt-0001" })).toMatchObject({ applied: true, bestScore: 0 });
    expect(await t.db.quizAttempt.count({ where: { userId } })).toBe(1);
  });

  it("a wrong answer schedules a review a day later; it is due then, weakest first", async () => {
    const { id: userId } = await createUser("Grace");
    const at = new Date("2026-03-01T10:00:00Z");
    await attempt(userId, { one: false, two: true }, { at });
    const item = await t.db.reviewItem.findMany({ where: { userId }, orderBy: { topic: "asc" } });
    expect(item.map((i) => [i.topic, i.dueAt.toISOString()])).toEqual([
      ["gil", "2026-03-02T10:00:00.000Z"],
      ["threads", "2026-03-02T10:00:00.000Z"],
    ]);
    const before = await getProgressSummary({ userId, now: new Date("2026-03-02T09:00:00Z") }, t.db);
    expect(before.reviews.due).toEqual([]);
    expect(before.reviews.upcoming).toHaveLength(2);
    // "gil" gets one more miss, so it is the weaker of the two when both are due.
    await attempt(userId, { one: false, two: false }, { at: new Date("2026-03-01T11:00:00Z") });
    const after = await getProgressSummary({ userId, now: new Date("2026-03-03T00:00:00Z") }, t.db);
    expect(after.reviews.due.map((r) => r.topic)).toEqual(["gil", "threads"]);
  });

  it("a lesson with exercises completes only when they pass too", async () => {
    const { id: userId } = await createUser("Linus");
    const exerciseIds = [`${LESSON}/counter`];
    expect(await attempt(userId, { one: true, two: false }, { exerciseIds })).toMatchObject({ completed: false });
    const failing = await recordExerciseSubmission(
      { userId, exerciseId: exerciseIds[0]!, language: "python", code: "x", passed: false, results: [], lesson: { lessonId: LESSON, exerciseIds, quizId: LESSON } },
      t.db,
    );
    expect(failing.completed).toBe(false);
    const passing = await recordExerciseSubmission(
      { userId, exerciseId: exerciseIds[0]!, language: "python", code: "y", passed: true, results: [], lesson: { lessonId: LESSON, exerciseIds, quizId: LESSON } },
      t.db,
    );
    expect(passing.completed).toBe(true);
  });

  it("visits add time once per event id and feed streak and activity", async () => {
    const { id: userId } = await createUser("Barbara");
    const day1 = new Date("2026-03-01T08:00:00Z");
    const day2 = new Date("2026-03-02T08:00:00Z");
    expect(await recordLessonVisit({ userId, lessonId: LESSON, secondsSpent: 0, at: day1 }, t.db)).toEqual({ applied: true });
    expect(await recordLessonVisit({ userId, lessonId: LESSON, secondsSpent: 90, eventId: "beat-000001", at: day1 }, t.db)).toEqual({ applied: true });
    expect(await recordLessonVisit({ userId, lessonId: LESSON, secondsSpent: 90, eventId: "beat-000001", at: day1 }, t.db)).toEqual({ applied: false });
    await recordLessonVisit({ userId, lessonId: "go/01-hello", secondsSpent: 30, eventId: "beat-000002", at: day2 }, t.db);

    const summary = await getProgressSummary({ userId, now: new Date("2026-03-02T20:00:00Z") }, t.db);
    expect(summary.totalSeconds).toBe(120);
    expect(summary.lessonsOpened).toBe(2);
    expect(summary.continueLessonId).toBe("go/01-hello");
    expect(summary.streak).toEqual({ current: 2, longest: 2 });
    expect(summary.activity).toEqual([
      { day: "2026-03-01", seconds: 90, actions: 1 },
      { day: "2026-03-02", seconds: 30, actions: 0 },
    ]);
  });

  const guest = guestStateSchema.parse({
    version: 1,
    guestId: "guest-0001",
    lessons: [{ lessonId: LESSON, firstOpenedAt: "2026-03-01T10:00:00Z", lastOpenedAt: "2026-03-01T10:20:00Z", completedAt: "2026-03-01T10:20:00Z" }],
    visits: [{ id: "visit-0001", lessonId: LESSON, seconds: 600, at: "2026-03-01T10:15:00Z" }],
    quizAttempts: [{ id: "attempt-01", quizId: LESSON, lessonId: LESSON, answers: { one: true, two: false }, at: "2026-03-01T10:18:00Z", score: 1, passed: true }],
    exercises: [{ id: "exercise-01", exerciseId: `${LESSON}/counter`, language: "python", passed: true, code: "x = 1", at: "2026-03-01T10:19:00Z" }],
  });

  const mergeInput = (userId: string) => ({ userId, guest, grade, check, lessons, window });

  async function snapshot(userId: string) {
    const data = await exportUserData({ userId, now: new Date(0) }, t.db);
    // Row ids and bookkeeping timestamps differ run to run; the learning data must not.
    return JSON.parse(JSON.stringify(data, (key, value) => (key === "id" || key === "updatedAt" ? undefined : value)));
  }

  it("merging a guest twice is the same as merging once", async () => {
    const { id: userId } = await createUser("Alan");
    await attempt(userId, { one: false, two: false }, { at: new Date("2026-02-20T10:00:00Z") });
    const first = await mergeGuestIntoAccount(mergeInput(userId), t.db);
    expect(first).toEqual({ attempts: 1, visits: 1, exercises: 1, lessons: 1, unconfirmedExercises: [] });
    const once = await snapshot(userId);
    const second = await mergeGuestIntoAccount(mergeInput(userId), t.db);
    expect(second).toEqual({ attempts: 0, visits: 0, exercises: 0, lessons: 0, unconfirmedExercises: [] });
    expect(await snapshot(userId)).toEqual(once);

    const summary = await getProgressSummary({ userId }, t.db);
    expect(summary.quizzes[0]).toMatchObject({ attempts: 2, bestScore: 1, passed: true });
    expect(summary.totalSeconds).toBe(600);
    // Not the browser's claim (10:20): the moment the last requirement, the exercise, first passed.
    expect(summary.lessons[0]!.completedAt).toBe("2026-03-01T10:19:00.000Z");
  });

  it("two merges at the same time apply the guest state once", async () => {
    const { id: userId } = await createUser("Edsger");
    const results = await Promise.allSettled([
      mergeGuestIntoAccount(mergeInput(userId), t.db),
      mergeGuestIntoAccount(mergeInput(userId), t.db),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
    expect(await t.db.quizAttempt.count({ where: { userId } })).toBe(1);
    expect((await t.db.lessonProgress.findMany({ where: { userId } })).map((l) => l.timeSpentSeconds)).toEqual([600]);
  });

  it("export contains everything the learner has", async () => {
    const { id: userId } = await createUser("Katherine");
    await attempt(userId, { one: false, two: true });
    await recordLessonVisit({ userId, lessonId: LESSON, secondsSpent: 42, eventId: "beat-000003" }, t.db);
    await recordExerciseSubmission({ userId, exerciseId: "go/01-hello/greet", language: "go", code: "package main", passed: true, results: { tests: 3 } }, t.db);
    await t.db.codeDraft.create({ data: { userId, key: "go/01-hello/greet", language: "go", code: "package main // draft" } });
    await t.db.onboardingAnswers.create({ data: { userId, answers: JSON.stringify({ background: "frontend-js" }) } });

    const data = await exportUserData({ userId }, t.db);
    expect(data).not.toBeNull();
    expect(data!.user).toMatchObject({ id: userId, name: "Katherine" });
    expect(data!.user).not.toHaveProperty("passwordHash");
    expect(data!.onboarding?.answers).toEqual({ background: "frontend-js" });
    expect(data!.quizAttempts).toHaveLength(1);
    expect(data!.quizAttempts[0]!.answers).toEqual({ one: false, two: true });
    expect(data!.exerciseSubmissions[0]!.results).toEqual({ tests: 3 });
    expect(data!.codeDrafts.map((d) => d.code)).toEqual(["package main // draft"]);
    expect(data!.lessonProgress[0]!.timeSpentSeconds).toBe(42);
    expect(data!.topicMastery.map((m) => m.topic)).toEqual(["gil", "threads"]);
    expect(data!.reviewItems.map((r) => r.topic)).toEqual(["gil", "threads"]);
    expect(data!.activityDays).toHaveLength(1);
    expect(JSON.parse(JSON.stringify(data))).toBeTruthy();
  });

  it("deletion removes the account and everything in it, and nobody else's", async () => {
    const { id: userId } = await createUser("Ada");
    const { id: otherId } = await createUser("Babbage");
    for (const id of [userId, otherId]) {
      await attempt(id, { one: false, two: false });
      await mergeGuestIntoAccount(mergeInput(id), t.db);
      await t.db.codeDraft.create({ data: { userId: id, key: "k", language: "go", code: "x" } });
    }
    expect(await deleteUser({ userId }, t.db)).toBe(true);
    const where = { userId };
    const left = await Promise.all([
      t.db.lessonProgress.count({ where }),
      t.db.quizAttempt.count({ where }),
      t.db.exerciseSubmission.count({ where }),
      t.db.codeDraft.count({ where }),
      t.db.reviewItem.count({ where }),
      t.db.topicMastery.count({ where }),
      t.db.activityDay.count({ where }),
      t.db.progressEvent.count({ where }),
    ]);
    expect(left).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(await exportUserData({ userId }, t.db)).toBeNull();
    expect(await deleteUser({ userId }, t.db)).toBe(false);
    expect((await getProgressSummary({ userId: otherId }, t.db)).quizzes[0]!.attempts).toBe(2);
  });

  it("a learner never sees another learner's data", async () => {
    const { id: ada } = await createUser("Ada");
    const { id: babbage } = await createUser("Babbage");
    await attempt(babbage, { one: false, two: false });
    await recordLessonVisit({ userId: babbage, lessonId: LESSON, secondsSpent: 300 }, t.db);
    await mergeGuestIntoAccount(mergeInput(babbage), t.db);

    const summary = await getProgressSummary({ userId: ada }, t.db);
    expect(summary).toMatchObject({ lessons: [], quizzes: [], topics: [], totalSeconds: 0, activity: [], continueLessonId: null });
    expect(summary.reviews).toEqual({ due: [], upcoming: [], mastered: 0 });
    const exported = await exportUserData({ userId: ada }, t.db);
    expect([exported!.quizAttempts, exported!.lessonProgress, exported!.reviewItems, exported!.activityDays]).toEqual([[], [], [], []]);
    // The guest's events were merged into Babbage; Ada merging the same browser state still gets her own copy.
    expect(await mergeGuestIntoAccount(mergeInput(ada), t.db)).toMatchObject({ attempts: 1, visits: 1 });
  });
});
