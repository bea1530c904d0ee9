import { beforeAll, describe, expect, it } from "vitest";
import { POST as advisorRoute } from "@/app/api/advisor/route";
import { GET as pathRoute } from "@/app/api/path/route";
import { POST as previewRoute } from "@/app/api/path/preview/route";
import { getCatalog, getLessonById } from "@/lib/content/catalog";
import { pathPreviewRequestSchema } from "@/lib/path/schema";
import { previewPath } from "@/lib/path/use-cases";
import { PATH_CATALOG } from "@/tests/fixtures/path-catalog";
import { NO_DB } from "@/tests/support/no-db";

const post = (body: unknown, headers: Record<string, string> = {}) =>
  new Request("http://localhost/api/x", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

/** Larger than any route's body limit. */
const OVERSIZED = "x".repeat(1024 * 1024);

const guestAdvisor = advisorRoute.withDeps({ currentUser: async () => null, db: NO_DB });

// Outside production every read of the course loads and checks every lesson again: seconds on a busy machine. The
// tests read it once; the routes read it once per request.
let course: ReturnType<typeof getCatalog>;
beforeAll(() => {
  course = getCatalog();
}, 60_000);
const READS_THE_COURSE = { timeout: 30_000 };

describe("POST /api/path/preview", () => {
  it("builds a path for a JavaScript developer from the bridge catalog", READS_THE_COURSE, async () => {
    const response = await previewRoute(post({ answers: { background: "frontend-js", goals: ["real-time"], hoursPerWeek: 4 } }));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ primary: "node", secondary: "go" });
    expect(body.reasons.length).toBeGreaterThan(0);
    // The whole course in the engine's order: the choosing track, then the primary track, then the secondary one.
    const inTrack = (track: string) => course.lessons.filter((l) => l.trackId === track).map((l) => l.id);
    expect(body.steps.map((s: { lessonId: string }) => s.lessonId)).toEqual([...inTrack("choosing"), ...inTrack("node"), ...inTrack("go")]);
    expect(body.steps[0]).toMatchObject({ status: "next", reason: expect.any(String) });
  });

  it("adapts to a guest's learner state sent along", async () => {
    const request = pathPreviewRequestSchema.parse({
      answers: { background: "frontend-js", hoursPerWeek: 4 },
      learner: { mastery: { channels: { correct: 0, total: 3 } }, completedLessonIds: ["choosing/01-the-landscape"] },
    });
    const body = previewPath(request, { catalog: PATH_CATALOG, now: new Date("2026-03-01T00:00:00Z") });
    const pending = body.steps.filter((s: { status: string }) => s.status !== "done");
    expect(pending[1]).toMatchObject({ lessonId: "go/02-channels", reason: "review: you missed 3 of 3 questions on channels" });
    expect(body.steps[0]).toMatchObject({ lessonId: "choosing/01-the-landscape", status: "done" });
  });

  it.each([
    ["invalid JSON", post("{nope"), 400, /valid JSON/],
    ["no answers", post({}), 400, /answers/],
    ["an unknown background", post({ answers: { background: "wizard", hoursPerWeek: 3 } }), 400, /answers\.background/],
    ["hours as text", post({ answers: { background: "systems", hoursPerWeek: "many" } }), 400, /answers\.hoursPerWeek/],
    ["goals that are not a list", post({ answers: { background: "systems", goals: "real-time", hoursPerWeek: 3 } }), 400, /answers\.goals/],
    ["a learner state with a bad date", post({ answers: { background: "systems", hoursPerWeek: 3 }, learner: { reviewItems: [{ topic: "gil", dueAt: "soon" }] } }), 400, /learner\.reviewItems\.0\.dueAt/],
    ["a learner state with a bad topic", post({ answers: { background: "systems", hoursPerWeek: 3 }, learner: { mastery: { "Not A Tag": { correct: 1, total: 2 } } } }), 400, /learner\.mastery/],
    ["a learner state with negative counts", post({ answers: { background: "systems", hoursPerWeek: 3 }, learner: { mastery: { gil: { correct: -1, total: 2 } } } }), 400, /learner\.mastery\.gil\.correct/],
    ["a form body", post("background=systems", { "content-type": "application/x-www-form-urlencoded" }), 415, /application\/json/],
    ["an oversized body", post({ answers: { background: "systems", hoursPerWeek: 3 }, pad: OVERSIZED }), 413, /too large|larger than/],
  ])("answers %s with %i and a message", async (_name, request, status, message) => {
    const response = await previewRoute(request);
    expect(response.status).toBe(status);
    expect((await response.json()).error).toMatch(message);
  });
});

describe("POST /api/advisor", () => {
  it("recommends with reasons linked to lessons, unsaved for a guest", READS_THE_COURSE, async () => {
    const response = await guestAdvisor(post({ requestsPerSecond: 200000, p99LatencyMs: 5, teamLanguages: [], needsML: false, realTime: false, timeToMarket: "months" }));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(["rust", "go"]).toContain(body.recommendation);
    expect(body.saved).toBe(false);
    expect(body.reasons.length).toBeGreaterThan(1);
    for (const reason of body.reasons) expect(getLessonById(reason.lessonId, course), reason.lessonId).toBeDefined();
    expect(body.beyond.length).toBeGreaterThan(0);
  });

  it.each([
    ["invalid JSON", post("[1,"), 400],
    ["a missing time to market", post({ requestsPerSecond: 10, p99LatencyMs: 50 }), 400],
    ["a negative load", post({ requestsPerSecond: -5, p99LatencyMs: 50, timeToMarket: "weeks" }), 400],
    ["team languages as a string", post({ requestsPerSecond: 5, p99LatencyMs: 50, teamLanguages: "go", timeToMarket: "weeks" }), 400],
    ["an oversized body", post({ requestsPerSecond: 5, p99LatencyMs: 50, timeToMarket: "weeks", teamLanguages: ["x".repeat(9000)] }), 413],
    ["a form body", post("requestsPerSecond=5", { "content-type": "application/x-www-form-urlencoded" }), 415],
  ])("answers %s with %i", async (_name, request, status) => {
    const response = await guestAdvisor(request);
    expect(response.status).toBe(status);
    expect(typeof (await response.json()).error).toBe("string");
  });
});

describe("GET /api/path", () => {
  it("is 401 for a guest", async () => {
    const response = await pathRoute.withDeps({ currentUser: async () => null })(new Request("http://localhost/api/path"));
    expect(response.status).toBe(401);
    expect((await response.json()).error).toMatch(/Sign in/);
  });
});
