import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getCatalog, getLessonById } from "@/lib/content/catalog";
import { gradeQuiz } from "@/lib/grading/quiz";
import { getPlacement } from "@/lib/path/placement-source";
import { onboardingAnswersSchema } from "@/lib/path/schema";
import type { ProgressEvent, Shown } from "@/lib/progress/events";
import { MAX_GUEST_ENTRIES } from "@/lib/progress/guest-log";
import type { GuestState } from "@/lib/progress/guest-schema";
import {
  clearGuestState,
  guestDraft,
  guestRecords,
  hasGuestProgress,
  readGuestState,
  recordGuestDraft,
  recordGuestEvent,
  recordGuestExerciseCheck,
  recordGuestQuizAttempt,
  subscribeGuestState,
} from "@/lib/progress/guest-store";
import { applyWrites, emptyRecords, plan } from "@/lib/progress/model";
import { requirementsFrom, verifyEvents } from "@/lib/progress/verify";
import { rightAnswer } from "../../support/quiz-answers";
import { stubBrowserStorage } from "../../support/browser-storage";

// The guest's side of the progress model: its events in localStorage (a Map standing in for the browser's), and
// the records the same model computes from them, which must be what the server computes for the same events.

const KEY = "bp:guest-progress:v1";
let storage: Map<string, string>;

beforeEach(() => {
  storage = stubBrowserStorage();
  // The store asks the server to seal its birth; offline here, so it simply stays unsealed.
  vi.stubGlobal("fetch", () => Promise.reject(new Error("offline")));
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const catalog = getCatalog();
const LESSON = "node/01-event-loop";
const EXERCISE = getLessonById(LESSON, catalog)!.exercises[0]!;
const quiz = getLessonById(LESSON, catalog)!.quiz!;
const RIGHT = Object.fromEntries(quiz.questions.map((q) => [q.id, rightAnswer(q)]));
const needs = requirementsFrom(catalog)(LESSON)!;
const lessonShown = { hasQuiz: needs.hasQuiz, exerciseIds: needs.exerciseIds };
const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 10, minute)).toISOString();
const ANSWERS = onboardingAnswersSchema.parse({ background: "frontend-js", goals: ["real-time"], hoursPerWeek: 4 });

/** What the quiz route told the browser for these answers. */
function shownFor(answers: Record<string, unknown>): Shown {
  const graded = gradeQuiz(quiz, answers);
  return { score: graded.score, passed: graded.passed, results: graded.results.map(({ questionId, correct, topics }) => ({ questionId, correct, topics })), lesson: lessonShown };
}

describe("guestRecords", () => {
  // Loading the placement quiz reads every lesson's quiz from disk: seconds on a busy machine.
  it("is what the server's model computes for the same events", { timeout: 30_000 }, async () => {
    const placed = getPlacement()[0]!;
    const placementAnswers = { [placed.lessonId]: Object.fromEntries(placed.questions.map((q) => [q.id, rightAnswer(q)])) };
    const entries: { event: ProgressEvent; shown?: Shown }[] = [
      { event: { type: "onboarding", id: "onboarding-01", answers: ANSWERS, at: at(0) } },
      { event: { type: "placement", id: "placement-01", answers: placementAnswers, at: at(1) }, shown: { passedLessonIds: [placed.lessonId] } },
      { event: { type: "visit", id: "visit-0001", lessonId: LESSON, seconds: 0, at: at(2) } },
      { event: { type: "visit", id: "visit-0002", lessonId: LESSON, seconds: 240, at: at(6) } },
      { event: { type: "quiz", id: "attempt-01", quizId: LESSON, answers: {}, at: at(7) }, shown: shownFor({}) },
      { event: { type: "quiz", id: "attempt-02", quizId: LESSON, answers: RIGHT, at: at(8) }, shown: shownFor(RIGHT) },
      { event: { type: "draft", id: "draft-0001", key: `${LESSON}/order`, language: "javascript", code: "// mine", result: null, at: at(9) } },
      { event: { type: "exercise", id: "exercise-01", exerciseId: EXERCISE.id, language: "javascript", code: EXERCISE.solution, at: at(10) }, shown: { passed: true, lesson: lessonShown } },
    ];
    for (const { event, shown } of entries) recordGuestEvent(event, shown);
    const now = new Date(at(30));
    const guest = guestRecords(readGuestState(), now);

    const { verified } = await verifyEvents(entries, { catalog, placement: getPlacement, check: async () => ({ passed: true, results: [] }) });
    const ctx = { window: { from: new Date(0), to: now }, requirements: requirementsFrom(catalog) };
    const server = applyWrites(emptyRecords(), plan(emptyRecords(), verified, ctx));

    expect(guest.lessons.get(LESSON)).toEqual({ lessonId: LESSON, startedAt: new Date(at(2)), lastOpenedAt: new Date(at(10)), completedAt: new Date(at(10)), timeSpentSeconds: 240 });
    // The server's verdicts carry more detail (credit, explanations); what the model keeps of them is the same.
    expect(guest).toEqual(server);
  });

  it("is empty without a store, and a corrupt store reads as none", () => {
    expect(guestRecords(null, new Date())).toEqual(emptyRecords());
    storage.set(KEY, "{not json");
    expect(readGuestState()).toBeNull();
    storage.set(KEY, JSON.stringify({ version: 2, guestId: "x" }));
    expect(readGuestState()).toBeNull();
  });
});

