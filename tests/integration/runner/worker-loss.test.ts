import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorker, type RunningWorker } from "../../../scripts/lib/runner-worker";
import { fromAddress } from "../../support/client-address";
import { closePool, postgresTestDb, type TestDb } from "../../support/test-db";

// A worker that dies holding a run it had taken but not started (its client already had a program running on another
// worker): the run goes back to the line once and runs elsewhere, and the learner gets its output, not an error.
// (A worker dying mid-run is tests/scale: that learner is told, and the run is never repeated.)
const SETTINGS = { RUNNER_MODE: "queue", RUNNER_CONCURRENCY: "1", RUNNER_PER_CLIENT: "1", RUNNER_QUEUE_SIZE: "4", RUNNER_RATE_PER_MINUTE: "200" };
Object.assign(process.env, SETTINGS);

let t: TestDb;
let pool: pg.Pool;
const workers: RunningWorker[] = [];
let run: (request: Request) => Promise<Response>;

beforeAll(async () => {
  t = await postgresTestDb();
  process.env.DATABASE_URL = t.target.url;
  pool = new pg.Pool({ connectionString: t.target.url, max: 2 });
  workers.push(
    ...(await Promise.all([
      startWorker({ databaseUrl: t.target.url, env: { ...SETTINGS, RUNNER_UID_BASE: "64400" }, name: "one" }),
      startWorker({ databaseUrl: t.target.url, env: { ...SETTINGS, RUNNER_UID_BASE: "64500" }, name: "two" }),
    ])),
  );
  ({ POST: run } = await import("@/app/api/run/route"));
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  const { stopRunnerBoss } = await import("@/lib/runner/jobs/boss");
  const { closeJobEvents } = await import("@/lib/runner/jobs/events");
  const { sharedPgPool } = await import("@/lib/db/pg-pool");
  await Promise.all([stopRunnerBoss(), closeJobEvents()]);
  await Promise.all([closePool(sharedPgPool()), closePool(pool)]);
  await t?.cleanup();
});

async function python(code: string) {
  const response = await run(
    new Request("http://localhost/api/run", {
      method: "POST",
      headers: { "content-type": "application/json", ...fromAddress("192.0.2.7") },
      body: JSON.stringify({ language: "python", code }),
    }),
  );
  return { status: response.status, body: (await response.json()) as { stdout?: string; error?: string } };
}

/** Who has taken which run and whether it started, as the workers recorded it. */
async function custody() {
  const { rows } = await pool.query<{ pid: number; started: boolean }>(
    `SELECT w.pid, j."startedAt" IS NOT NULL AS started FROM "RunnerJob" j JOIN "RunnerWorker" w ON w.id = j."workerId"`,
  );
  return rows;
}

describe("a worker lost before it started a run", () => {
  it("sends the run once more, and the learner gets its output", async () => {
    const first = python(`import time\ntime.sleep(3)\nprint("first")`);
    await expect.poll(custody, { timeout: 5_000, interval: 50 }).toEqual([expect.objectContaining({ started: true })]);
    const second = python(`print("second")`);
    // The other worker takes it and holds it: the client already has its one program running.
    await expect.poll(async () => (await custody()).filter((row) => !row.started), { timeout: 5_000, interval: 50 }).toHaveLength(1);
    const rows = await custody();
    const holder = rows.find((row) => !row.started)!;
    expect(rows.find((row) => row.started)!.pid).not.toBe(holder.pid);
    const lost = workers.find((w) => w.pid === holder.pid)!;
    await lost.crash();

    const [a, b] = await Promise.all([first, second]);
    expect(a).toMatchObject({ status: 200, body: { stdout: "first\n" } });
    expect(b).toMatchObject({ status: 200, body: { stdout: "second\n" } });
    // Nothing is left taken: the lost worker's hold was failed, the new job ran and was released.
    expect(await custody()).toEqual([]);
    const { rows: jobs } = await pool.query<{ state: string; n: number }>(`SELECT state, count(*)::int AS n FROM pgboss.job WHERE name = 'run' GROUP BY state ORDER BY state`);
    expect(jobs).toEqual([
      { state: "completed", n: 2 },
      { state: "failed", n: 1 },
    ]);
  });
});
