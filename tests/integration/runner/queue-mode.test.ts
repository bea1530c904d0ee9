import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadExercise } from "@/lib/content/exercises";
import type { RouteHandler } from "@/lib/http/route";
import { runStreamLineSchema, type RunStreamLine } from "@/lib/runner/types";
import { startWorker, type RunningWorker } from "../../../scripts/lib/runner-worker";
import { fromAddress } from "../../support/client-address";
import { closePool, postgresTestDb, type TestDb } from "../../support/test-db";

// RUNNER_MODE=queue through the real routes: every run and exercise check is a job in PostgreSQL, run by a real worker
// process (`npm run worker`) in its own sandbox, and answered as an inline run is. Settings are set before the routes
// load; the worker gets the same ones. Two slots, one program per client at once, four waiting places.
const SETTINGS = { RUNNER_MODE: "queue", RUNNER_CONCURRENCY: "2", RUNNER_PER_CLIENT: "1", RUNNER_QUEUE_SIZE: "4", RUNNER_RATE_PER_MINUTE: "200" };
Object.assign(process.env, SETTINGS);

let t: TestDb;
let worker: RunningWorker;
let run: (request: Request) => Promise<Response>;
let check: RouteHandler;
let health: (request: Request) => Promise<Response>;

beforeAll(async () => {
  t = await postgresTestDb();
  process.env.DATABASE_URL = t.target.url;
  worker = await startWorker({ databaseUrl: t.target.url, env: SETTINGS, name: "queue-mode-test" });
  ({ POST: run } = await import("@/app/api/run/route"));
  const { POST } = await import("@/app/api/exercises/[id]/check/route");
  check = POST.withDeps({ currentUser: async () => null, db: t.db });
  ({ GET: health } = await import("@/app/api/health/route"));
});
afterAll(async () => {
  await worker?.stop();
  const { stopRunnerBoss } = await import("@/lib/runner/jobs/boss");
  const { closeJobEvents } = await import("@/lib/runner/jobs/events");
  await Promise.all([stopRunnerBoss(), closeJobEvents()]);
  const { sharedPgPool } = await import("@/lib/db/pg-pool");
  await closePool(sharedPgPool());
  await t?.cleanup();
});

const started = performance.now();

function post(body: unknown, address: string, accept = "application/json") {
  return run(
    new Request("http://localhost/api/run", {
      method: "POST",
      headers: { "content-type": "application/json", accept, ...fromAddress(address) },
      body: JSON.stringify(body),
    }),
  );
}

async function python(address: string, code: string) {
  const response = await post({ language: "python", code }, address);
  const body = (await response.json()) as { stdout?: string; error?: string; code?: string };
  return { status: response.status, ...body, answeredAt: performance.now() - started, retryAfter: response.headers.get("retry-after") };
}

async function readLines(response: Response): Promise<RunStreamLine[]> {
  const text = await response.text();
  return text.trim().split("\n").map((line) => runStreamLineSchema.parse(JSON.parse(line)));
}

type WorkerHealth = { runs: number; running: number; name: string; report: unknown };
async function runner() {
  const body = (await (await health(new Request("http://localhost/api/health"))).json()) as {
    runners?: unknown;
    runner: { mode: string; alive: number; capacity: number; queued: number; running: number; workers: WorkerHealth[] };
  };
  return body;
}

const sleep = (seconds: number, name: string) => `import time\ntime.sleep(${seconds})\nprint("${name}")`;

