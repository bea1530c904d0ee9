import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// The browser's save queue during an outage: a 503 keeps the write and retries it no sooner than the server's
// Retry-After (longer than the queue's own first backoff of 1 s), then delivers it once the server answers.

const store = new Map<string, string>();
const localStorage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };

beforeEach(() => {
  vi.useFakeTimers();
  store.clear();
  vi.stubGlobal("window", { localStorage, addEventListener: () => {} });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe("the save queue and a 503", () => {
  it("keeps the write and waits the Retry-After before sending it again", async () => {
    const answers = [
      new Response(JSON.stringify({ code: "unavailable:database" }), { status: 503, headers: { "retry-after": "5" } }),
      new Response("{}", { status: 200 }),
    ];
    const fetch = vi.fn(async () => answers.shift()!);
    vi.stubGlobal("fetch", fetch);
    const queue = await import("@/lib/progress/save-queue");
    queue.enqueueWrite({ url: "/api/progress", method: "POST", body: { lessonId: "node/01-event-loop" } });
    await vi.advanceTimersByTimeAsync(0);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(queue.getSaveState()).toMatchObject({ pending: 1, status: "retrying" });
    expect(JSON.parse(store.get("bp:save-queue:v1")!)).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(4_900);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(queue.getSaveState()).toMatchObject({ pending: 0, status: "saved" });
  });

  it("reads Retry-After in seconds or as an HTTP date", async () => {
    const { retryAfterDelay } = await import("@/lib/progress/save-queue");
    expect(retryAfterDelay("5")).toBe(5000);
    expect(retryAfterDelay(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(retryAfterDelay("soon")).toBe(0);
    expect(retryAfterDelay(null)).toBe(0);
  });
});
