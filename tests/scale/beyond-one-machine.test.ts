import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIGN_IN_FAILED } from "@/lib/auth/accounts";
import { createDb, type Db } from "@/lib/db/create";
import type { RunRequest } from "@/lib/runner/types";
import { learnerAddress, postRun, runOk } from "../../scripts/bench/run-client";
import { createAccounts, Learner, PASSWORD, signInAll } from "../../scripts/lib/learners";
import { eventId, pick, quizzes } from "../soak/course";
import { RATE_PER_MINUTE, startCluster, type App, type Cluster } from "./cluster";
import { commandOf, descendants, isAlive } from "./processes";
import { postAs, runnerHealth, signInError, streamedRun, type RunnerHealth } from "./requests";

// Issue 17's deployment, for real: one PostgreSQL, two app instances (RUNNER_MODE=queue) and two runner workers on
// loopback. Programs run on the workers and nowhere else; the limits a client meets are the same whichever instance
// it reaches; a worker or an instance that dies takes nothing acknowledged with it. The cases run in order on one
// cluster: the last three each end a process.

let cluster: Cluster;
let db: Db;
let A: App;
let B: App;

beforeAll(async () => {
  cluster = await startCluster();
  [A, B] = cluster.apps;
  db = createDb({ provider: "postgresql", url: cluster.databaseUrl });
}, 240_000);

afterAll(async () => {
  await db?.$disconnect();
  await cluster?.stop();
});

/** Every test's failure message carries the processes' logs: the evidence is in them. */
function withLogs(message: string): string {
  return `${message}\n${cluster.logs()}`;
}

const totalRuns = (health: RunnerHealth) => health.workers.reduce((sum, w) => sum + w.runs, 0);

/** A program whose output only this run can print, so a result cannot be another run's. */
function python(n: number): RunRequest & { expected: string } {
  return { language: "python", code: `print(sum(range(${n})))\n`, expected: `${(n * (n - 1)) / 2}\n` };
}
function go(n: number): RunRequest & { expected: string } {
  return { language: "go", code: `package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println(${n} * 3)\n}\n`, expected: `${n * 3}\n` };
}

/** Learner addresses (127.0.x.y) that no other case uses, so each case starts with a fresh rate limit. */
let nextAddress = 0;
const newAddress = () => learnerAddress(nextAddress++);

