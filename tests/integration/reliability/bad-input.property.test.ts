import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { checkRequestSchema } from "@/lib/content/exercise-schema";
import { getCatalog } from "@/lib/content/catalog";
import { exerciseIdSchema } from "@/lib/course/id-schemas";
import { ERRORS } from "@/lib/errors";
import { route, type RouteHandler } from "@/lib/http/route";
import { checkAuthEndpoint, guardAuthRequest } from "@/lib/auth/guard-request";
import { authOptions } from "@/lib/auth/options";
import type { SessionUser } from "@/lib/auth/session";
import { decodeSegment } from "@/lib/http/path-segment";
import { guestStateSchema } from "@/lib/progress/guest-schema";
import { runRequestSchema } from "@/lib/runner/types";
import { badActionInput, badBody, badHeaders, badQuery, badSegment, type BadBody } from "../../support/arbitraries";
import { fromAddress } from "../../support/client-address";
import { rightAnswer } from "../../support/quiz-answers";
import { DATABASES, type TestDb } from "../../support/test-db";

// Property: whatever a guest or a signed-in learner sends to any route under app/api or any server action, the answer
// is a 4xx with a JSON { error } message, or (input valid by chance) a sensible 2xx; never a 5xx, never a hang.
// Routes are found on disk, so a new route is covered the day it lands (and fails here until it has a profile below).
// A failure prints fast-check's seed and the shrunk input; rerun it with FC_SEED=<seed>.

const APP = path.join(process.cwd(), "app");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const CALL_MS = 10_000;
const NUM_RUNS = Number(process.env.FC_RUNS ?? 50);
const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;

/** Valid-looking bodies and segment values per route: the generators mutate these, so most input is near-valid. */
type Profile = {
  body?: Record<string, unknown>;
  segments?: Record<string, string>;
  /** True when this input would make the route run a program: such input is left to the few fixed cases below. */
  runsCode?: (body: unknown, params: Record<string, unknown>) => boolean;
};

/** A real lesson with a quiz and its right answers, so near-valid input reaches grading and the ledger, not just the id check. */
const QUIZ_LESSON = getCatalog().lessons.find((lesson) => (lesson.quiz?.questions.length ?? 0) >= 3)!;
const RIGHT_ANSWERS = Object.fromEntries(QUIZ_LESSON.quiz!.questions.map((question) => [question.id, rightAnswer(question)]));

const valid = (schema: z.ZodType) => (body: unknown) => schema.safeParse(body).success;

const PROFILES: Record<string, Profile> = {
  "api/[...unknown]": { body: { a: 1 }, segments: { unknown: "no-such-api" } },
  "api/account": { body: { confirm: "someone-else@example.com" } },
  "api/account/export": {},
  "api/account/sessions": {},
  "api/advisor": { body: { requestsPerSecond: 100, p99LatencyMs: 50, teamLanguages: ["TypeScript"], needsML: false, realTime: true, timeToMarket: "weeks", budget: "low" } },
  "api/auth/[...nextauth]": { body: { csrfToken: "x", email: "ada@example.com", password: "correct horse" }, segments: { nextauth: "session" } },
  "api/drafts/[key]": { body: { language: "python", code: "print(1)", result: { passed: true, summary: "ok" } }, segments: { key: encodeURIComponent(`${QUIZ_LESSON.id}/hello`) } },
  "api/exercises/[id]/check": {
    body: { language: "javascript", code: "module.exports = 1" },
    segments: { id: encodeURIComponent("node/01-event-loop/in-order") },
    runsCode: (body, params) => valid(checkRequestSchema)(body) && exerciseIdSchema.safeParse(params.id).success,
  },
  "api/health": {},
  "api/path": {},
  "api/path/placement": { body: { answers: { [QUIZ_LESSON.id]: RIGHT_ANSWERS } } },
  "api/path/preview": {
    body: { answers: { background: "frontend-js", goals: ["real-time"], hoursPerWeek: 4 }, learner: { mastery: { channels: { correct: 0, total: 3 } }, completedLessonIds: [QUIZ_LESSON.id] } },
  },
  "api/progress": { body: { lessonId: QUIZ_LESSON.id, secondsSpent: 30, eventId: "visit-0001" } },
  "api/progress/attempts": {},
  "api/progress/guest": {},
  "api/progress/merge": {
    body: {
      version: 2,
      guestId: "guest-0001",
      entries: [
        { event: { type: "visit", id: "visit-0001", lessonId: QUIZ_LESSON.id, seconds: 5, at: "2026-01-01T00:00:00Z" } },
        { event: { type: "quiz", id: "attempt-0001", quizId: QUIZ_LESSON.id, answers: RIGHT_ANSWERS, at: "2026-01-01T00:00:00Z" }, shown: { score: 1, passed: true } },
      ],
    },
    // A merge re-checks the guest's exercise passes in the sandbox: any valid state is left out, to be safe.
    runsCode: valid(guestStateSchema),
  },
  "api/quizzes/[track]/[lesson]/attempts": {
    body: { answers: RIGHT_ANSWERS, attemptId: "attempt-0001", reveal: Object.keys(RIGHT_ANSWERS).slice(0, 1) },
    segments: { track: QUIZ_LESSON.trackId, lesson: QUIZ_LESSON.slug },
  },
  "api/run": { body: { language: "python", code: "print(1)", stdin: "" }, runsCode: valid(runRequestSchema) },
};

