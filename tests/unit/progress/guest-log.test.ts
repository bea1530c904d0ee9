import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { exerciseDraftKey as lightDraftKey } from "@/lib/progress/draft-keys";
import type { ProgressEvent } from "@/lib/progress/events";
import { appendGuestEvent, GUEST_STORE_KEY, guestLogMayHold, recordGuestVisit } from "@/lib/progress/guest-log";
import { guestRecords, readGuestState } from "@/lib/progress/guest-store";
import { exerciseDraftKey } from "@/lib/progress/model";
import { stubBrowserStorage } from "../../support/browser-storage";

// The light half of the guest store, which every page loads: it keeps events by looking at the store's envelope
// only, so what it writes must be what the full store (which checks everything) reads back.

let storage: Map<string, string>;
let answerBirth: () => Promise<Response>;

beforeEach(() => {
  storage = stubBrowserStorage();
  answerBirth = () => Promise.reject(new Error("offline"));
  vi.stubGlobal("fetch", () => answerBirth());
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const LESSON = "node/01-event-loop";
const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 10, minute)).toISOString();
const visit = (id: string, seconds = 0): ProgressEvent => ({ type: "visit", id, lessonId: LESSON, seconds, at: at(1) });
const stored = () => JSON.parse(storage.get(GUEST_STORE_KEY)!) as { version: number; guestId: string; birth?: unknown; entries: { event: ProgressEvent }[] };

describe("appendGuestEvent", () => {
  it("starts a store, adds to it, and the full store reads back every event it kept", () => {
    recordGuestVisit({ lessonId: LESSON, seconds: 0 });
    appendGuestEvent(visit("visit-0002", 90));
    appendGuestEvent(visit("visit-0002", 90));
    expect(stored().entries).toHaveLength(2);
    expect(readGuestState()!.entries.map((e) => e.event.type)).toEqual(["visit", "visit"]);
    expect(guestRecords(readGuestState(), new Date(at(30))).lessons.get(LESSON)?.timeSpentSeconds).toBe(90);
  });

  it("hands a version-1 store to the full store, which converts it and keeps the new event", async () => {
    storage.set(GUEST_STORE_KEY, JSON.stringify({ version: 1, guestId: "guest-0001", visits: [{ id: "visit-0001", lessonId: LESSON, seconds: 60, at: at(0) }] }));
    appendGuestEvent(visit("visit-0002", 30));
    await vi.waitFor(() => expect(stored().version).toBe(2));
    expect(stored().entries.map((e) => e.event.id)).toEqual(["visit-0001", "visit-0002"]);
  });

  it("replaces a corrupt store, as the full store does", () => {
    storage.set(GUEST_STORE_KEY, JSON.stringify({ version: 2, entries: "no" }));
    appendGuestEvent(visit("visit-0001"));
    // Not a current store and not one the full store can convert: it reads as none, and the event starts a new one.
    return vi.waitFor(() => expect(readGuestState()?.entries.map((e) => e.event.id)).toEqual(["visit-0001"]));
  });
});

describe("the birth the server seals", () => {
  it("is kept with the id the server chose", async () => {
    const sealed = { guestId: "sealed-guest-01", birth: { at: at(0), seal: "abc" } };
    answerBirth = async () => Response.json(sealed);
    appendGuestEvent(visit("visit-0001"));
    await vi.waitFor(() => expect(stored().birth).toEqual(sealed.birth));
    expect(stored().guestId).toBe("sealed-guest-01");
    expect(readGuestState()?.birth).toEqual(sealed.birth);
  });

  it("is not kept when the answer is not a birth", async () => {
    const fetched = vi.fn(async () => Response.json({ guestId: "x", birth: { at: 5 } }));
    answerBirth = fetched;
    appendGuestEvent(visit("visit-0001"));
    await vi.waitFor(() => expect(fetched).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(stored().birth).toBeUndefined();
    expect(readGuestState()?.entries).toHaveLength(1);
  });
});

describe("guestLogMayHold", () => {
  it("looks at the kept events without loading the full store; an older store may hold anything", () => {
    const onboarding = (event: Partial<ProgressEvent>) => event.type === "onboarding";
    expect(guestLogMayHold(onboarding)).toBe(false);
    appendGuestEvent(visit("visit-0001"));
    expect(guestLogMayHold(onboarding)).toBe(false);
    expect(guestLogMayHold((event) => event.type === "visit")).toBe(true);
    storage.set(GUEST_STORE_KEY, JSON.stringify({ version: 1, guestId: "guest-0001" }));
    expect(guestLogMayHold(onboarding)).toBe(true);
  });
});

it("an exercise's draft key is the one the model writes its checks under", () => {
  expect(lightDraftKey("node/01-event-loop/order")).toBe(exerciseDraftKey("node/01-event-loop/order"));
});
