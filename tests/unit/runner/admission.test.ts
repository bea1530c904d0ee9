import { describe, expect, it } from "vitest";
import { admission, waitingShare, type LineNow } from "@/lib/runner/admission";

// The rule both queues apply (this process's and the job queue's across app instances).
const bounds = { maxWaiting: 4, maxWaitingPerClient: waitingShare(4) };
const line = (over: Partial<LineNow>): LineNow => ({ slotFree: true, clientUnderCap: true, waiting: 0, clientWaiting: 0, ...over });

describe("admission", () => {
  it.each([
    ["a free slot and a client under its cap", line({}), "start"],
    ["a free slot, but the client is at its cap", line({ clientUnderCap: false }), "wait"],
    ["no free slot", line({ slotFree: false, waiting: 3 }), "wait"],
    ["no free slot and the line full", line({ slotFree: false, waiting: 4 }), "refuse"],
    ["no free slot and the client holding half the places", line({ slotFree: false, waiting: 2, clientWaiting: 2 }), "refuse"],
    ["a client at its cap holding half the places, even with a slot free", line({ clientUnderCap: false, clientWaiting: 2 }), "refuse"],
    ["a free slot for a client under its cap, even with the line full of others", line({ waiting: 4 }), "start"],
  ] as const)("%s: %s", (_, now, expected) => {
    expect(admission(now, bounds)).toBe(expected);
  });

  it("gives one client at most half the waiting places, rounded up", () => {
    expect([1, 2, 3, 8].map(waitingShare)).toEqual([1, 1, 2, 4]);
  });
});