type Listed = { file: string; dir: string; method: (typeof METHODS)[number] };
type Handler = RouteHandler & { withDeps: (deps: object) => RouteHandler };

/** Every method each app/api/**\/route.ts exports, read from its source so each becomes its own named test. */
function listRoutes(dir = path.join(APP, "api")): Listed[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listRoutes(full);
    if (entry.name !== "route.ts") return [];
    const source = fs.readFileSync(full, "utf8");
    return METHODS.filter((m) => new RegExp(`export (async function|const) ${m}\\b|as ${m}\\b`).test(source)).map((method) => ({ file: full, dir: path.relative(APP, dir), method }));
  });
}

const handlerOf = async ({ file, method }: Listed) => ((await import(file)) as Record<string, Handler | undefined>)[method];

/** Answers by route and status, printed at the end: the figures for the reliability note, and proof input got past the guards. */
const tally = new Map<string, Map<string, number>>();
function count(name: string, outcome: string | number) {
  const byOutcome = tally.get(name) ?? new Map<string, number>();
  byOutcome.set(String(outcome), (byOutcome.get(String(outcome)) ?? 0) + 1);
  tally.set(name, byOutcome);
}

let address = 0;
/** A fresh client address per request, so run-rate limits answer (a fine 429) only where a test means them to. */
const nextAddress = () => fromAddress(`10.${(++address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`);

function within<T>(promise: Promise<T>, label: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CALL_MS} ms: ${label}`)), CALL_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A short, printable description of a request: bodies may be megabytes. */
function describeInput(method: string, url: string, body: BadBody | null): string {
  if (!body) return `${method} ${url.slice(0, 200)}`;
  const text = typeof body.text === "string" ? body.text : `bytes ${Buffer.from(body.text).toString("hex")}`;
  return `${method} ${url.slice(0, 200)} type=${body.contentType} length=${body.contentLength} body(${text.length})=${JSON.stringify(text.slice(0, 200))}`;
}

function parsedBody(body: BadBody | null): unknown {
  try {
    return body ? JSON.parse(typeof body.text === "string" ? body.text : new TextDecoder().decode(body.text)) : undefined;
  } catch {
    return undefined;
  }
}

/** The route's address with each dynamic segment filled in as sent (still %-encoded, as Next hands params over). */
function fill(dir: string, values: Record<string, string | string[]>) {
  const url = dir
    .split("/")
    .map((seg) => {
      const name = /^\[(?:\.\.\.)?(.+)\]$/.exec(seg)?.[1];
      if (!name) return seg;
      const value = values[name]!;
      return Array.isArray(value) ? value.join("/") : value;
    })
    .join("/");
  return `http://localhost/${url}`;
}

/** The dynamic segments of a route directory: name and whether it is a catch-all. */
function segmentsOf(dir: string) {
  return dir.split("/").flatMap((seg) => {
    const match = /^\[(\.\.\.)?(.+)\]$/.exec(seg);
    return match ? [{ name: match[2]!, catchAll: Boolean(match[1]) }] : [];
  });
}

