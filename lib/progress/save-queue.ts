// Progress writes from the browser go through this queue: kept in localStorage until the server confirms them,
// retried with backoff when the network or server fails, and observable so the page can say "not saved yet".
// Every queued body carries an eventId where the route supports it, so a retry after a lost answer is harmless.

const KEY = "bp:save-queue:v1";
const MAX_DELAY_MS = 30_000;

export type QueuedWrite = { id: string; url: string; method: "POST" | "PUT" | "DELETE"; body: unknown; tries: number };
export type SaveState = { pending: number; status: "saved" | "saving" | "retrying"; lastError: string | null };

let state: SaveState = { pending: 0, status: "saved", lastError: null };
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setTimeout> | null = null;
let flushing = false;

/** Retry-After in milliseconds (a 429 or 503 says how long to wait, in seconds or as an HTTP date); 0 when absent or unreadable. */
export function retryAfterDelay(header: string | null, now = Date.now()): number {
  if (!header) return 0;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? 0 : Math.max(0, at - now);
}

function load(): QueuedWrite[] {
  try {
    const value = JSON.parse(window.localStorage.getItem(KEY) ?? "[]");
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
}

function save(queue: QueuedWrite[]) {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(queue));
  } catch {
    // Storage unavailable: the queue still lives for this page.
  }
}

function setState(next: Partial<SaveState>) {
  state = { ...state, ...next };
  listeners.forEach((l) => l());
}

export function getSaveState(): SaveState {
  return state;
}

const SERVER_STATE: SaveState = { pending: 0, status: "saved", lastError: null };
export function getServerSaveState(): SaveState {
  return SERVER_STATE;
}

export function subscribeSaveState(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function enqueueWrite(write: Omit<QueuedWrite, "id" | "tries">) {
  const queue = load();
  queue.push({ ...write, id: crypto.randomUUID(), tries: 0 });
  save(queue);
  setState({ pending: queue.length });
  void flushWrites();
}

/** Sends queued writes in order; stops at the first one that should be retried later. */
export async function flushWrites(): Promise<void> {
  if (flushing || typeof window === "undefined") return;
  flushing = true;
  if (timer) clearTimeout(timer);
  timer = null;
  try {
    let queue = load();
    while (queue.length > 0) {
      const write = queue[0]!;
      setState({ pending: queue.length, status: write.tries > 0 ? "retrying" : "saving" });
      let retry: string | null = null;
      let retryAfterMs = 0;
      try {
        const response = await fetch(write.url, {
          method: write.method,
          headers: { "content-type": "application/json" },
          body: JSON.stringify(write.body),
        });
        // 408/429/5xx may pass; any other 4xx will fail the same way forever, so it is dropped (and reported).
        if (response.status === 408 || response.status === 429 || response.status >= 500) {
          retry = response.status === 503 ? "The server is briefly unavailable; your changes are kept here." : `The server answered ${response.status}.`;
          retryAfterMs = retryAfterDelay(response.headers.get("retry-after"));
        } else if (!response.ok) setState({ lastError: `A change was refused (${response.status}).` });
      } catch {
        retry = "No connection to the server.";
      }
      queue = load();
      if (retry) {
        const tries = write.tries + 1;
        queue = queue.map((w) => (w.id === write.id ? { ...w, tries } : w));
        save(queue);
        setState({ pending: queue.length, status: "retrying", lastError: retry });
        const backoff = 1000 * 2 ** Math.min(tries - 1, 5);
        timer = setTimeout(() => void flushWrites(), Math.min(MAX_DELAY_MS, Math.max(backoff, retryAfterMs)));
        return;
      }
      queue = queue.filter((w) => w.id !== write.id);
      save(queue);
    }
    setState({ pending: 0, status: "saved", lastError: null });
  } finally {
    flushing = false;
  }
}

if (typeof window !== "undefined") {
  window.addEventListener("online", () => void flushWrites());
}