describe("what the pages record", () => {
  it("a quiz attempt answers the best score and whether the lesson is complete, by the model", () => {
    expect(recordGuestQuizAttempt({ quizId: LESSON, answers: {}, graded: gradeQuiz(quiz, {}), lesson: lessonShown })).toEqual({ bestScore: 0, completed: false });
    expect(recordGuestQuizAttempt({ quizId: LESSON, answers: RIGHT, graded: gradeQuiz(quiz, RIGHT), lesson: lessonShown })).toEqual({ bestScore: 1, completed: false });
    expect(recordGuestExerciseCheck({ exerciseId: EXERCISE.id, language: "javascript", code: "// no", passed: false, lesson: lessonShown })).toEqual({ completed: false });
    expect(recordGuestExerciseCheck({ exerciseId: EXERCISE.id, language: "javascript", code: EXERCISE.solution, passed: true, lesson: lessonShown })).toEqual({ completed: true });
    expect(readGuestState()!.entries.map((e) => e.event.type)).toEqual(["quiz", "quiz", "exercise", "exercise"]);
  });

  it("the same event twice is kept once", () => {
    const event: ProgressEvent = { type: "visit", id: "visit-0001", lessonId: LESSON, seconds: 30, at: at(1) };
    recordGuestEvent(event);
    recordGuestEvent(event);
    expect(readGuestState()!.entries).toHaveLength(1);
  });

  it("a draft supersedes the earlier draft of its key; an exercise check makes the exercise's draft, with its result", () => {
    const key = `${LESSON}/order`;
    recordGuestDraft({ key, language: "javascript", code: "one" });
    recordGuestDraft({ key: `${LESSON}/blocking`, language: "javascript", code: "other" });
    recordGuestDraft({ key, language: "javascript", code: "two", result: { summary: "ran" } });
    expect(readGuestState()!.entries.filter((e) => e.event.type === "draft")).toHaveLength(2);
    expect(guestDraft(key)).toMatchObject({ code: "two", result: { summary: "ran" } });

    recordGuestExerciseCheck({ exerciseId: EXERCISE.id, language: "javascript", code: "solved", passed: true });
    expect(guestDraft(`exercise/${EXERCISE.id}`)).toMatchObject({ code: "solved", result: { passed: true } });
    recordGuestDraft({ key, language: "javascript", code: null });
    expect(guestDraft(key)).toBeNull();
  });

  it("new onboarding answers or a new placement replace the earlier ones", () => {
    recordGuestEvent({ type: "onboarding", id: "onboarding-01", answers: ANSWERS, at: at(0) });
    recordGuestEvent({ type: "onboarding", id: "onboarding-02", answers: { ...ANSWERS, hoursPerWeek: 8 }, at: at(1) });
    recordGuestEvent({ type: "placement", id: "placement-01", answers: {}, at: at(2) }, { passedLessonIds: [] });
    recordGuestEvent({ type: "placement", id: "placement-02", answers: {}, at: at(3) }, { passedLessonIds: [LESSON] });
    expect(readGuestState()!.entries.map((e) => e.event.id)).toEqual(["onboarding-02", "placement-02"]);
    expect(guestRecords(readGuestState(), new Date(at(5))).onboarding?.answers).toEqual({ ...ANSWERS, hoursPerWeek: 8, placement: { passedLessonIds: [LESSON] } });
  });

  it("stays within its bound: past it, the oldest visit goes first", () => {
    const quizEntry = { event: { type: "quiz", id: "attempt-01", quizId: LESSON, answers: {}, at: at(0) }, shown: shownFor({}) };
    const visits = Array.from({ length: MAX_GUEST_ENTRIES - 1 }, (_, i) => ({ event: { type: "visit", id: `visit-${String(i).padStart(6, "0")}`, lessonId: LESSON, seconds: 1, at: at(1) } }));
    storage.set(KEY, JSON.stringify({ version: 2, guestId: "guest-0001", entries: [quizEntry, ...visits] }));
    recordGuestEvent({ type: "visit", id: "visit-newest", lessonId: LESSON, seconds: 1, at: at(2) });
    const entries = readGuestState()!.entries;
    expect(entries).toHaveLength(MAX_GUEST_ENTRIES);
    expect(entries[0]!.event.id).toBe("attempt-01");
    expect(entries.map((e) => e.event.id)).not.toContain("visit-000000");
    expect(entries.at(-1)!.event.id).toBe("visit-newest");
  });

  it("tells subscribers of each change, and clearing leaves no progress", () => {
    const heard = vi.fn();
    const unsubscribe = subscribeGuestState(heard);
    recordGuestDraft({ key: "a/b", language: "javascript", code: "x" });
    expect(heard).toHaveBeenCalledTimes(1);
    expect(hasGuestProgress()).toBe(true);
    clearGuestState();
    expect(heard).toHaveBeenCalledTimes(2);
    expect(hasGuestProgress()).toBe(false);
    unsubscribe();
  });
});

