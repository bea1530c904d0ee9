import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCatalog, getLessonById } from "@/lib/content/catalog";
import type { SubmittedAnswers } from "@/lib/content/quiz-schema";
import { addDays } from "@/lib/days";
import { deleteUser, exportUserData } from "@/lib/progress/account";
import { issueGuestBirth } from "@/lib/progress/guest-birth";
import type { GuestState } from "@/lib/progress/guest-schema";
import {
  attemptQuiz,
  mergeGuest,
  progressSummary,
  recordExerciseCheck,
  recordVisit,
  saveDraft,
  saveOnboarding,
} from "@/lib/progress/use-cases";
import { onboardingAnswersSchema } from "@/lib/path/schema";
import { rightAnswer } from "../../support/quiz-answers";
import { DATABASES, type TestDb } from "../../support/test-db";

// The progress use cases on a real database and the real catalog: what routes and pages call. Exercise checks are
// given the server's verdict (recordExerciseCheck, what the check route calls after the sandbox); the sandbox itself
// runs in tests/integration/exercises and the merge route's tests.

process.env.NEXTAUTH_SECRET ??= "progress-test-secret-".padEnd(48, "x");

const catalog = getCatalog();
/** A lesson completed by its quiz alone, and one that also needs its exercise. */
const QUIZ_ONLY = catalog.lessons.find((l) => l.quiz && l.exercises.length === 0)!.id;
const LESSON = "node/01-event-loop";
const EXERCISE = getLessonById(LESSON, catalog)!.exercises[0]!.id;
const rightTo = (lessonId: string): SubmittedAnswers => Object.fromEntries(getLessonById(lessonId, catalog)!.quiz!.questions.map((q) => [q.id, rightAnswer(q)]));
const topicsOf = (lessonId: string) => [...new Set(getLessonById(lessonId, catalog)!.quiz!.questions.flatMap((q) => q.topics))].sort();
const questionsOn = (lessonId: string, topic: string) => getLessonById(lessonId, catalog)!.quiz!.questions.filter((q) => q.topics.includes(topic)).length;
const WRONG: SubmittedAnswers = {};
const T0 = new Date("2026-03-01T10:00:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

describe.each(DATABASES)("progress use cases on $name", ({ open }) => {
  let t: TestDb;
  let counter = 0;
  const createUser = async (name: string) => (await t.db.user.create({ data: { email: `${name.toLowerCase()}-${++counter}@example.com`, name }, select: { id: true } })).id;
  const attempt = (userId: string, quizId: string, answers: SubmittedAnswers, extra: { now?: Date; attemptId?: string } = {}) =>
    attemptQuiz({ userId, quizId, answers, attemptId: extra.attemptId }, { db: t.db, now: extra.now ?? T0 });
  const checked = (userId: string, passed: boolean, now = T0) =>
    recordExerciseCheck({ userId, exerciseId: EXERCISE, language: "javascript", code: passed ? "// solved" : "// not yet", checked: { passed, results: [] } }, { db: t.db, now });
  const summary = (userId: string, now = minutes(60)) => progressSummary({ userId }, { db: t.db, now });

  beforeAll(async () => {
    t = await open();
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it("keeps every attempt and the best score; a pass completes a quiz-only lesson", async () => {
    const userId = await createUser("Ada");
    expect(await attempt(userId, QUIZ_ONLY, WRONG, { now: minutes(1) })).toMatchObject({ saved: true, applied: true, completed: false, bestScore: 0 });
    expect(await attempt(userId, QUIZ_ONLY, rightTo(QUIZ_ONLY), { now: minutes(2) })).toMatchObject({ completed: true, bestScore: 1 });
    expect(await attempt(userId, QUIZ_ONLY, WRONG, { now: minutes(3) })).toMatchObject({ completed: true, bestScore: 1 });

    const s = await summary(userId);
    expect(s.quizzes).toMatchObject([{ quizId: QUIZ_ONLY, attempts: 3, bestScore: 1, lastScore: 0, passed: true }]);
    expect(s.quizzes[0]!.history.map((h) => h.score)).toEqual([0, 1, 0]);
    expect(s.lessonsCompleted).toBe(1);
    expect(s.lessons[0]!.completedAt).toBe(minutes(2).toISOString());
    const topic = topicsOf(QUIZ_ONLY)[0]!;
    expect(s.topics.find((x) => x.topic === topic)).toMatchObject({ correct: questionsOn(QUIZ_ONLY, topic), total: 3 * questionsOn(QUIZ_ONLY, topic) });
    expect(await t.db.quizAttempt.count({ where: { userId } })).toBe(3);
  });

  it("a retried submission with the same attempt id is recorded once; another learner's id is their own", async () => {
    const userId = await createUser("Retry");
    const otherId = await createUser("Other");
    expect(await attempt(userId, QUIZ_ONLY, rightTo(QUIZ_ONLY), { attemptId: "attempt-0001" })).toMatchObject({ applied: true, completed: true, bestScore: 1 });
    expect(await attempt(userId, QUIZ_ONLY, rightTo(QUIZ_ONLY), { attemptId: "attempt-0001", now: minutes(1) })).toMatchObject({ applied: false, completed: true, bestScore: 1 });
    expect(await t.db.quizAttempt.count({ where: { userId } })).toBe(1);
    const topic = topicsOf(QUIZ_ONLY)[0]!;
    expect(await t.db.topicMastery.findFirst({ where: { userId, topic } })).toMatchObject({ correct: questionsOn(QUIZ_ONLY, topic), total: questionsOn(QUIZ_ONLY, topic) });
    expect(await attempt(otherId, QUIZ_ONLY, WRONG, { attemptId: "attempt-0001" })).toMatchObject({ applied: true, bestScore: 0 });
    expect(await t.db.quizAttempt.count({ where: { userId } })).toBe(1);
  });

  it("a wrong answer schedules a review a day later; it is due then, weakest first", async () => {
    const userId = await createUser("Grace");
    await attempt(userId, LESSON, WRONG);
    const cards = await t.db.reviewItem.findMany({ where: { userId }, orderBy: { topic: "asc" } });
    expect(cards.map((c) => [c.topic, c.dueAt])).toEqual(topicsOf(LESSON).map((topic) => [topic, addDays(T0, 1)]));
    const before = await summary(userId, addDays(T0, 1 - 1 / 24));
    expect(before.reviews.due).toEqual([]);
    expect(before.reviews.upcoming).toHaveLength(topicsOf(LESSON).length);
    // A second, partly right attempt: the topics answered right are now the stronger ones, so they come last.
    const first = getLessonById(LESSON, catalog)!.quiz!.questions[0]!;
    await attempt(userId, LESSON, { [first.id]: rightAnswer(first) }, { now: minutes(60) });
    const after = await summary(userId, addDays(T0, 2));
    expect(after.reviews.due.map((r) => r.topic).sort()).toEqual(topicsOf(LESSON));
    const levels = after.reviews.due.map((r) => r.mastery);
    expect(levels).toEqual([...levels].sort((a, b) => a - b));
  });

  it("a lesson with exercises completes only when they pass too", async () => {
    const userId = await createUser("Linus");
    expect(await attempt(userId, LESSON, rightTo(LESSON))).toMatchObject({ passed: true, completed: false });
    expect(await checked(userId, false, minutes(1))).toEqual({ completed: false });
    expect(await checked(userId, true, minutes(2))).toEqual({ completed: true });
    expect((await summary(userId)).lessons[0]!.completedAt).toBe(minutes(2).toISOString());
  });

  it("visits add time once per event id and feed streak and activity", async () => {
    const userId = await createUser("Barbara");
    const day1 = new Date("2026-03-01T08:00:00Z");
    const day2 = new Date("2026-03-02T08:00:00Z");
    const visit = (lessonId: string, seconds: number, now: Date, eventId?: string) => recordVisit({ userId, lessonId, seconds, eventId }, { db: t.db, now });
    expect(await visit(LESSON, 0, day1)).toEqual({ applied: true });
    expect(await visit(LESSON, 90, new Date(day1.getTime() + 90_000), "beat-000001")).toEqual({ applied: true });
    expect(await visit(LESSON, 90, new Date(day1.getTime() + 95_000), "beat-000001")).toEqual({ applied: false });
    expect(await visit(QUIZ_ONLY, 30, day2, "beat-000002")).toEqual({ applied: true });
    await expect(visit("node/99-no-such", 0, day2)).rejects.toThrow(/no lesson/);

    const s = await summary(userId, new Date("2026-03-02T20:00:00Z"));
    expect(s.totalSeconds).toBe(120);
    expect(s.lessonsOpened).toBe(2);
    expect(s.continueLessonId).toBe(QUIZ_ONLY);
    expect(s.streak).toEqual({ current: 2, longest: 2 });
    expect(s.activity).toEqual([
      { day: "2026-03-01", seconds: 90, actions: 1 },
      { day: "2026-03-02", seconds: 30, actions: 0 },
    ]);
  });

  /** A guest's browser that passed the lesson's quiz and its exercise, and read it for ten minutes. */
  const guest = (): GuestState => ({
    version: 2,
    ...issueGuestBirth(T0),
    entries: [
      { event: { type: "visit", id: "visit-0001", lessonId: LESSON, seconds: 600, at: minutes(15).toISOString() } },
      { event: { type: "quiz", id: "attempt-01", quizId: LESSON, answers: rightTo(LESSON), at: minutes(18).toISOString() }, shown: { score: 1, passed: true } },
      { event: { type: "exercise", id: "exercise-01", exerciseId: EXERCISE, language: "javascript", code: "// solved", at: minutes(19).toISOString() }, shown: { passed: true } },
    ],
  });
  // Every checked code passes here; the real check runs in the merge route's tests.
  const merge = (userId: string, state = guest()) => mergeGuest({ userId, guest: state, check: async () => ({ passed: true, results: [] }) }, { db: t.db, now: minutes(30) });

  async function snapshot(userId: string) {
    const data = await exportUserData({ userId, now: new Date(0) }, t.db);
    // Row ids and bookkeeping timestamps differ run to run; the learning data must not.
    return JSON.parse(JSON.stringify(data, (key, value) => (key === "id" || key === "updatedAt" ? undefined : value)));
  }

  it("merging a guest twice is the same as merging once", async () => {
    const userId = await createUser("Alan");
    await attempt(userId, LESSON, WRONG, { now: new Date("2026-02-20T10:00:00Z") });
    const state = guest();
    expect(await merge(userId, state)).toEqual({ events: 3, skipped: [], unconfirmedExercises: [] });
    const once = await snapshot(userId);
    expect(await merge(userId, state)).toEqual({ events: 0, skipped: [], unconfirmedExercises: [] });
    expect(await snapshot(userId)).toEqual(once);

    const s = await summary(userId);
    expect(s.quizzes[0]).toMatchObject({ attempts: 2, bestScore: 1, passed: true });
    expect(s.totalSeconds).toBe(600);
    // The moment the last requirement, the exercise, first passed.
    expect(s.lessons[0]!.completedAt).toBe(minutes(19).toISOString());
  });

  it("export contains everything the learner has", async () => {
    const userId = await createUser("Katherine");
    await attempt(userId, LESSON, WRONG);
    await recordVisit({ userId, lessonId: LESSON, seconds: 42, eventId: "beat-000003" }, { db: t.db, now: minutes(1) });
    await checked(userId, true, minutes(2));
    await saveDraft({ userId, key: "node/01-event-loop/order", language: "javascript", code: "// draft" }, { db: t.db, now: minutes(3) });
    const answers = onboardingAnswersSchema.parse({ background: "frontend-js", goals: ["real-time"], hoursPerWeek: 4 });
    await saveOnboarding({ userId, answers }, { db: t.db, now: minutes(4) });

    const data = await exportUserData({ userId }, t.db);
    expect(data!.user).toMatchObject({ id: userId, name: "Katherine" });
    expect(data!.user).not.toHaveProperty("passwordHash");
    expect(data!.onboarding?.answers).toEqual(answers);
    expect(data!.quizAttempts).toHaveLength(1);
    expect(data!.quizAttempts[0]!.answers).toEqual({});
    expect(data!.exerciseSubmissions.map((s) => [s.exerciseId, s.passed, s.code])).toEqual([[EXERCISE, true, "// solved"]]);
    expect(data!.codeDrafts.map((d) => [d.key, d.code]).sort()).toEqual([
      [`exercise/${EXERCISE}`, "// solved"],
      ["node/01-event-loop/order", "// draft"],
    ]);
    expect(data!.lessonProgress[0]!.timeSpentSeconds).toBe(42);
    expect(data!.topicMastery.map((m) => m.topic).sort()).toEqual(topicsOf(LESSON));
    expect(data!.reviewItems.map((r) => r.topic).sort()).toEqual(topicsOf(LESSON));
    expect(data!.activityDays).toHaveLength(1);
  });

  it("deletion removes the account and everything in it, and nobody else's", async () => {
    const userId = await createUser("Ada");
    const otherId = await createUser("Babbage");
    for (const id of [userId, otherId]) {
      await attempt(id, LESSON, WRONG);
      await merge(id);
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
    expect((await summary(otherId)).quizzes[0]!.attempts).toBe(2);
  });

  it("a learner never sees another learner's data", async () => {
    const ada = await createUser("Ada");
    const babbage = await createUser("Babbage");
    await attempt(babbage, LESSON, WRONG);
    await recordVisit({ userId: babbage, lessonId: LESSON, seconds: 300 }, { db: t.db, now: minutes(5) });
    await merge(babbage);

    const s = await summary(ada);
    expect(s).toMatchObject({ lessons: [], quizzes: [], exercises: [], topics: [], totalSeconds: 0, activity: [], continueLessonId: null });
    expect(s.reviews).toEqual({ due: [], upcoming: [], mastered: 0 });
    const exported = await exportUserData({ userId: ada }, t.db);
    expect([exported!.quizAttempts, exported!.lessonProgress, exported!.reviewItems, exported!.activityDays, exported!.codeDrafts]).toEqual([[], [], [], [], []]);
    // The guest's events were merged into Babbage; Ada merging the same browser state still gets her own copy.
    expect(await merge(ada)).toMatchObject({ events: 3 });
  });
});