describe("RUNNER_MODE=queue", () => {
  it("runs Python and Go on the worker and answers as an inline run does", async () => {
    const before = (await runner()).runner.workers[0]!.runs;
    const py = await python("198.51.100.1", `print(sum(range(10)))`);
    const go = await post({ language: "go", code: `package main\nimport "fmt"\nfunc main() { fmt.Println("go:${randomUUID()}") }` }, "198.51.100.2");
    const goBody = (await go.json()) as { stdout: string; exitCode: number; compileMs?: number };

    expect(py).toMatchObject({ status: 200, stdout: "45\n" });
    expect(go.status).toBe(200);
    expect(goBody).toMatchObject({ exitCode: 0 });
    expect(goBody.stdout).toMatch(/^go:[0-9a-f-]{36}\n$/);
    const after = await runner();
    expect(after.runner).toMatchObject({ mode: "queue", alive: 1, capacity: 2, running: 0, queued: 0 });
    expect(after.runner.workers[0]!.runs - before).toBe(2);
    // What the worker found at start, for the operator: its sandbox as isolated as on an inline server, every language.
    expect(after.runner.workers[0]!.report).toMatchObject({ sandbox: { level: "full", seccomp: "on" }, unavailable: {} });
    // This process ran nothing itself, so it reports no toolchains of its own.
    expect(after.runners).toBeUndefined();
  });

  it("streams the phases of a Go build from the worker, then the result", async () => {
    const code = `package main\nimport "fmt"\nfunc main() { fmt.Println("${randomUUID()}") }`;
    const lines = await readLines(await post({ language: "go", code }, "198.51.100.3", "application/x-ndjson"));
    expect(lines.map((line) => ("phase" in line ? line.phase : "result" in line ? "result" : "error"))).toEqual(["queued", "compiling", "running", "result"]);
    expect(lines[0]).toEqual({ phase: "queued", position: 0 });
    expect(lines[2]).toMatchObject({ phase: "running", compileMs: expect.any(Number) });
  });

  it("keeps one client to one program at once across the worker's slots, so another client's run is not held up", async () => {
    const a1 = python("198.51.100.10", sleep(3, "a1"));
    const a2 = python("198.51.100.10", sleep(3, "a2"));
    await new Promise((r) => setTimeout(r, 400));
    const sentAt = performance.now() - started;
    const b = await python("198.51.100.11", `print("b")`);
    const [first, second] = await Promise.all([a1, a2]);

    expect(b).toMatchObject({ status: 200, stdout: "b\n" });
    expect(first).toMatchObject({ status: 200, stdout: "a1\n" });
    expect(second).toMatchObject({ status: 200, stdout: "a2\n" });
    expect(b.answeredAt - sentAt).toBeLessThan(2500);
    // The two ran one after the other (in either order), not side by side.
    expect(Math.abs(second.answeredAt - first.answeredAt)).toBeGreaterThan(2400);
  });

  it("refuses with 429 once a client has half the waiting places, and once the line is full", async () => {
    // One client: one running, then two waiting (half of RUNNER_QUEUE_SIZE=4); the fourth is refused at once.
    const mine = [1, 2, 3].map((n) => python("198.51.100.20", sleep(1.5, `m${n}`)));
    await new Promise((r) => setTimeout(r, 500));
    const refused = await python("198.51.100.20", `print("too many")`);
    expect(refused.status).toBe(429);
    expect(refused.code).toBe("rate_limited:requests");
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    const others = [21, 22, 23].map((n) => python(`198.51.100.${n + 10}`, sleep(1.5, `o${n}`)));
    await new Promise((r) => setTimeout(r, 500));
    // Now 2 running and 4 waiting: a client with nothing in the line is refused too.
    const full = await python("198.51.100.40", `print("full")`);
    expect(full.status).toBe(429);
    const answered = await Promise.all([...mine, ...others]);
    expect(answered.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(answered.map((a) => a.stdout)).toEqual(["m1\n", "m2\n", "m3\n", "o21\n", "o22\n", "o23\n"]);
  });

  it("checks an exercise on the worker", async () => {
    const id = "node/01-event-loop/in-order";
    const exercise = loadExercise(id)!;
    const request = (code: string) =>
      check(
        new Request(`http://localhost/api/exercises/${encodeURIComponent(id)}/check`, {
          method: "POST",
          headers: { "content-type": "application/json", ...fromAddress("198.51.100.50") },
          body: JSON.stringify({ language: exercise.language, code }),
        }),
        { params: Promise.resolve({ id }) },
      );
    const passed = await request(exercise.solution);
    const failed = await request(exercise.starter);
    expect(await passed.json()).toMatchObject({ passed: true });
    expect(await failed.json()).toMatchObject({ passed: false });
  });

  it("answers 503 when no worker is alive, and says so in health", async () => {
    await worker.stop();
    // A worker that stops cleanly leaves the roll call at once.
    expect((await runner()).runner).toMatchObject({ alive: 0, capacity: 0 });
    const refused = await python("198.51.100.60", `print("nobody")`);
    expect(refused.status).toBe(503);
    expect(refused.code).toBe("unavailable:runner");
    expect(refused.retryAfter).toBeTruthy();
  });
});