describe("a version-1 store", () => {
  it("is read as events, so its progress is neither lost nor refused by the merge", () => {
    storage.set(
      KEY,
      JSON.stringify({
        version: 1,
        guestId: "guest-0001",
        lessons: [
          { lessonId: LESSON, firstOpenedAt: at(0) },
          { lessonId: "go/01-goroutines", firstOpenedAt: at(1) },
        ],
        visits: [{ id: "visit-0001", lessonId: LESSON, seconds: 120, at: at(3) }],
        quizAttempts: [{ id: "attempt-01", quizId: LESSON, answers: RIGHT, at: at(4), ...shownFor(RIGHT), lesson: undefined }],
        exercises: [
          { id: "exercise-01", exerciseId: EXERCISE.id, language: "javascript", passed: true, code: EXERCISE.solution, at: at(5) },
          // A record the new schema refuses is dropped, not the whole store.
          { id: "exercise-02", exerciseId: EXERCISE.id, language: "cobol", passed: true, code: "x", at: at(6) },
        ],
      }),
    );
    const state = readGuestState() as GuestState;
    expect(state.version).toBe(2);
    expect(state.entries.map((e) => [e.event.type, e.event.id.startsWith("v1open") ? "v1open" : e.event.id])).toEqual([
      // A lesson opened with no visit of its own becomes an opening visit; the one with visits keeps them.
      ["visit", "v1open"],
      ["visit", "visit-0001"],
      ["quiz", "attempt-01"],
      ["exercise", "exercise-01"],
    ]);
    expect(state.entries[2]!.shown).toMatchObject({ score: 1, passed: true });
    const records = guestRecords(state, new Date(at(30)));
    expect([...records.lessons.keys()].sort()).toEqual(["go/01-goroutines", LESSON]);
    expect(records.lessons.get(LESSON)?.timeSpentSeconds).toBe(120);
    expect(records.submissions).toEqual([{ exerciseId: EXERCISE.id, passed: true, at: new Date(at(5)) }]);
  });
});