/** What every answer must be: below 500; a 4xx carries a JSON message; a 2xx is JSON (or an empty 204). */
async function expectSensible(response: Response, label: string) {
  if (response.status >= 500) throw new Error(`${response.status} for ${label}: ${(await response.text()).slice(0, 300)}`);
  const text = await response.text();
  if (response.status === 204) return expect(text, label).toBe("");
  expect(response.headers.get("content-type") ?? "", label).toMatch(/application\/json/);
  const body = JSON.parse(text) as { error?: unknown };
  if (response.status >= 400) {
    expect(typeof body.error, label).toBe("string");
    expect((body.error as string).length, label).toBeGreaterThan(0);
  }
}

/**
 * next-auth 4 reads the request scope (next/headers), which exists only inside Next's server; input the route's own
 * checks let through is next-auth's to answer, and the end-to-end API spec covers it there.
 */
async function reachesNextAuth(method: string, segments: string[], body: BadBody | null): Promise<boolean> {
  try {
    checkAuthEndpoint(method, segments.map(decodeSegment), authOptions().providers);
    await guardAuthRequest(buildRequest(method, "http://localhost/api/auth/x", body));
    return true;
  } catch {
    return false;
  }
}

function buildRequest(method: string, url: string, body: BadBody | null, extra: Record<string, string> = {}): Request {
  const headers: Record<string, string> = { ...extra, ...nextAddress() };
  if (body?.contentType != null) headers["content-type"] = body.contentType;
  if (body?.contentLength != null) headers["content-length"] = body.contentLength;
  return new Request(url, { method, headers, body: body ? body.text : undefined });
}

const listed = listRoutes();

it("finds every route and method on disk, each route with a profile", async () => {
  expect(listed.map((r) => `${r.method} /${r.dir}`)).toContain("POST /api/run");
  expect([...new Set(listed.filter((r) => !PROFILES[r.dir]).map((r) => r.dir))], "add a profile for these routes").toEqual([]);
  // The source scan must agree with what the modules export, or a method would go untested.
  for (const file of new Set(listed.map((r) => r.file))) {
    const mod = (await import(file)) as object;
    const exported = METHODS.filter((m) => m in mod);
    expect(listed.filter((r) => r.file === file).map((r) => r.method), file).toEqual(exported);
  }
});

afterAll(() => {
  const lines = [...tally].map(([name, outcomes]) => `${name}: ${[...outcomes].map(([o, n]) => `${o}×${n}`).join(" ")}`);
  const total = [...tally.values()].reduce((sum, outcomes) => sum + [...outcomes.values()].reduce((a, b) => a + b, 0), 0);
  console.log(`bad input: ${total} requests and action calls, none answered 5xx\n${lines.join("\n")}`);
});

