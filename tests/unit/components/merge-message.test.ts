import { describe, expect, it } from "vitest";
import { mergeMessage } from "@/components/progress/merge-message";
import type { GuestState } from "@/lib/progress/guest-schema";

const at = "2026-11-20T10:00:00.000Z";
const guest: GuestState = {
  version: 2,
  guestId: "guest-message-test",
  entries: [
    { event: { type: "onboarding", id: "onboard-0001", at, answers: { background: "frontend-js", goals: [], hoursPerWeek: 3 } } },
    { event: { type: "placement", id: "placement-01", at, answers: { "go/01-goroutines": {} } }, shown: { passedLessonIds: [] } },
    { event: { type: "visit", id: "visit-000001", at, lessonId: "go/01-goroutines", seconds: 0 } },
    { event: { type: "visit", id: "visit-000002", at, lessonId: "go/01-goroutines", seconds: 30 } },
    { event: { type: "visit", id: "visit-000003", at, lessonId: "go/99-gone", seconds: 30 } },
    { event: { type: "exercise", id: "exercise-001", at, exerciseId: "go/01-goroutines/parallel-sum", language: "go", code: "x" }, shown: { passed: false } },
    { event: { type: "exercise", id: "exercise-002", at, exerciseId: "go/01-goroutines/parallel-sum", language: "go", code: "y" }, shown: { passed: true } },
    { event: { type: "draft", id: "draft-000001", at, key: "go/01-goroutines/hello", language: "go", code: "z", result: null } },
    { event: { type: "draft", id: "draft-000002", at, key: "go/01-goroutines/workers", code: null, result: null } },
    { event: { type: "draft", id: "draft-000003", at, key: "exercise/go/01-goroutines/parallel-sum", language: "go", code: "y", result: null } },
    { event: { type: "draft", id: "draft-000004", at, key: "exercise/go/02-types-interfaces-errors/status-for", language: "go", code: "w", result: null } },
  ],
};

describe("mergeMessage", () => {
  it("says what came over: lessons and exercises (checked or drafted) once each, no removed drafts or skipped events", () => {
    expect(mergeMessage(guest, { events: 8, skipped: ["visit:visit-000003"], unconfirmedExercises: [] })).toBe(
      "Saved to your account from this browser: your onboarding answers, your placement quiz, 1 lesson opened, 2 exercises and 1 edited example. (1 entry about content no longer in the course left out.)",
    );
  });

  it("names unconfirmed exercise passes, with what to do", () => {
    const message = mergeMessage(guest, { events: 9, skipped: [], unconfirmedExercises: ["go/01-goroutines/parallel-sum"] });
    expect(message).toContain("2 lessons opened");
    expect(message).toMatch(/1 exercise pass could not be confirmed .*check it again to record it\.$/);
  });

  it("falls back to a plain sentence when nothing countable came over", () => {
    expect(mergeMessage({ ...guest, entries: [] }, { events: 0, skipped: [], unconfirmedExercises: [] })).toBe(
      "Your progress from this browser is now saved to your account.",
    );
  });
});
