import { describe, expect, it } from "vitest";
import { catalogEntrySchema, learnerStateSchema, onboardingAnswersSchema, pathPreviewRequestSchema } from "@/lib/path/schema";

describe("onboarding answers", () => {
  it.each([
    ["an unknown background", { background: "mainframe", goals: [], hoursPerWeek: 3 }],
    ["an unknown goal", { background: "systems", goals: ["world-peace"], hoursPerWeek: 3 }],
    ["zero hours", { background: "systems", goals: [], hoursPerWeek: 0 }],
    ["hours as a string", { background: "systems", goals: [], hoursPerWeek: "5" }],
    ["a self-rating of 6", { background: "systems", hoursPerWeek: 3, selfRating: { go: 6 } }],
    ["a bad placement lesson id", { background: "systems", hoursPerWeek: 3, placement: { passedLessonIds: ["../etc/passwd"] } }],
  ])("rejects %s", (_name, input) => {
    expect(onboardingAnswersSchema.safeParse(input).success).toBe(false);
  });

  it("defaults goals, removes duplicates and drops unknown fields", () => {
    expect(onboardingAnswersSchema.parse({ background: "data-ml", hoursPerWeek: 4, future: "question" })).toEqual({ background: "data-ml", goals: [], hoursPerWeek: 4 });
    expect(onboardingAnswersSchema.parse({ background: "data-ml", goals: ["real-time", "real-time"], hoursPerWeek: 4 }).goals).toEqual(["real-time"]);
  });

  it("rates language tracks only: a rating of another language is dropped, not refused", () => {
    const answers = onboardingAnswersSchema.parse({ background: "systems", hoursPerWeek: 3, selfRating: { go: 4, rust: 0, java: 5 } });
    expect(answers.selfRating).toEqual({ go: 4, rust: 0 });
  });
});

describe("catalog and learner state", () => {
  it("accepts a real-looking lesson and rejects a bad topic tag", () => {
    const lesson = { id: "go/01-goroutines", track: "go", title: "Goroutines", minutes: 20, topics: ["goroutines"], prerequisites: [] };
    expect(catalogEntrySchema.safeParse(lesson).success).toBe(true);
    expect(catalogEntrySchema.safeParse({ ...lesson, topics: ["Go Routines"] }).success).toBe(false);
    expect(catalogEntrySchema.safeParse({ ...lesson, track: "java" }).success).toBe(false);
  });

  it("fills learner-state defaults and reads due dates from strings", () => {
    const state = learnerStateSchema.parse({ reviewItems: [{ topic: "gil", dueAt: "2026-03-01T00:00:00Z" }] });
    expect(state.reviewItems[0]).toEqual({ topic: "gil", dueAt: new Date("2026-03-01T00:00:00Z"), lapses: 0, misses: 0, lastMissedAt: null, reps: 0, lastReviewAt: null });
    expect(state.completedLessonIds).toEqual([]);
  });

  it("the preview body needs answers", () => {
    expect(pathPreviewRequestSchema.safeParse({}).success).toBe(false);
    expect(pathPreviewRequestSchema.safeParse({ answers: { background: "systems", hoursPerWeek: 2 } }).success).toBe(true);
  });
});