describe.each(DATABASES)("bad input never gets a 5xx, on $name", ({ name: database, open }) => {
  let t: TestDb;
  const users: { name: string; user: () => SessionUser | null }[] = [];

  beforeAll(async () => {
    // As in production, the course content is read once, not on every request (it is re-read only for `next dev`).
    vi.stubEnv("NODE_ENV", "production");
    t = await open();
    // next-auth's route reads the app's own database and secret: point both at a test's (it never reaches it here).
    process.env.DATABASE_URL ??= t.target.url;
    process.env.NEXTAUTH_SECRET ??= "x".repeat(48);
    const learner = await t.db.user.create({ data: { email: "learner@example.com", name: "Learner" }, select: { id: true, email: true, name: true } });
    users.push({ name: "a guest", user: () => null }, { name: "a signed-in learner", user: () => learner });
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await t?.cleanup();
  });

  // One test per route, method and caller, so a failure names them.
  for (const entry of listed) {
    const { dir, method } = entry;
    for (const who of ["a guest", "a signed-in learner"]) {
      it(`${method} /${dir} as ${who}`, async () => {
        const user = users.find((u) => u.name === who)!.user();
        const profile = PROFILES[dir]!;
        const handler = (await handlerOf(entry))!.withDeps({ currentUser: async () => user, db: t.db });
        const segments = segmentsOf(dir);
        const segmentArb = fc.record(
          Object.fromEntries(
            segments.map(({ name, catchAll }) => {
              const sample = profile.segments?.[name] ?? "x";
              return [name, catchAll ? fc.array(badSegment(sample), { minLength: 1, maxLength: 3 }) : badSegment(sample)];
            }),
          ) as Record<string, fc.Arbitrary<string | string[]>>,
        );
        const bodyArb = method === "GET" ? fc.constant(null) : fc.option(badBody(profile.body ?? {}), { freq: 8 });

        await fc.assert(
          fc.asyncProperty(segmentArb, badQuery, bodyArb, badHeaders, async (params, query, body, headers) => {
            const decoded = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v : decodeOrKeep(v)]));
            fc.pre(!profile.runsCode?.(parsedBody(body), decoded));
            if (dir === "api/auth/[...nextauth]") fc.pre(!(await reachesNextAuth(method, params.nextauth as string[], body)));
            const url = fill(dir, params) + query;
            const label = `${describeInput(method, url, body)} headers=${JSON.stringify(headers).slice(0, 300)} as ${who}`;
            const response = await within(handler(buildRequest(method, url, body, headers), { params: Promise.resolve(params) }), label);
            count(`${database} ${method} /${dir}`, response.status);
            await expectSensible(response, label);
          }),
          { numRuns: NUM_RUNS, seed: SEED, endOnFailure: true },
        );
      });
    }
  }

  // The routes that run programs get a handful of valid but odd requests (the generators above keep away from valid
  // ones, so the sandbox is not asked for thousands of runs).
  describe("valid but odd programs", () => {
    const odd = "\u202E😀\uD800\uFEFF";
    const post = (body: unknown) => buildRequest("POST", "http://localhost/api/x", { text: JSON.stringify(body), contentType: "application/json", contentLength: null });
    const checkContext = (id: string) => ({ params: Promise.resolve({ id: encodeURIComponent(id) }) });
    const cases: { name: string; route: string; body: unknown; context?: { params: Promise<unknown> }; status: number }[] = [
      { name: "odd Unicode in code and stdin", route: "api/run", body: { language: "python", code: `print(${JSON.stringify(odd)})`, stdin: odd }, status: 200 },
      { name: "code just under 64 KiB of two-byte characters", route: "api/run", body: { language: "javascript", code: `// ${"é".repeat(32_000)}\nconsole.log(1)` }, status: 200 },
      { name: "empty code", route: "api/run", body: { language: "python", code: "" }, status: 200 },
      // PostgreSQL cannot store U+0000 (these were 500s there): it is refused on both databases, before any run.
      { name: "a NUL in stdin", route: "api/run", body: { language: "python", code: "print(1)", stdin: "a\u0000b" }, status: 400 },
      { name: "a check of code with a NUL", route: "api/exercises/[id]/check", body: { language: "javascript", code: "// \u0000" }, context: checkContext("node/01-event-loop/in-order"), status: 400 },
      { name: "a check of odd Unicode", route: "api/exercises/[id]/check", body: { language: "javascript", code: `\uFEFF// ${odd}` }, context: checkContext("node/01-event-loop/in-order"), status: 200 },
      { name: "a check of an unknown exercise", route: "api/exercises/[id]/check", body: { language: "javascript", code: "1" }, context: checkContext("node/99-nope/nothing"), status: 404 },
      {
        name: "a merge with an exercise event of odd code",
        route: "api/progress/merge",
        body: {
          version: 2,
          guestId: "guest-odd-0001",
          entries: [{ event: { type: "exercise", id: "exercise-odd-0001", exerciseId: "node/01-event-loop/in-order", language: "javascript", code: odd, at: new Date().toISOString() } }],
        },
        status: 200,
      },
    ];
    it.each(cases)("$name -> $status", async ({ route: dir, body, context, status }) => {
      const handler = (await handlerOf(listed.find((r) => r.dir === dir && r.method === "POST")!))!.withDeps({ currentUser: async () => users[1]!.user(), db: t.db });
      const label = `POST /${dir} ${JSON.stringify(body).slice(0, 200)}`;
      const response = await within(handler(post(body), context), label);
      count(`${database} POST /${dir} (valid)`, response.status);
      expect(response.status, label).toBe(status);
      await expectSensible(response, label);
    });
  });

  describe("server actions", () => {
    const failureText = ERRORS["internal:server"].message;

    it("saveOnboardingAction answers bad input with a message, never the internal error", async () => {
      const { saveOnboardingAction } = await import("@/app/onboarding/actions");
      const sample = { background: "frontend-js", goals: ["real-time"], hoursPerWeek: 4, selfRating: { node: 3, go: 0 }, placement: { passedLessonIds: ["go/01-why-go"] } };
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...users), badActionInput(sample), async (who, input) => {
          const run = saveOnboardingAction.withDeps({ currentUser: async () => who.user(), db: t.db, headers: async () => new Headers(nextAddress()) });
          const result = (await within(run(input), `onboarding ${who.name}`)) as { ok: boolean; error?: string };
          count(`${database} action saveOnboardingAction`, result.ok ? "ok" : "refused");
          if (!result.ok) {
            expect(typeof result.error).toBe("string");
            expect(result.error).not.toBe(failureText);
          }
        }),
        { numRuns: NUM_RUNS * 2, seed: SEED, endOnFailure: true },
      );
    });

    it("refuses a NUL in a sign-up name with a message (a 500 on PostgreSQL before)", async () => {
      const { signUpWithForm } = await import("@/lib/auth/sign-up");
      const form = new FormData();
      for (const [name, value] of Object.entries({ name: "A\u0000da", email: "nul@example.com", password: "correct horse battery" })) form.append(name, value);
      const result = await signUpWithForm(form, { db: t.db, headers: async () => new Headers(nextAddress()) });
      expect(result).toMatchObject({ ok: false, error: "name: text must not contain the NUL character (U+0000)." });
      expect(await t.db.user.count({ where: { email: "nul@example.com" } })).toBe(0);
    });

    it("signUpWithForm answers bad input with a message, never the internal error", async () => {
      const { signUpWithForm } = await import("@/lib/auth/sign-up");
      const sample = { name: "Ada", email: "ada@example.com", password: "correct horse battery" };
      await fc.assert(
        fc.asyncProperty(badActionInput(sample), async (input) => {
          // The form always posts FormData; any other value is what a forged action call would carry.
          const form = input instanceof FormData ? input : toForm(input);
          const result = await within(signUpWithForm(form, { db: t.db, headers: async () => new Headers(nextAddress()) }), "sign-up");
          count(`${database} action signUpAction`, result.ok ? "ok" : "refused");
          if (!result.ok) {
            expect(typeof result.error).toBe("string");
            expect(result.error).not.toBe(failureText);
          }
        }),
        { numRuns: NUM_RUNS, seed: SEED, endOnFailure: true },
      );
    });
  });
});

