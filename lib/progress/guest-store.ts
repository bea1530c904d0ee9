import { lessonOfExercise } from "../course/vocabulary";
import { type ExerciseEvent, type ProgressEvent, type QuizEvent, type Shown } from "./events";
import { newEventId } from "./event-id";
import { newGuestState, readStoredGuestText, withGuestEntry, writeGuestState } from "./guest-log";
import { guestStateSchema, type GuestEntry, type GuestState } from "./guest-schema";
import { summarize } from "./summary";
import type { ProgressSummary } from "./summary-types";
import { applyWrites, emptyRecords, lessonOfEvent, plan, type DraftRecord, type LessonRequirements, type Records, type VerifiedEvent } from "./model";

// A guest's progress in localStorage: the events the learner made, each with what the server said at the time, in
// the exact shape POST /api/progress/merge accepts. What they add up to (completion, mastery, reviews, time) is
// worked out by the same model the server uses (lib/progress/model.ts), from these events. This module checks the
// stored state in full and runs the model, so pages load it when they need it; keeping an event, and the storage
// itself, is lib/progress/guest-log.ts, which every page can afford.

export { clearGuestState, recordGuestDraft, recordGuestVisit, subscribeGuestState } from "./guest-log";
export { newEventId };

let cachedRaw: string | null | undefined;
let cachedState: GuestState | null = null;

/** The stored state (a corrupt or foreign value reads as empty), or null when this browser has none. */
export function readGuestState(): GuestState | null {
  if (typeof window === "undefined") return null;
  const raw = readStoredGuestText();
  if (raw === undefined) return null;
  // The same object for the same stored text, so React's useSyncExternalStore sees a stable snapshot.
  if (raw === cachedRaw) return cachedState;
  cachedRaw = raw;
  if (raw === null) return (cachedState = null);
  try {
    const parsed = guestStateSchema.safeParse(JSON.parse(raw));
    cachedState = parsed.success ? parsed.data : null;
  } catch {
    cachedState = null;
  }
  return cachedState;
}

export function hasGuestProgress(state: GuestState | null = readGuestState()): boolean {
  return Boolean(state && state.entries.length > 0);
}

/** Keeps one event the learner made, with what the server said about it (see withGuestEntry), on the checked state. */
export function recordGuestEvent(event: ProgressEvent, shown?: Shown) {
  const state = readGuestState();
  writeGuestState(withGuestEntry(state ? structuredClone(state) : newGuestState(), event, shown));
}

/** A guest's events as the model reads them: what the server said at the time stands in for its verdict. */
function asVerified({ event, shown }: GuestEntry): VerifiedEvent | null {
  switch (event.type) {
    case "quiz":
      return shown?.results ? { event, graded: { score: shown.score ?? 0, passed: shown.passed ?? false, results: shown.results } } : null;
    case "exercise":
      return { event, checked: { passed: shown?.passed ?? false, results: null } };
    case "placement":
      return { event, passedLessonIds: shown?.passedLessonIds ?? [] };
    case "visit":
      return { event };
    case "draft":
      return { event };
    case "onboarding":
      return { event };
  }
}

/** A guest's records, by the same rules as an account's: the input of its summary and its path. */
export function guestRecords(state: GuestState | null, now: Date): Records {
  if (!state) return emptyRecords();
  const requirements = new Map<string, LessonRequirements>();
  for (const { event, shown } of state.entries) {
    const lessonId = lessonOfEvent(event);
    if (lessonId && shown?.lesson) requirements.set(lessonId, { lessonId, ...shown.lesson });
  }
  const verified = state.entries.map(asVerified).filter((v): v is VerifiedEvent => v !== null);
  const ctx = { window: { from: new Date(0), to: now }, requirements: (id: string) => requirements.get(id) ?? null };
  return applyWrites(emptyRecords(), plan(emptyRecords(), verified, ctx));
}

// ── What the pages record, each one event ────────────────────────────────────────────────────────────────────────

const nowIso = () => new Date().toISOString();

/** Keeps a graded attempt; answers where the learner now stands on the quiz and its lesson, by the model's rules. */
export function recordGuestQuizAttempt(input: {
  attemptId?: string;
  quizId: string;
  answers: QuizEvent["answers"];
  graded: { score: number; passed: boolean; results: { questionId: string; correct: boolean; topics?: string[] }[] };
  lesson?: Shown["lesson"];
}): { bestScore: number; completed: boolean } {
  const { score, passed, results } = input.graded;
  recordGuestEvent(
    { type: "quiz", id: input.attemptId ?? newEventId(), quizId: input.quizId, answers: input.answers, at: nowIso() },
    { score, passed, results: results.map((r) => ({ questionId: r.questionId, correct: r.correct, topics: r.topics ?? [] })), lesson: input.lesson },
  );
  const records = guestRecords(readGuestState(), new Date());
  const scores = records.attempts.filter((a) => a.quizId === input.quizId).map((a) => a.score);
  return { bestScore: Math.max(score, ...scores), completed: Boolean(records.lessons.get(input.quizId)?.completedAt) };
}

/** Keeps a checked exercise (its code becomes the exercise's draft, with the result); answers whether the lesson is complete. */
export function recordGuestExerciseCheck(input: {
  exerciseId: string;
  language: ExerciseEvent["language"];
  code: string;
  passed: boolean;
  lesson?: Shown["lesson"];
}): { completed: boolean } {
  recordGuestEvent(
    { type: "exercise", id: newEventId(), exerciseId: input.exerciseId, language: input.language, code: input.code, at: nowIso() },
    { passed: input.passed, lesson: input.lesson },
  );
  const records = guestRecords(readGuestState(), new Date());
  return { completed: Boolean(records.lessons.get(lessonOfExercise(input.exerciseId))?.completedAt) };
}

/** The guest's draft for a key, by the model's rules (the latest edit or exercise check wins). */
export function guestDraft(key: string): DraftRecord | null {
  return guestRecords(readGuestState(), new Date()).drafts.get(key) ?? null;
}

/** A guest's dashboard summary, by the same rules as an account's. */
export function guestSummary(state: GuestState | null, now: Date): ProgressSummary {
  return summarize(guestRecords(state, now), now);
}
