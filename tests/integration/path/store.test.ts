import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as advisorRoute } from "@/app/api/advisor/route";
import type { SessionUser } from "@/lib/auth/live-session";
import type { RouteHandler } from "@/lib/http/route";
import type { Deps } from "@/lib/http/use-case";
import { GET as pathRoute } from "@/app/api/path/route";
import { addDays } from "@/lib/days";
import { getLatestAdvisorResult, getLearnerState, getOnboardingAnswers, saveOnboardingAnswers } from "@/lib/path/store";
import { savePlacement } from "@/lib/progress/use-cases";
import { onboardingAnswersSchema } from "@/lib/path/schema";
import { learnerPath } from "@/lib/path/use-cases";
import { PATH_CATALOG } from "@/tests/fixtures/path-catalog";
import { DATABASES, type TestDb } from "@/tests/support/test-db";

const NOW = new Date("2026-03-01T12:00:00Z");
const JS_DEV = onboardingAnswersSchema.parse({ background: "frontend-js", goals: ["real-time"], hoursPerWeek: 3 });

const post = (body: unknown) =>
  new Request("http://localhost/api/advisor", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe.each(DATABASES)("path store on $name", ({ open }) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  const createUser = (email: string) => t.db.user.create({ data: { email }, select: { id: true, email: true, name: true } });
  /** The app's route as this user, on this test's database. */
  const as = (handler: { withDeps: (deps: Partial<Deps>) => RouteHandler }, user: SessionUser) =>
    handler.withDeps({ currentUser: async () => user, db: t.db });

  it("saves and reads onboarding answers; a second save replaces the first", async () => {
    const { id } = await createUser("ada@example.com");
    expect(await getOnboardingAnswers({ userId: id }, t.db)).toBeNull();
    await saveOnboardingAnswers({ userId: id, answers: JS_DEV }, t.db);
    expect(await getOnboardingAnswers({ userId: id }, t.db)).toEqual(JS_DEV);
    await saveOnboardingAnswers({ userId: id, answers: { ...JS_DEV, background: "systems" } }, t.db);
    expect((await getOnboardingAnswers({ userId: id }, t.db))?.background).toBe("systems");
  });

  it("treats stored answers that no longer parse as missing", async () => {
    const { id } = await createUser("old@example.com");
    await t.db.onboardingAnswers.create({ data: { userId: id, answers: '{"background":"retired-option"}' } });
    expect(await getOnboardingAnswers({ userId: id }, t.db)).toBeNull();
  });

  it("reads the learner state from progress, mastery and review rows, and the learner's path adapts to it", async () => {
    const { id } = await createUser("grace@example.com");
    const other = await createUser("babbage@example.com");
    // A placement result sent inside the answers is the browser's word and is dropped; the graded one is kept.
    await saveOnboardingAnswers({ userId: id, answers: { ...JS_DEV, placement: { passedLessonIds: ["go/01-goroutines"] } } }, t.db);
    expect((await getOnboardingAnswers({ userId: id }, t.db))?.placement).toBeUndefined();
    await savePlacement({ userId: id, answers: {}, passedLessonIds: ["node/01-event-loop"] }, { db: t.db });
    await t.db.lessonProgress.createMany({
      data: [
        { userId: id, lessonId: "choosing/01-the-landscape", completedAt: NOW },
        { userId: id, lessonId: "choosing/02-selection-criteria" },
        { userId: other.id, lessonId: "choosing/02-selection-criteria", completedAt: NOW },
      ],
    });
    await t.db.topicMastery.createMany({
      data: [
        { userId: id, topic: "goroutines", correct: 1, total: 3 },
        { userId: id, topic: "Not A Tag", correct: 0, total: 1 },
        { userId: other.id, topic: "gil", correct: 0, total: 4 },
      ],
    });
    await t.db.reviewItem.create({ data: { userId: id, topic: "goroutines", dueAt: addDays(NOW, -1), lapses: 1 } });

    const state = await getLearnerState({ userId: id }, t.db);
    expect(state).toEqual({
      completedLessonIds: ["choosing/01-the-landscape"],
      mastery: { goroutines: { correct: 1, total: 3 } },
      reviewItems: [{ topic: "goroutines", dueAt: addDays(NOW, -1), lapses: 1, lessonId: null, misses: 0, reps: 0, lastMissedAt: null, lastReviewAt: null }],
      placementPassedLessonIds: ["node/01-event-loop"],
    });

    const { path } = (await learnerPath({ userId: id }, t.db, { catalog: PATH_CATALOG, now: NOW }))!;
    expect(path.primary).toBe("node");
    expect(path.steps[0]).toMatchObject({ lessonId: "choosing/01-the-landscape", status: "done" });
    expect(path.steps[1]).toMatchObject({ lessonId: "go/01-goroutines", status: "next", reason: "review: you missed 2 of 3 questions on goroutines" });
    expect(path.steps.map((s) => s.lessonId)).not.toContain("node/01-event-loop");
    expect(path.reviewQueue).toEqual([{ topic: "goroutines", dueAt: addDays(NOW, -1).toISOString(), lapses: 1, lessonId: "go/01-goroutines", reason: expect.any(String) }]);
  });

  it("GET /api/path is 204 (no path yet) before the questions are answered", async () => {
    const user = await createUser("new@example.com");
    const response = await as(pathRoute, user)(new Request("http://localhost/api/path"));
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
  });

  it("saves a signed-in learner's advisor result, keeps the latest, and deletes it with the account", async () => {
    const user = await createUser("hopper@example.com");
    const { id } = user;
    const handler = as(advisorRoute, user);
    const first = await handler(post({ requestsPerSecond: 500, p99LatencyMs: 200, teamLanguages: ["python"], needsML: true, timeToMarket: "weeks" }));
    expect((await first.json()).saved).toBe(true);
    const second = await handler(post({ requestsPerSecond: 200000, p99LatencyMs: 5, teamLanguages: [], timeToMarket: "months" }));
    const body = await second.json();

    const latest = await getLatestAdvisorResult({ userId: id }, t.db);
    expect(latest?.input.requestsPerSecond).toBe(200000);
    expect(latest?.result.recommendation).toBe(body.recommendation);
    expect(await t.db.advisorResult.count({ where: { userId: id } })).toBe(2);

    await t.db.user.delete({ where: { id } });
    expect(await t.db.advisorResult.count({ where: { userId: id } })).toBe(0);
  });
});
