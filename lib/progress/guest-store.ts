import { z } from "zod";
import { lessonOfExercise } from "../course/vocabulary";
import { eventIdSchema, newEventId, type DraftResult, type ExerciseEvent, type ProgressEvent, type QuizEvent, type Shown } from "./events";
import { guestBirthSchema, guestStateSchema, GUEST_STATE_VERSION, MAX_GUEST_ENTRIES, type GuestEntry, type GuestState } from "./guest-schema";
import { summarize } from "./summary";
import type { ProgressSummary } from "./summary-types";
import { applyWrites, emptyRecords, lessonOfEvent, plan, type DraftRecord, type LessonRequirements, type Records, type VerifiedEvent } from "./model";

// A guest's progress in localStorage: the events the learner made, each with what the server said at the time, in
// the exact shape POST /api/progress/merge accepts. What they add up to (completion, mastery, reviews, time) is
// worked out by the same model the server uses (lib/progress/model.ts), from these events.

const KEY = "bp:guest-progress:v1";
const listeners = new Set<() => void>();

export { newEventId };

function emptyState(): GuestState {
  return { version: GUEST_STATE_VERSION, guestId: newEventId(), entries: [] };
}

let cachedRaw: string | null | undefined;
let cachedState: GuestState | null = null;

/** The stored state (a corrupt or foreign value reads as empty), or null when this browser has none. */
export function readGuestState(): GuestState | null {
  if (typeof window === "undefined") return null;
  let raw: string | null;
  try {
    raw = window.localStorage.getItem(KEY);
  } catch {
    return null;
  }
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

function update(change: (state: GuestState) => void) {
  const state = structuredClone(readGuestState() ?? emptyState());
  change(state);
  try {
    window.localStorage.setItem(KEY, JSON.stringify(state));
  } catch {
    // Storage full or blocked (private mode): the guest keeps going; progress just is not remembered.
  }
  listeners.forEach((l) => l());
  if (!state.birth) requestBirth();
}

const birthAnswerSchema = z.object({ guestId: eventIdSchema, birth: guestBirthSchema });
let birthRequest: Promise<void> | null = null;

/**
 * Asks the server to seal this store's birth (GET /api/progress/guest). The merge counts the guest's time and days
 * only from that moment on, so it is asked for as soon as the store starts keeping anything. Offline: the next
 * change asks again.
 */
function requestBirth() {
  birthRequest ??= fetch("/api/progress/guest", { cache: "no-store" })
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
    .then((answer: unknown) => {
      const { guestId, birth } = birthAnswerSchema.parse(answer);
      // Cleared meanwhile (merged into an account): nothing to seal. Otherwise the sealed id replaces the
      // browser-made one; no event refers to the store's id.
      if (!readGuestState()) return;
      update((state) => {
        if (!state.birth) Object.assign(state, { guestId, birth });
      });
    })
    .catch(() => undefined)
    .finally(() => {
      birthRequest = null;
    });
}

export function subscribeGuestState(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => {
    if (e.key === KEY) listener();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

export function hasGuestProgress(state: GuestState | null = readGuestState()): boolean {
  return Boolean(state && state.entries.length > 0);
}

export function clearGuestState() {
  try {
    window.localStorage.removeItem(KEY);
  } catch {
    // Nothing stored, nothing to clear.
  }
  listeners.forEach((l) => l());
}

/** Events that replace their predecessor instead of adding to it: only the latest draft per key and answers count. */
function supersedes(a: ProgressEvent, b: ProgressEvent): boolean {
  if (a.type !== b.type) return false;
  if (a.type === "draft" && b.type === "draft") return a.key === b.key;
  return a.type === "onboarding" || a.type === "placement";
}

/**
 * Keeps one event the learner made, with what the server said about it. The same event id is kept once (a retried
 * save); a draft replaces the earlier draft of its key, answers replace earlier answers.
 */
export function recordGuestEvent(event: ProgressEvent, shown?: Shown) {
  update((state) => {
    if (state.entries.some((e) => e.event.id === event.id && e.event.type === event.type)) return;
    state.entries = state.entries.filter((e) => !supersedes(event, e.event));
    state.entries.push({ event, ...(shown ? { shown } : {}) });
    // Past the bound, the oldest time beats go first: they matter least once they are counted in the summary.
    while (state.entries.length > MAX_GUEST_ENTRIES) {
      const oldestVisit = state.entries.findIndex((e) => e.event.type === "visit");
      state.entries.splice(oldestVisit >= 0 ? oldestVisit : 0, 1);
    }
  });
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

export function recordGuestVisit(input: { lessonId: string; seconds: number }) {
  recordGuestEvent({ type: "visit", id: newEventId(), lessonId: input.lessonId, seconds: Math.max(0, Math.round(input.seconds)), at: nowIso() });
}

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

/** Keeps edited code (null: back to the original, so the draft goes). */
export function recordGuestDraft(input: { key: string; language: ExerciseEvent["language"]; code: string | null; result?: DraftResult | null }) {
  recordGuestEvent({ type: "draft", id: newEventId(), key: input.key, language: input.language, code: input.code, result: input.result ?? null, at: nowIso() });
}

/** The guest's draft for a key, by the model's rules (the latest edit or exercise check wins). */
export function guestDraft(key: string): DraftRecord | null {
  return guestRecords(readGuestState(), new Date()).drafts.get(key) ?? null;
}

/** A guest's dashboard summary, by the same rules as an account's. */
export function guestSummary(state: GuestState | null, now: Date): ProgressSummary {
  return summarize(guestRecords(state, now), now);
}
