import { EVENT_ID_PATTERN, newEventId } from "./event-id";
import type { DraftResult, ExerciseEvent, ProgressEvent, Shown } from "./events";
import type { GuestEntry, GuestState } from "./guest-schema";

// The guest store's storage, light enough for every page's first load: no zod and no progress model. Keeping an event
// needs only the store's envelope (version, id, entries); the full check of what is stored, and what the entries add
// up to, is lib/progress/guest-store.ts, which pages load when they need a draft, a summary, a path or a merge.

export const GUEST_STORE_KEY = "bp:guest-progress:v1";
export const GUEST_STATE_VERSION = 2;
/** Bounds a browser can reach in earnest: drafts and onboarding are kept once per key, so entries grow with visits. */
export const MAX_GUEST_ENTRIES = 5000;

const listeners = new Set<() => void>();

export function newGuestState(): GuestState {
  return { version: GUEST_STATE_VERSION, guestId: newEventId(), entries: [] };
}

/** The stored text; null when there is none, undefined when storage cannot be read (blocked). */
export function readStoredGuestText(): string | null | undefined {
  try {
    return window.localStorage.getItem(GUEST_STORE_KEY);
  } catch {
    return undefined;
  }
}

/**
 * The stored state's entries as written (not checked: guest-store.ts checks them before anything reads their
 * meaning), or null when the stored text is not a current store (none, an older version, or corrupt).
 */
function storedEnvelope(): GuestState | null {
  const raw = readStoredGuestText();
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== "object" || value === null) return null;
    const { version, guestId, entries } = value as Partial<GuestState>;
    return version === GUEST_STATE_VERSION && typeof guestId === "string" && Array.isArray(entries) ? (value as GuestState) : null;
  } catch {
    return null;
  }
}

/**
 * Whether the stored events may include one `matches` accepts: a cheap look that lets a page skip loading the full
 * store when nothing of interest is kept. A store it cannot read without the full store (an older version) may.
 */
export function guestLogMayHold(matches: (event: Partial<ProgressEvent>) => boolean): boolean {
  const raw = readStoredGuestText();
  if (!raw) return false;
  const state = storedEnvelope();
  return state ? state.entries.some((entry) => matches(entry?.event ?? {})) : true;
}

/** Stores the state and tells the subscribers; an unsealed store asks the server to seal its birth. */
export function writeGuestState(state: GuestState) {
  try {
    window.localStorage.setItem(GUEST_STORE_KEY, JSON.stringify(state));
  } catch {
    // Storage full or blocked (private mode): the guest keeps going; progress just is not remembered.
  }
  listeners.forEach((l) => l());
  if (!state.birth) requestBirth();
}

/** Events that replace their predecessor instead of adding to it: only the latest draft per key and answers count. */
function supersedes(a: ProgressEvent, b: Partial<ProgressEvent>): boolean {
  if (a.type !== b.type) return false;
  if (a.type === "draft" && b.type === "draft") return a.key === b.key;
  return a.type === "onboarding" || a.type === "placement";
}

/**
 * `state` with one more event the learner made, with what the server said about it. The same event id is kept once (a
 * retried save); a draft replaces the earlier draft of its key, answers replace earlier answers.
 */
export function withGuestEntry(state: GuestState, event: ProgressEvent, shown?: Shown): GuestState {
  if (state.entries.some((e) => e?.event?.id === event.id && e.event.type === event.type)) return state;
  const entries: GuestEntry[] = state.entries.filter((e) => !supersedes(event, e?.event ?? {}));
  entries.push({ event, ...(shown ? { shown } : {}) });
  // Past the bound, the oldest time beats go first: they matter least once they are counted in the summary.
  while (entries.length > MAX_GUEST_ENTRIES) {
    const oldestVisit = entries.findIndex((e) => e?.event?.type === "visit");
    entries.splice(oldestVisit >= 0 ? oldestVisit : 0, 1);
  }
  return { ...state, entries };
}

/**
 * Keeps one event without loading the full store. A stored state of an older version is converted by the full store,
 * so that rare case hands over to it.
 */
export function appendGuestEvent(event: ProgressEvent, shown?: Shown) {
  const raw = readStoredGuestText();
  if (raw === undefined) return;
  const state = raw === null ? newGuestState() : storedEnvelope();
  if (state) writeGuestState(withGuestEntry(state, event, shown));
  else void import("./guest-store").then((store) => store.recordGuestEvent(event, shown));
}

// ── What every page may record at once, each one event ───────────────────────────────────────────────────────────

const nowIso = () => new Date().toISOString();

export function recordGuestVisit(input: { lessonId: string; seconds: number }) {
  appendGuestEvent({ type: "visit", id: newEventId(), lessonId: input.lessonId, seconds: Math.max(0, Math.round(input.seconds)), at: nowIso() });
}

/** Keeps edited code (null: back to the original, so the draft goes). */
export function recordGuestDraft(input: { key: string; language: ExerciseEvent["language"]; code: string | null; result?: DraftResult | null }) {
  appendGuestEvent({ type: "draft", id: newEventId(), key: input.key, language: input.language, code: input.code, result: input.result ?? null, at: nowIso() });
}

export function subscribeGuestState(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => {
    if (e.key === GUEST_STORE_KEY) listener();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

export function clearGuestState() {
  try {
    window.localStorage.removeItem(GUEST_STORE_KEY);
  } catch {
    // Nothing stored, nothing to clear.
  }
  listeners.forEach((l) => l());
}

/**
 * The server's answer to a birth request, looked at field by field: it comes from this app's own server, and the
 * full store checks the birth again (guestBirthSchema) whenever it reads the state.
 */
function birthAnswer(answer: unknown): Pick<GuestState, "guestId" | "birth"> | null {
  const { guestId, birth } = (answer ?? {}) as { guestId?: unknown; birth?: { at?: unknown; seal?: unknown } };
  const fine = typeof guestId === "string" && EVENT_ID_PATTERN.test(guestId) && typeof birth?.at === "string" && typeof birth.seal === "string";
  return fine ? { guestId, birth: { at: birth.at as string, seal: birth.seal as string } } : null;
}

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
      const sealed = birthAnswer(answer);
      // Cleared meanwhile (merged into an account): nothing to seal. Otherwise the sealed id replaces the
      // browser-made one; no event refers to the store's id.
      const state = storedEnvelope();
      if (!sealed || !state || state.birth) return;
      writeGuestState({ ...state, ...sealed });
    })
    .catch(() => undefined)
    .finally(() => {
      birthRequest = null;
    });
}
