import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getHealth } from "@/app/api/health/route";
import { GET as getProgress, POST as postVisit } from "@/app/api/progress/route";
import { POST as postAttempt } from "@/app/api/quizzes/[track]/[lesson]/attempts/route";
import type { SessionUser } from "@/lib/auth/session";
import { getCatalog, getLessonById } from "@/lib/content/catalog";
import { createDb, type Db } from "@/lib/db/create";
import type { DbTarget } from "@/lib/db/target";
import { ERRORS } from "@/lib/errors";
import { logTo } from "@/lib/log";
import { eventKey } from "@/lib/progress/events";
import { startPgCluster, type PgCluster } from "../../../scripts/db/pg-cluster";
import { applyMigrations } from "../../../scripts/db/migrate-lib";
import { fromAddress } from "../../support/client-address";
import { rightAnswer } from "../../support/quiz-answers";

// PostgreSQL stopped under a small load of quiz attempts and lesson visits, then started again, with the app's own
// route handlers on one Prisma client that lives through it all (no restart): while it is down every answer is a 503
// with Retry-After and the catalogue's sentence (never a 500), each failure is one log line without a stack, health
// says why; once it is back the same client answers again, and every attempt that was acknowledged is stored.
// A cluster of its own, because stopping the run's shared one would fail every other test file.

process.env.NEXTAUTH_SECRET ??= "outage-test-secret-".padEnd(48, "x");

const LESSON = "node/01-event-loop";
const quiz = getLessonById(LESSON, getCatalog())!.quiz!;
const RIGHT = Object.fromEntries(quiz.questions.map((q) => [q.id, rightAnswer(q)]));
const QUIZ_PARAMS = { params: Promise.resolve({ track: "node", lesson: "01-event-loop" }) };
const UNAVAILABLE = ERRORS["unavailable:database"].message;

let cluster: PgCluster;
let db: Db;
let user: SessionUser;

beforeAll(async () => {
  cluster = await startPgCluster();
  cluster.createDatabase("outage");
  const target: DbTarget = { provider: "postgresql", url: cluster.url("outage") };
  await applyMigrations(target);
  db = createDb(target);
  user = await db.user.create({ data: { email: "outage@example.com" }, select: { id: true, email: true, name: true } });
});

afterAll(async () => {
  await db?.$disconnect();
  cluster?.stop();
});

const as = <H extends { withDeps: (deps: { currentUser: () => Promise<SessionUser>; db: Db }) => (r: Request, c?: never) => Promise<Response> }>(h: H) =>
  h.withDeps({ currentUser: async () => user, db });

let serial = 0;
const request = (url: string, body?: unknown) =>
  new Request(`http://localhost${url}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json", "x-request-id": `outage-${++serial}`, ...fromAddress("10.66.0.1") },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

type Answer = { kind: "attempt" | "visit" | "progress"; attemptId?: string; requestId: string; status: number; retryAfter: string | null; body: Record<string, unknown> };

/** One learner's step: a quiz attempt (with its own id), a lesson visit, a read of their progress. */
async function step(): Promise<Answer[]> {
  const attemptId = `outage-attempt-${String(++serial).padStart(4, "0")}`;
  const sent = [
    { kind: "attempt" as const, attemptId, response: as(postAttempt)(request(`/api/quizzes/${LESSON}/attempts`, { answers: RIGHT, attemptId }), QUIZ_PARAMS as never) },
    { kind: "visit" as const, response: as(postVisit)(request("/api/progress", { lessonId: LESSON, secondsSpent: 5, eventId: `outage-visit-${serial}` })) },
    { kind: "progress" as const, response: as(getProgress)(request("/api/progress")) },
  ];
  return Promise.all(
    sent.map(async ({ response, ...rest }) => {
      const answer = await response;
      return {
        ...rest,
        requestId: answer.headers.get("x-request-id") ?? "",
        status: answer.status,
        retryAfter: answer.headers.get("retry-after"),
        body: (await answer.json()) as Record<string, unknown>,
      };
    }),
  );
}

/** Learners stepping over and over, three at once, until `until` settles; every answer is kept. */
async function load(until: Promise<unknown>): Promise<Answer[]> {
  let done = false;
  void until.finally(() => (done = true));
  const answers: Answer[] = [];
  await Promise.all(
    Array.from({ length: 3 }, async () => {
      while (!done) answers.push(...(await step()));
    }),
  );
  return answers;
}

const health = async () => {
  const response = await getHealth.withDeps({ db })(request("/api/health"));
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: (await response.json()) as Record<string, unknown> };
};

describe("PostgreSQL stopped and started under load", () => {
  const acknowledged: string[] = [];
  const acknowledge = (answers: Answer[]) => acknowledged.push(...answers.filter((a) => a.kind === "attempt" && a.status === 200).map((a) => a.attemptId!));

  it("serves while it is up", async () => {
    const answers = [...(await step()), ...(await step())];
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(200));
    acknowledge(answers);
    expect(await health()).toMatchObject({ status: 200, body: { status: "ok", db: "ok" } });
  });

  it("answers 503 with Retry-After and the sentence while it stops and while it is down, never 500; one log line each, no stack", async () => {
    const lines: string[] = [];
    const restore = logTo({ write: (line: string) => void lines.push(line) });
    try {
      const during = await load(new Promise((resolve) => setTimeout(() => resolve(cluster.pause()), 300)));
      acknowledge(during);
      expect(during.filter((a) => a.status !== 200 && a.status !== 503)).toEqual([]);

      const down = [...(await step()), ...(await step()), ...(await step())];
      for (const answer of down) {
        expect(answer).toMatchObject({ status: 503, retryAfter: "5", body: { code: "unavailable:database", error: UNAVAILABLE } });
      }

      const failed = [...during, ...down].filter((a) => a.status === 503);
      const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(logged).toHaveLength(failed.length);
      expect(new Set(logged.map((l) => l.requestId))).toEqual(new Set(failed.map((a) => a.requestId)));
      for (const line of logged) {
        expect(line).toMatchObject({ level: 40, msg: "request failed", status: 503, code: "unavailable:database" });
        expect(line.route).toMatch(/^(GET|POST) \/api\//);
        expect(line.durationMs).toEqual(expect.any(Number));
        expect(line).not.toHaveProperty("err");
        expect(JSON.stringify(line)).not.toMatch(/\n\s+at /);
      }
    } finally {
      restore();
    }

    const reported = await health();
    expect(reported).toMatchObject({ status: 503, retryAfter: "5", body: { status: "degraded", db: "unavailable", reason: expect.any(String) } });
    expect(String(reported.body.reason)).toMatch(/not reachable|connection closed|shutting down|timed out/);
  });

  it("answers again once it is back, without restarting the app, and lost no acknowledged attempt", async () => {
    cluster.resume();
    const answers = [...(await step()), ...(await step()), ...(await step())];
    expect(answers.map((a) => a.status)).toEqual(Array(9).fill(200));
    acknowledge(answers);
    expect(await health()).toMatchObject({ status: 200, body: { db: "ok" } });

    expect(acknowledged.length).toBeGreaterThanOrEqual(5);
    const keys = acknowledged.map((id) => eventKey({ type: "quiz", id }));
    const stored = await db.progressEvent.findMany({ where: { userId: user.id, eventId: { in: keys } }, select: { eventId: true } });
    expect(stored.map((e) => e.eventId).sort()).toEqual(keys.sort());
    expect(await db.quizAttempt.count({ where: { userId: user.id } })).toBeGreaterThanOrEqual(acknowledged.length);
  });
});
