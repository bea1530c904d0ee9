import { describe, expect, it } from "vitest";
import { DATABASES } from "../support/test-db";
import { eventId, pick, quizzes } from "./course";
import { createAccounts, signInAll, type Learner } from "../../scripts/lib/learners";
import { freePort } from "../../scripts/db/pg-cluster";
import { newSecret, startServer, type RunningServer } from "../../scripts/lib/production-server";

// Crash safety: signed-in learners burst quiz attempts and lesson visits at the production server, which is killed
// with SIGKILL mid-burst and started again on the same database. Whatever a learner was told was saved (a 2xx) must be
// there exactly once; what was in flight may or may not be, and the browser's retry with the same id settles it.

const LEARNERS = 20;
const ROUNDS = 2;

/** One write a learner sent, by the key the server remembers it under (ProgressEvent.eventId). */
type Sent = { key: string; learner: Learner; path: string; json: unknown; acknowledged: boolean };

function attempt(learner: Learner): Sent {
  const quiz = pick(quizzes);
  const id = eventId();
  return { key: `quiz:${id}`, learner, path: quiz.attemptsPath, json: { answers: quiz.answers, attemptId: id }, acknowledged: false };
}

function visit(learner: Learner): Sent {
  const id = eventId();
  return { key: `visit:${id}`, learner, path: "/api/progress", json: { lessonId: pick(quizzes).id, secondsSpent: 45, eventId: id }, acknowledged: false };
}

/** Every learner writes as fast as it is answered; once `crashAfter` writes were acknowledged, the server is killed. */
async function burstThenCrash(learners: Learner[], server: RunningServer, crashAfter: number): Promise<Sent[]> {
  const sent: Sent[] = [];
  let crashed = false;
  let failure: unknown;
  const loops = learners.map(async (learner) => {
    while (!crashed) {
      const write = Math.random() < 0.75 ? attempt(learner) : visit(learner);
      sent.push(write);
      try {
        const { status, body } = await learner.request("POST", write.path, { json: write.json });
        if (status >= 200 && status < 300) write.acknowledged = true;
        else throw new Error(`POST ${write.path} → ${status}: ${body.slice(0, 300)}`);
      } catch (error) {
        // After the kill, a refused or reset connection is the point; before it, anything but a 2xx is a failure.
        if (!crashed) throw error;
      }
    }
  }).map((loop) => loop.catch((error: unknown) => void (failure ??= error)));
  const deadline = Date.now() + 60_000;
  while (sent.filter((w) => w.acknowledged).length < crashAfter) {
    if (failure) throw failure;
    if (Date.now() > deadline) throw new Error(`only ${sent.filter((w) => w.acknowledged).length} writes acknowledged in 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  crashed = true;
  await server.crash();
  await Promise.all(loops);
  if (failure) throw failure;
  return sent;
}

describe.each(DATABASES)("crash safety on $name", ({ name, open }) => {
  it(`keeps every acknowledged write through ${ROUNDS} SIGKILLs mid-burst`, async () => {
    const { db, target, cleanup } = await open();
    const port = await freePort();
    // No program runs here: warming the Go and Rust caches would only compete for the 2 cores.
    const options = { port, databaseUrl: target.url, secret: newSecret(), env: { RUNNER_WARM_AT_START: "0" } };
    let server = await startServer(options);
    try {
      const emails = await createAccounts(target.url, LEARNERS);
      const users = new Map((await db.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } })).map((u) => [u.email, u.id]));
      const learners = await signInAll(server.url, emails);

      for (let round = 1; round <= ROUNDS; round++) {
        const sent = await burstThenCrash(learners, server, 80 + Math.floor(Math.random() * 150));
        const acknowledged = sent.filter((w) => w.acknowledged);

        if (target.provider === "sqlite") {
          expect(await db.$queryRawUnsafe<{ integrity_check: string }[]>("PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
        }
        const stored = async () => {
          const rows = await db.progressEvent.findMany({ where: { eventId: { in: sent.map((w) => w.key) } }, select: { eventId: true, userId: true } });
          const count = new Map<string, number>();
          for (const row of rows) count.set(`${row.userId} ${row.eventId}`, (count.get(`${row.userId} ${row.eventId}`) ?? 0) + 1);
          return (w: Sent) => count.get(`${users.get(w.learner.email)} ${w.key}`) ?? 0;
        };
        const before = await stored();
        const lost = acknowledged.filter((w) => before(w) !== 1).map((w) => `${w.key}: ${before(w)} rows`);
        expect(lost, "acknowledged writes not stored exactly once").toEqual([]);

        server = await startServer(options);
        // The sessions issued before the crash still work, and the server answers from the database it came back to.
        for (const learner of learners) expect((await learner.request("GET", "/api/progress")).status).toBe(200);
        // The browser's save queue resends what it never heard back about; the same id is applied once.
        const unanswered = sent.filter((w) => !w.acknowledged);
        for (const write of unanswered) expect((await write.learner.request("POST", write.path, { json: write.json })).status).toBe(200);
        const after = await stored();
        expect(sent.filter((w) => after(w) !== 1).map((w) => `${w.key}: ${after(w)} rows`), "writes not stored exactly once after the resend").toEqual([]);

        console.log(
          `[soak] ${name} crash ${round}: ${sent.length} writes sent, ${acknowledged.length} acknowledged, ` +
            `${acknowledged.filter((w) => before(w) === 1).length} of them stored; ${unanswered.filter((w) => before(w) === 1).length} of ` +
            `${unanswered.length} in flight stored anyway; serving again ${server.readyMs} ms after restart`,
        );
      }
      // Each attempt is one event and one stored attempt: a crash never splits the two.
      const userIds = [...users.values()];
      const quizEvents = await db.progressEvent.count({ where: { userId: { in: userIds }, eventId: { startsWith: "quiz:" } } });
      expect(await db.quizAttempt.count({ where: { userId: { in: userIds } } })).toBe(quizEvents);
    } finally {
      await server.stop();
      await cleanup();
    }
  });
});
