import { readdirSync, readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { sqliteTestDb } from "../support/test-db";
import { eventId, lessons, pick, quizzes } from "./course";
import { createAccounts, signInAll, Tally, type Learner } from "../../scripts/lib/learners";
import { freePort } from "../../scripts/db/pg-cluster";
import { newSecret, startServer } from "../../scripts/lib/production-server";

// A short soak of the production server: simulated learners read lessons, answer quizzes, save drafts, record visits,
// run small programs and look at their progress, for SOAK_SECONDS. Nothing may answer 5xx, memory must level off after
// the warm-up, and no sandboxed program may outlive the server.

const LEARNERS = 60;
/** Sandboxed programs of the soak run as these uids (serve.mjs is root in CI), so leftovers are ours, not a neighbour's. */
const SOAK_UID_BASE = 64700;
/** The soak runs JavaScript and Python only; warming the Go and Rust caches would only compete for the 2 cores. */
const SERVER_ENV = { RUNNER_UID_BASE: String(SOAK_UID_BASE), RUNNER_WARM_AT_START: "0" };
const SOAK_SECONDS = Number(process.env.SOAK_SECONDS ?? 90);
const WARM_UP_SECONDS = 30;
const SAMPLE_EVERY_MS = 5000;
/**
 * Growth allowed from the end of the warm-up to the end. Measured: RSS climbs for ~35 s (Next's caches, V8's heap
 * growing in steps), then moves within a few percent (+9% at most from the 30 s sample on 2 shared cores). 25% of
 * ~700 MiB over the ~7,000 requests after the warm-up fails a leak of ~25 KiB per request, such as keeping every
 * rendered page, without failing a healthy server whose heap settles a step higher.
 */
const RSS_GROWTH_LIMIT = 1.25;

const PROGRAMS = [
  { language: "javascript", code: "console.log([1, 2, 3].map((n) => n * 2).join(','))", stdout: "2,4,6\n" },
  { language: "python", code: "print(sum(range(10)))", stdout: "45\n" },
] as const;

/** Every learner comes from 127.0.0.1, so they share one run allowance: a 429's Retry-After pauses all their runs. */
let runsPausedUntil = 0;
const runStats = { ran: 0, refused: 0 };

async function runProgram(learner: Learner): Promise<void> {
  const program = pick(PROGRAMS);
  const { status, body, headers } = await learner.request("POST", "/api/run", { json: { language: program.language, code: program.code } });
  if (status === 429) {
    const retryAfter = Number(headers.get("retry-after"));
    expect(retryAfter, `429 from /api/run without a usable Retry-After: ${body}`).toBeGreaterThan(0);
    runsPausedUntil = Math.max(runsPausedUntil, Date.now() + retryAfter * 1000);
    runStats.refused++;
    return;
  }
  expect(status, body).toBe(200);
  expect((JSON.parse(body) as { stdout: string }).stdout).toBe(program.stdout);
  runStats.ran++;
}

/** One thing a learner does, picked with roughly the weights of a study session: mostly reading, then answering. */
async function act(learner: Learner): Promise<void> {
  const roll = Math.random();
  const lesson = pick(lessons);
  if (roll < 0.3) await learner.request("GET", `/learn/${lesson}`);
  else if (roll < 0.45) {
    const quiz = pick(quizzes);
    await learner.request("POST", quiz.attemptsPath, { json: { answers: quiz.answers, attemptId: eventId() } });
  } else if (roll < 0.6) {
    // The editor's own encoding: a draft key may hold slashes, the route takes it as one path segment.
    await learner.request("PUT", `/api/drafts/${encodeURIComponent(`${lesson}/main.js`)}`, { json: { language: "javascript", code: `// ${eventId()}\nconsole.log("draft");\n` } });
  } else if (roll < 0.7) await learner.request("POST", "/api/progress", { json: { lessonId: lesson, secondsSpent: 60, eventId: eventId() } });
  else if (roll < 0.8 && Date.now() >= runsPausedUntil) await runProgram(learner);
  else if (roll < 0.9) await learner.request("GET", "/api/progress");
  else await learner.request("GET", "/dashboard");
}

/** Processes running as the soak's sandbox uids (bwrap and the programs under it); zombies hold nothing. */
function sandboxProcesses(): string[] {
  const found: string[] = [];
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const uid = Number(/^Uid:\s+(\d+)/m.exec(status)?.[1]);
      if (uid >= SOAK_UID_BASE && uid < SOAK_UID_BASE + 100 && /^State:\s+(\S+)/m.exec(status)?.[1] !== "Z") {
        found.push(`${pid}: ${readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ")}`);
      }
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

it(`serves ${LEARNERS} learners for ${SOAK_SECONDS} s with no 5xx, flat memory and no sandbox left behind`, async () => {
  const { target, cleanup } = await sqliteTestDb();
  const server = await startServer({ port: await freePort(), databaseUrl: target.url, secret: newSecret(), env: SERVER_ENV });
  const tally = new Tally();
  const samples: { second: number; rssMiB: number }[] = [];
  try {
    const learners = await signInAll(server.url, await createAccounts(target.url, LEARNERS), tally);
    const started = Date.now();
    const end = started + SOAK_SECONDS * 1000;
    const sampler = setInterval(() => samples.push({ second: Math.round((Date.now() - started) / 1000), rssMiB: Math.round(server.rssKiB() / 1024) }), SAMPLE_EVERY_MS);
    try {
      await Promise.all(
        learners.map(async (learner) => {
          while (Date.now() < end) {
            await act(learner);
            // A moment to read the answer, so the load is learners rather than a benchmark loop.
            await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200));
          }
        }),
      );
    } finally {
      clearInterval(sampler);
    }
    samples.push({ second: Math.round((Date.now() - started) / 1000), rssMiB: Math.round(server.rssKiB() / 1024) });
    const seconds = (Date.now() - started) / 1000;

    console.log(
      `[soak] ${LEARNERS} learners, ${seconds.toFixed(0)} s: ${tally.requests} requests (${(tally.requests / seconds).toFixed(0)} req/s), ` +
        `statuses ${tally.summary()}; runs ${runStats.ran} ran, ${runStats.refused} refused with Retry-After; ` +
        `RSS MiB ${samples.map((s) => `${s.second}s:${s.rssMiB}`).join(" ")}`,
    );
    // Everything a learner does here is valid: the only refusal allowed is the runner's rate limit.
    expect(tally.refusals.filter((r) => !r.startsWith("POST /api/run → 429"))).toEqual([]);
    expect(runStats.ran).toBeGreaterThan(0);
    const warm = samples.filter((s) => s.second >= WARM_UP_SECONDS);
    expect(warm.length).toBeGreaterThan(1);
    expect(warm.at(-1)!.rssMiB, "RSS at the end vs after the warm-up").toBeLessThanOrEqual(warm[0]!.rssMiB * RSS_GROWTH_LIMIT);
  } finally {
    await server.stop();
    await cleanup();
  }
  // Sandboxed programs end with their run, and nothing they started outlives the server that ran them.
  expect(sandboxProcesses()).toEqual([]);
});
