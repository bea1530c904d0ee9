import { describe, expect, it } from "vitest";
import { buildPath } from "@/lib/path/engine";
import { guestLearnerState } from "@/lib/path/guest-learner";
import { addDays } from "@/lib/days";
import { onboardingAnswersSchema, pathPreviewRequestSchema } from "@/lib/path/schema";
import { previewPath } from "@/lib/path/use-cases";
import type { GuestState } from "@/lib/progress/guest-schema";
import { PATH_CATALOG } from "@/tests/fixtures/path-catalog";

// A guest's browser progress -> the learner state the preview route takes, through the progress layer's own rules.

const AT = new Date("2026-03-01T12:00:00Z");
const JS_DEV = onboardingAnswersSchema.parse({ background: "frontend-js", goals: ["real-time"], hoursPerWeek: 4 });

/** A guest's store: each attempt a quiz event with what the server said; each completed lesson a passed quiz on it. */
function guest(attempts: { lessonId: string; results: { questionId: string; correct: boolean; topics: string[] }[]; at?: Date; passed?: boolean }[], completed: string[] = []): GuestState {
  const quiz = (i: number, quizId: string, at: Date, shown: NonNullable<GuestState["entries"][number]["shown"]>) => ({
    event: { type: "quiz" as const, id: `attempt-${String(i).padStart(4, "0")}`, quizId, answers: {}, at: at.toISOString() },
    shown,
  });
  return {
    version: 2,
    guestId: "guest-0001",
    entries: [
      ...attempts.map((a, i) =>
        quiz(i, a.lessonId, a.at ?? AT, { score: a.results.filter((r) => r.correct).length / a.results.length, passed: a.passed ?? false, results: a.results }),
      ),
      ...completed.map((lessonId, i) => quiz(attempts.length + i, lessonId, AT, { score: 1, passed: true, results: [], lesson: { hasQuiz: true, exerciseIds: [] } })),
    ],
  };
}

const failedGo = { lessonId: "go/02-channels", results: [{ questionId: "close", correct: false, topics: ["channels"] }, { questionId: "range", correct: false, topics: ["channels"] }, { questionId: "spawn", correct: true, topics: ["goroutines"] }] };

describe("guestLearnerState", () => {
  it("is undefined without any browser progress, so the preview sees no learner", () => {
    expect(guestLearnerState(null, AT)).toBeUndefined();
  });

  it("turns a failed quiz into mastery and a review item due one day later, in the lesson it was missed in", () => {
    const state = guestLearnerState(guest([failedGo], ["choosing/01-the-landscape"]), AT)!;
    expect(state.mastery).toEqual({ channels: { correct: 0, total: 2 }, goroutines: { correct: 1, total: 1 } });
    expect(state.completedLessonIds).toEqual(["choosing/01-the-landscape"]);
    expect(state.reviewItems).toMatchObject([{ topic: "channels", dueAt: addDays(AT, 1), lapses: 0, misses: 1, lastMissedAt: AT, lessonId: "go/02-channels" }]);
  });

  it("drops topics and lesson ids the preview route would refuse, instead of failing the whole path", () => {
    const odd = { lessonId: "go/02-channels", results: [{ questionId: "x", correct: false, topics: ["Not A Tag", "channels"] }] };
    const state = guestLearnerState(guest([odd], ["legacy/lesson"]), AT)!;
    expect(Object.keys(state.mastery)).toEqual(["channels"]);
    expect(state.reviewItems.map((r) => r.topic)).toEqual(["channels"]);
    expect(state.completedLessonIds).toEqual([]);
  });

  it("adapts the path: the missed topic's lesson moves forward at once, and is due for review a day later", () => {
    const before = buildPath({ answers: JS_DEV, catalog: PATH_CATALOG, now: AT });
    const learner = guestLearnerState(guest([failedGo]), AT);
    const after = buildPath({ answers: JS_DEV, learner, catalog: PATH_CATALOG, now: AT });
    const index = (path: typeof after, id: string) => path.steps.findIndex((s) => s.lessonId === id);
    expect(index(after, "go/02-channels")).toBeLessThan(index(before, "go/02-channels"));
    expect(after.steps.find((s) => s.lessonId === "go/02-channels")!.reason).toBe("review: you missed 2 of 2 questions on channels");
    expect(after.reviewQueue).toEqual([]);
    expect(after.upcomingReviews.map((r) => [r.topic, r.lessonId])).toEqual([["channels", "go/02-channels"]]);
    const tomorrow = buildPath({ answers: JS_DEV, learner, catalog: PATH_CATALOG, now: addDays(AT, 1) });
    expect(tomorrow.reviewQueue).toMatchObject([{ topic: "channels", dueAt: addDays(AT, 1).toISOString(), lapses: 0, lessonId: "go/02-channels" }]);
  });

  it("passes the preview route's validation as the browser sends it (JSON, dates as text)", () => {
    const learner = guestLearnerState(guest([failedGo], ["choosing/01-the-landscape"]), AT);
    const sent = pathPreviewRequestSchema.safeParse(JSON.parse(JSON.stringify({ answers: JS_DEV, learner })));
    expect(sent.success).toBe(true);
    const body = previewPath(sent.data!, { catalog: PATH_CATALOG, now: addDays(AT, 2) });
    expect(body.steps[0]).toMatchObject({ lessonId: "choosing/01-the-landscape", status: "done" });
    expect(body.reviewQueue.map((r) => r.topic)).toEqual(["channels"]);
  });
});
