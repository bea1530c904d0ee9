import type { SubmittedAnswers } from "../content/quiz-schema";
import { z } from "zod";
import { eventIdSchema, GUEST_STATE_VERSION, guestBirthSchema, guestStateSchema, MAX_VISIT_SECONDS, type GuestState } from "./guest-schema";

// A guest's progress in localStorage, in the exact shape POST /api/progress/merge accepts. Every record gets its
// own random id when it is made, which is what lets the server recognise a record it has already merged.

const KEY = "bp:guest-progress:v1";
const listeners = new Set<() => void>();

export function newEventId(): string {
  return crypto.randomUUID().replaceAll("-", "");
}

function emptyState(): GuestState {
  return { version: GUEST_STATE_VERSION, guestId: newEventId(), lessons: [], visits: [], quizAttempts: [], exercises: [] };
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
      // browser-made one; no record refers to the store's id.
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
  return Boolean(state && (state.lessons.length || state.visits.length || state.quizAttempts.length || state.exercises.length));
}

export function clearGuestState() {
  try {
    window.localStorage.removeItem(KEY);
  } catch {
    // Nothing stored, nothing to clear.
  }
  listeners.forEach((l) => l());
}

function touchLesson(state: GuestState, lessonId: string, at: string) {
  const lesson = state.lessons.find((l) => l.lessonId === lessonId);
  if (lesson) lesson.lastOpenedAt = at;
  else state.lessons.push({ lessonId, firstOpenedAt: at, lastOpenedAt: at, completedAt: null });
}

export function recordGuestVisit(input: { lessonId: string; seconds: number; at?: Date }) {
  const at = (input.at ?? new Date()).toISOString();
  const seconds = Math.max(0, Math.min(MAX_VISIT_SECONDS, Math.round(input.seconds)));
  update((state) => {
    touchLesson(state, input.lessonId, at);
    state.visits.push({ id: newEventId(), lessonId: input.lessonId, seconds, at });
  });
}

export function recordGuestQuizAttempt(input: {
  /** The submission's own id, so the merge and a retried save recognise it. */
  id?: string;
  quizId: string;
  lessonId: string;
  answers: SubmittedAnswers;
  score: number;
  passed: boolean;
  results: { questionId: string; correct: boolean; topics: string[] }[];
  /** The lesson's exercises: a passing quiz completes the lesson once each has a passing run in this browser. */
  exerciseIds: string[];
  at?: Date;
}) {
  const at = (input.at ?? new Date()).toISOString();
  update((state) => {
    touchLesson(state, input.lessonId, at);
    if (input.id && state.quizAttempts.some((a) => a.id === input.id)) return;
    state.quizAttempts.push({
      id: input.id ?? newEventId(),
      quizId: input.quizId,
      lessonId: input.lessonId,
      answers: input.answers,
      at,
      score: input.score,
      passed: input.passed,
      results: input.results.map(({ questionId, correct, topics }) => ({ questionId, correct, topics })),
    });
    const lesson = state.lessons.find((l) => l.lessonId === input.lessonId)!;
    const exercisesPass = input.exerciseIds.every((id) => state.exercises.some((e) => e.exerciseId === id && e.passed));
    if (input.passed && exercisesPass && !lesson.completedAt) lesson.completedAt = at;
  });
}

export function recordGuestExercise(input: {
  exerciseId: string;
  lessonId?: string;
  language: string;
  passed: boolean;
  code: string;
  /** This pass was the lesson's last missing piece (quiz passed, every other exercise passed). */
  completes?: boolean;
  at?: Date;
}) {
  const at = (input.at ?? new Date()).toISOString();
  const { completes, at: _at, ...record } = input;
  update((state) => {
    if (input.lessonId) touchLesson(state, input.lessonId, at);
    state.exercises.push({ id: newEventId(), ...record, code: input.code.slice(0, 50_000), at });
    const lesson = state.lessons.find((l) => l.lessonId === input.lessonId);
    if (lesson && input.passed && completes && !lesson.completedAt) lesson.completedAt = at;
  });
}

/** The best score this browser has for a quiz, or null before any attempt. */
export function guestBestScore(quizId: string, state: GuestState | null = readGuestState()): number | null {
  const scores = (state?.quizAttempts ?? []).filter((a) => a.quizId === quizId && a.score !== undefined).map((a) => a.score!);
  return scores.length ? Math.max(...scores) : null;
}
