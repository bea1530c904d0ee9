import { describe, expect, it } from "vitest";
import { createRunQueue, QueueFullError } from "@/lib/runner/queue";

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe("run queue", () => {
  it("runs at most `concurrency` tasks at once, on distinct slots, and refuses beyond the waiting list", async () => {
    const queue = createRunQueue({ concurrency: 2, maxWaiting: 1, retryAfterSeconds: 7 });
    const gates = [deferred(), deferred(), deferred()];
    const slotsSeen: number[] = [];
    let active = 0;
    let peak = 0;
    const tasks = gates.map((gate) =>
      queue.run(async (slot) => {
        slotsSeen.push(slot);
        active += 1;
        peak = Math.max(peak, active);
        await gate.promise;
        active -= 1;
        return slot;
      }),
    );
    await Promise.resolve();
    expect(queue.stats()).toMatchObject({ running: 2, waiting: 1 });
    await expect(queue.run(async () => 1)).rejects.toBeInstanceOf(QueueFullError);
    await expect(queue.run(async () => 1)).rejects.toMatchObject({ retryAfterSeconds: 7 });
    gates[0]!.resolve();
    gates[1]!.resolve();
    gates[2]!.resolve();
    const slots = await Promise.all(tasks);
    expect(peak).toBe(2);
    expect(new Set(slotsSeen.slice(0, 2)).size).toBe(2);
    expect(slots.every((slot) => slot === 0 || slot === 1)).toBe(true);
    expect(queue.stats()).toMatchObject({ running: 0, waiting: 0 });
  });

  it("frees the slot when a task fails", async () => {
    const queue = createRunQueue({ concurrency: 1, maxWaiting: 0 });
    await expect(queue.run(async () => { throw new Error("task failed"); })).rejects.toThrow("task failed");
    await expect(queue.run(async (slot) => slot)).resolves.toBe(0);
  });
});