/** A segment as the route will see it; left as is where the route will refuse it anyway. */
function decodeOrKeep(value: string): string {
  try {
    return decodeSegment(value);
  } catch {
    return value;
  }
}

/** A value as the fields of a form: an object's own fields as text, anything else under one odd name. */
function toForm(value: unknown): FormData {
  const form = new FormData();
  const fields = typeof value === "object" && value !== null && !Array.isArray(value) ? Object.entries(value) : [["value", value]];
  for (const [name, field] of fields) form.append(String(name), typeof field === "string" ? field : JSON.stringify(field) ?? "");
  return form;
}

// The property must be able to fail: a route that breaks on one input is caught, with the input that broke it.
it("catches a route that answers 5xx for one input", async () => {
  const fragile = route({ body: { schema: z.object({ n: z.unknown() }), limit: 1024 } }, async ({ body }) => ({ shout: (body.n as string).toUpperCase() }));
  const failure = await fc
    .assert(
      fc.asyncProperty(badBody({ n: "text" }), async (body) => {
        await expectSensible(await fragile(buildRequest("POST", "http://localhost/api/x", body)), "fragile");
      }),
      { numRuns: NUM_RUNS, seed: SEED },
    )
    .then(() => null, (error: Error) => error);
  expect(failure?.message).toMatch(/Counterexample: \[\{"text":/);
  expect((failure?.cause as Error | undefined)?.message).toMatch(/^500 for fragile/);
});
