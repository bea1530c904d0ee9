import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/path/placement/route";
import { getPlacement } from "@/lib/path/placement-source";
import { NO_DB } from "@/tests/support/no-db";

const post = (body: unknown, headers: Record<string, string> = {}) =>
  new Request("http://localhost/api/path/placement", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

// A guest, with a database that fails any use. Saving for a signed-in learner runs on real databases
// (tests/integration/path/adaptation.test.ts).
const placementRoute = POST.withDeps({ currentUser: async () => null, db: NO_DB });

describe("POST /api/path/placement", () => {
  // Outside production the route reads every quiz again on each request: seconds on a busy machine.
  it("grades a guest's answers on the server and saves nothing", { timeout: 30_000 }, async () => {
    const [first] = getPlacement();
    const response = await placementRoute(post({ answers: { [first!.lessonId]: {} } }));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.saved).toBe(false);
    expect(body.passedLessonIds).toEqual([]);
    expect(body.lessons[0]).toMatchObject({ lessonId: first!.lessonId, passed: false, correct: 0, total: 2 });
    expect(JSON.stringify(body)).not.toMatch(/"answer"|explanation|expected/);
  });

  it.each([
    ["invalid JSON", post("{nope"), 400, /valid JSON/],
    ["no answers", post({}), 400, /answers/],
    ["answers that are not an object", post({ answers: ["go/01-goroutines"] }), 400, /answers/],
    ["a key that is not a lesson id", post({ answers: { "../etc/passwd": {} } }), 400, /answers/],
    ["a lesson not in the placement quiz", post({ answers: { "go/99-no-such-lesson": {} } }), 400, /Not in the placement quiz: go\/99-no-such-lesson/],
    ["an answer of the wrong shape", post({ answers: { "go/01-goroutines": { "goroutine-threads": { deep: true } } } }), 400, /answers/],
    ["a form body", post("answers=1", { "content-type": "application/x-www-form-urlencoded" }), 415, /application\/json/],
    ["an oversized body", post({ answers: {}, pad: "x".repeat(1024 * 1024) }), 413, /larger than|too large/],
  ])("answers %s with %i and a message", async (_name, request, status, message) => {
    const response = await placementRoute(request);
    expect(response.status).toBe(status);
    expect((await response.json()).error).toMatch(message);
  });
});