describe("beyond one machine (PostgreSQL, two app instances, two workers)", () => {
  it("runs programs on the workers, never in an app instance", async () => {
    const nonce = Date.now() % 100_000;
    const runs = [python(nonce), python(nonce + 1), python(nonce + 2), python(nonce + 3), go(nonce), go(nonce + 1)];
    const answers = await Promise.all(runs.map((run, i) => runOk([A, B][i % 2]!.url, run, newAddress())));
    answers.forEach((answer, i) => expect(answer.result.stdout, withLogs(`run ${i}`)).toBe(runs[i]!.expected));

    // A streamed run hears the phases the worker went through, then its result.
    const streamed = go(nonce + 2);
    const lines = await streamedRun(B.url, streamed);
    const kinds = lines.map((line) => ("phase" in line ? line.phase : "result" in line ? "result" : `error: ${line.error}`));
    expect(kinds, withLogs("streamed run")).toEqual(["queued", "compiling", "running", "result"]);
    expect(lines.at(-1)).toMatchObject({ result: { stdout: streamed.expected, exitCode: 0 } });

    // Each worker counted what it ran (reported on its next heartbeat): together exactly the runs made, both took part.
    await expect.poll(async () => totalRuns(await runnerHealth(A.url)), { timeout: 5_000, interval: 200 }).toBe(runs.length + 1);
    for (const app of [A, B]) {
      const health = await runnerHealth(app.url);
      expect(health, withLogs(`${app.name}'s health`)).toMatchObject({ mode: "queue", alive: 2, capacity: 2, running: 0, queued: 0 });
      expect(new Set(health.workers.map((w) => w.pid))).toEqual(new Set(cluster.workers.map((w) => w.pid)));
      expect(health.workers.every((w) => w.runs > 0), withLogs(`both workers ran programs: ${JSON.stringify(health.workers)}`)).toBe(true);
    }
    // No sandbox, seccomp filter or toolchain cache was ever made by an app instance.
    for (const app of [A, B]) expect(fs.readdirSync(app.cacheDir), `${app.name}'s RUNNER_CACHE_DIR`).toEqual([]);
  });

  it("counts one client's runs across both instances against one rate limit", async () => {
    const client = newAddress();
    const answers = [];
    // One at a time, alternating instances: the limit, not the client's share of the queue, is what refuses.
    for (let i = 0; i < RATE_PER_MINUTE + 2; i++) answers.push(await postRun([A, B][i % 2]!.url, python(i), client));
    expect(answers.map((a) => a.status), withLogs("statuses")).toEqual([...Array<number>(RATE_PER_MINUTE).fill(200), 429, 429]);
    for (const refused of answers.slice(RATE_PER_MINUTE)) {
      expect(refused.retryAfter).toBeGreaterThanOrEqual(1);
      expect(refused.body).toMatch(/Too many runs/);
    }
    // The limit is this client's, not everyone's.
    expect((await postRun(A.url, python(1), newAddress())).status).toBe(200);
  });

  it("shares the sign-in throttle: failures at one instance delay the next attempt at the other", async () => {
    const [email] = await createAccounts(cluster.databaseUrl, 1);
    const atA = new Learner(A.url, email!);
    const atB = new Learner(B.url, email!);
    // Three free failures (RULES.pair), a fourth after the 1 s it earned: the next attempt owes 2 s.
    for (let i = 0; i < 3; i++) expect(await signInError(atA, "wrong password")).toBe(SIGN_IN_FAILED);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await signInError(atA, "wrong password")).toBe(SIGN_IN_FAILED);
    // Instance B has never seen this email: only a shared counter can make it wait, even with the right password.
    const refused = await signInError(atB, PASSWORD);
    expect(refused, withLogs("the right password at B straight after the failures at A")).toMatch(/^Too many sign-in attempts\. Wait \d+ seconds?, then try again\.$/);
    // A delay, not a lock: once it has passed, the owner signs in at B.
    const seconds = Number(/Wait (\d+)/.exec(refused!)![1]);
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000 + 100));
    expect(await signInError(atB, PASSWORD)).toBeUndefined();
  });

  it("answers a clear 503 when the worker running a program dies, and runs the next one on the other worker", async () => {
    const client = newAddress();
    const sleeper: RunRequest = { language: "python", code: "import time\nprint('started', flush=True)\ntime.sleep(6)\nprint('finished')\n" };
    const before = await runnerHealth(A.url);
    const pending = postRun(A.url, sleeper, client);

    let busy: RunnerHealth["workers"][number] | undefined;
    await expect
      .poll(async () => (busy = (await runnerHealth(A.url)).workers.find((w) => w.running === 1)), { timeout: 5_000, interval: 100 })
      .toBeDefined();
    const victim = cluster.workers.find((w) => w.pid === busy!.pid)!;
    const survivor = cluster.workers.find((w) => w !== victim)!;
    expect(victim, `the busy worker's pid ${busy!.pid} is one of ours`).toBeDefined();
    // Everything the worker started, once the learner's program is among it.
    let program: number[] = [];
    await expect
      .poll(() => (program = descendants(victim.pid)).some((pid) => commandOf(pid)?.startsWith("python")), { timeout: 5_000, interval: 100 })
      .toBe(true);
    const killedAt = performance.now();
    await victim.crash();
    // Its host "died": the program it was running went with it rather than running on unwatched.
    await expect.poll(() => program.filter(isAlive), { timeout: 2_000, interval: 100 }).toEqual([]);

    const answer = await pending;
    const answeredAfterMs = performance.now() - killedAt;
    expect(answer.status, withLogs(`the learner's answer: ${answer.body}`)).toBe(503);
    expect((JSON.parse(answer.body) as { error: string }).error).toMatch(/stopped/);
    expect(answeredAfterMs, "ms from the kill to the answer").toBeLessThan(12_000);

    // The same learner runs again (through the other instance): the surviving worker takes it.
    const survivorRuns = before.workers.find((w) => w.pid === survivor.pid)!.runs;
    const next = await runOk(B.url, python(7), client);
    expect(next.result.stdout).toBe(python(7).expected);
    await expect
      .poll(async () => (await runnerHealth(B.url)).workers.find((w) => w.pid === survivor.pid)?.runs, { timeout: 5_000, interval: 200 })
      .toBe(survivorRuns + 1);
    // Nothing is left active for the dead worker, and it stops counting as alive.
    await expect
      .poll(async () => {
        const { alive, running, queued } = await runnerHealth(A.url);
        return { alive, running, queued };
      }, { timeout: 20_000, interval: 250 })
      .toEqual({ alive: 1, running: 0, queued: 0 });
  }, 60_000);

  it("answers a run in progress while PostgreSQL restarts under it", async () => {
    const pending = postRun(A.url, { language: "python", code: "import time\ntime.sleep(3)\nprint('survived')\n" }, newAddress());
    await expect.poll(async () => (await runnerHealth(A.url)).running, { timeout: 5_000, interval: 100 }).toBe(1);
    await cluster.restartDatabase(1_500);
    const answer = await pending;
    expect(answer.status, withLogs(answer.body)).toBe(200);
    expect(answer.result?.stdout).toBe("survived\n");
    await expect.poll(async () => {
      const { alive, running, queued } = await runnerHealth(B.url);
      return { alive, running, queued };
    }, { timeout: 10_000, interval: 250 }).toEqual({ alive: 1, running: 0, queued: 0 });
  }, 60_000);

  it("loses no acknowledged quiz attempt when an app instance dies mid-burst, and the other keeps answering", async () => {
    const emails = await createAccounts(cluster.databaseUrl, 12);
    const users = new Map((await db.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } })).map((u) => [u.email, u.id]));
    const [atA, atB] = await Promise.all([signInAll(A.url, emails.slice(0, 6)), signInAll(B.url, emails.slice(6))]);

    type Sent = { key: string; learner: Learner; path: string; json: unknown; acknowledged: boolean; at: App };
    const sent: Sent[] = [];
    let crashed = false;
    let stopB = false;
    const acknowledged = (at?: App) => sent.filter((w) => w.acknowledged && (!at || w.at === at)).length;
    const failures: string[] = [];

    const loop = async (learner: Learner, at: App) => {
      while (at === A ? !crashed : !stopB) {
        const quiz = pick(quizzes);
        const id = eventId();
        const write: Sent = { key: `quiz:${id}`, learner, path: quiz.attemptsPath, json: { answers: quiz.answers, attemptId: id }, acknowledged: false, at };
        sent.push(write);
        try {
          const { status, body } = await learner.request("POST", write.path, { json: write.json });
          if (status >= 200 && status < 300) write.acknowledged = true;
          else if (at === B || !crashed) failures.push(`${at.name}: POST ${write.path} → ${status}: ${body.slice(0, 200)}`);
        } catch (error) {
          // After the kill, a reset connection to A is the point; anything else is a failure.
          if (at === B || !crashed) failures.push(`${at.name}: ${String(error)}`);
        }
      }
    };
    const loops = [...atA.map((l) => loop(l, A)), ...atB.map((l) => loop(l, B))];

    const waitFor = async (done: () => boolean, what: string) => {
      const deadline = Date.now() + 30_000;
      while (!done()) {
        if (failures.length) throw new Error(withLogs(failures.join("\n")));
        if (Date.now() > deadline) throw new Error(withLogs(`timed out waiting for ${what}`));
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    };
    const crashAfter = 40 + Math.floor(Math.random() * 40);
    await waitFor(() => acknowledged(A) >= crashAfter, "attempts acknowledged by A");
    crashed = true;
    await A.crash();
    // B goes on answering its learners (and, from here on, nobody else).
    const atCrash = acknowledged(B);
    await waitFor(() => acknowledged(B) >= atCrash + 40, "attempts acknowledged by B after A died");
    stopB = true;
    await Promise.all(loops);
    expect(failures).toEqual([]);

    const storedCount = async () => {
      const rows = await db.progressEvent.findMany({ where: { eventId: { in: sent.map((w) => w.key) } }, select: { eventId: true, userId: true } });
      const count = new Map<string, number>();
      for (const row of rows) count.set(`${row.userId} ${row.eventId}`, (count.get(`${row.userId} ${row.eventId}`) ?? 0) + 1);
      return (w: Sent) => count.get(`${users.get(w.learner.email)} ${w.key}`) ?? 0;
    };
    const stored = await storedCount();
    const lost = sent.filter((w) => w.acknowledged && stored(w) !== 1).map((w) => `${w.at.name} ${w.key}: ${stored(w)} rows`);
    expect(lost, "acknowledged attempts not stored exactly once").toEqual([]);

    // What A never answered, the browser sends again; B takes it with A's session cookie, and applies each id once.
    const unanswered = sent.filter((w) => !w.acknowledged);
    for (const write of unanswered) expect((await postAs(write.learner, B.url, write.path, write.json)).status).toBe(200);
    const after = await storedCount();
    expect(sent.filter((w) => after(w) !== 1).map((w) => `${w.key}: ${after(w)} rows`), "attempts not stored exactly once after the resend").toEqual([]);
    const userIds = [...users.values()];
    const quizEvents = await db.progressEvent.count({ where: { userId: { in: userIds }, eventId: { startsWith: "quiz:" } } });
    expect(await db.quizAttempt.count({ where: { userId: { in: userIds } } })).toBe(quizEvents);
    console.log(`[scale] app killed mid-burst: ${sent.length} attempts, ${acknowledged(A)} acknowledged by A before it died, ${acknowledged(B)} by B, ${unanswered.length} resent`);
  }, 90_000);

  it("lets a worker stopped with SIGTERM finish the run in hand, then leave", async () => {
    const [survivor] = (await runnerHealth(B.url)).workers;
    const worker = cluster.workers.find((w) => w.pid === survivor?.pid);
    expect(worker, withLogs("the worker left alive")).toBeDefined();
    const pending = postRun(B.url, { language: "python", code: "import time\ntime.sleep(2)\nprint('finished')\n" }, newAddress());
    await expect.poll(async () => (await runnerHealth(B.url)).running, { timeout: 5_000, interval: 100 }).toBe(1);
    const exitCode = worker!.stop();
    const answer = await pending;
    expect(answer.status, withLogs(answer.body)).toBe(200);
    expect(answer.result?.stdout).toBe("finished\n");
    expect(await exitCode).toBe(0);
    // It said goodbye rather than going stale.
    expect((await runnerHealth(B.url)).alive).toBe(0);
  });
});
