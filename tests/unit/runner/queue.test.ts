import { describe, expect, it } from "vitest";
import { createRunQueue, QueueFullError, type RunQueue } from "@/lib/runner/queue";

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** Lets every promise callback that is ready run, so the queue has handed out whatever slots it will. */
const settle = () => new Promise((r) => setTimeout(r, 0));

/** Queues runs that start by logging their name and finish when their gate is opened. */
function recorder(queue: RunQueue) {
  const started: string[] = [];
  const gates = new Map<string, () => void>();
  const submit = (client: string, name: string) => {
    const gate = deferred();
    gates.set(name, gate.resolve);
    return queue.run(client, async (slot) => {
      started.push(name);
      await gate.promise;
      return slot;
    });
  };
  const finish = async (name: string) => {
    gates.get(name)!();
    await settle();
  };
  return { started, submit, finish };
}

describe("run queue", () => {
  it("runs at most `concurrency` tasks at once, on distinct slots, and refuses beyond the waiting list", async () => {
    const queue = createRunQueue({ concurrency: 2, maxWaiting: 1, retryAfterSeconds: 7 });
    const gates = [deferred(), deferred(), deferred()];
    const slotsSeen: number[] = [];
    let active = 0;
    let peak = 0;
    const tasks = gates.map((gate, i) =>
      queue.run(`client-${i}`, async (slot) => {
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
    await expect(queue.run("client-3", async () => 1)).rejects.toBeInstanceOf(QueueFullError);
    await expect(queue.run("client-4", async () => 1)).rejects.toMatchObject({ retryAfterSeconds: 7 });
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
    await expect(queue.run("a", async () => { throw new Error("task failed"); })).rejects.toThrow("task failed");
    await expect(queue.run("a", async (slot) => slot)).resolves.toBe(0);
  });

  it("runs at most `perClient` of one client's tasks at once; its others wait, in order, and a free slot serves another client", async () => {
    const queue = createRunQueue({ concurrency: 3, maxWaiting: 8, perClient: 2 });
    const { started, submit, finish } = recorder(queue);
    const runs = [submit("a", "a1"), submit("a", "a2"), submit("a", "a3"), submit("a", "a4")];
    await settle();
    expect(started).toEqual(["a1", "a2"]);
    expect(queue.stats()).toMatchObject({ running: 2, waiting: 2 });
    runs.push(submit("b", "b1"));
    await settle();
    expect(started).toEqual(["a1", "a2", "b1"]);
    await finish("a2");
    expect(started).toEqual(["a1", "a2", "b1", "a3"]);
    await finish("a1");
    expect(started).toEqual(["a1", "a2", "b1", "a3", "a4"]);
    for (const name of ["a3", "a4", "b1"]) await finish(name);
    await Promise.all(runs);
    expect(queue.stats()).toMatchObject({ running: 0, waiting: 0 });
  });

  it("hands freed slots round-robin across waiting clients, those not served yet first", async () => {
    const queue = createRunQueue({ concurrency: 1, maxWaiting: 8, perClient: 1 });
    const { started, submit, finish } = recorder(queue);
    const runs = ["a1", "a2", "a3", "b1", "b2", "c1"].map((name) => submit(name[0]!, name));
    await settle();
    await finish("a1");
    runs.push(submit("d", "d1"));
    for (let left = 6; left > 0; left--) await finish(started.at(-1)!);
    await Promise.all(runs);
    // Plain arrival order would be a1 a2 a3 b1 b2 c1 d1: a's backlog would keep everyone else waiting.
    expect(started).toEqual(["a1", "b1", "c1", "d1", "a2", "b2", "a3"]);
  });

  it("lets one client hold at most half of the waiting places, so others can still queue", async () => {
    const queue = createRunQueue({ concurrency: 1, maxWaiting: 4, perClient: 1 });
    const { submit, finish } = recorder(queue);
    const runs = [submit("a", "a1"), submit("a", "a2"), submit("a", "a3")];
    await settle();
    await expect(queue.run("a", async () => 0)).rejects.toBeInstanceOf(QueueFullError);
    runs.push(submit("b", "b1"), submit("b", "b2"));
    await settle();
    expect(queue.stats()).toMatchObject({ running: 1, waiting: 4 });
    await expect(queue.run("c", async () => 0)).rejects.toBeInstanceOf(QueueFullError);
    for (const name of ["a1", "b1", "a2", "b2", "a3"]) await finish(name);
    await Promise.all(runs);
    expect(queue.stats()).toMatchObject({ running: 0, waiting: 0 });
  });
});

describe("admission", () => {
  it("tells a taken run at once: 0 with a free slot, else its place in the waiting line; a refused run hears nothing", async () => {
    const queue = createRunQueue({ concurrency: 1, maxWaiting: 2, perClient: 1 });
    const gate = deferred();
    const heard: Record<string, number> = {};
    const submit = (client: string) => queue.run(client, () => gate.promise, (position) => (heard[client] = position));
    const runs = [submit("a"), submit("b"), submit("c")];
    // Synchronously, before any of the runs' promises settle: the route decides its answer on this.
    expect(heard).toEqual({ a: 0, b: 1, c: 2 });
    await expect(submit("d")).rejects.toBeInstanceOf(QueueFullError);
    expect(heard).not.toHaveProperty("d");
    gate.resolve();
    await Promise.all(runs);
  });
});
