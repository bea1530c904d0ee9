import { describe, expect, it } from "vitest";
import { createPlacementHandler, PLACEMENT_BODY_LIMIT } from "@/lib/path/http";
import { getPlacement } from "@/lib/path/placement-source";
import { onboardingAnswersSchema, type OnboardingAnswers } from "@/lib/path/schema";

const post = (body: unknown, headers: Record<string, string> = {}) =>
  new Request("http://localhost/api/path/placement", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

// A guest: the route file wires in next-auth's session, which needs a configured server; the handler is the same.
const placementRoute = createPlacementHandler({
  currentUser: async () => null,
  getPlacement,
  getOnboardingAnswers: async () => {
    throw new Error("a guest has no saved answers to read");
  },
  saveOnboardingAnswers: async () => {
    throw new Error("a guest's placement must not be saved");
  },
});

describe("POST /api/path/placement", () => {
  it("grades a guest's answers on the server and saves nothing", async () => {
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
    ["an oversized body", post({ answers: {}, pad: "x".repeat(PLACEMENT_BODY_LIMIT) }), 413, /larger than|too large/],
  ])("answers %s with %i and a message", async (_name, request, status, message) => {
    const response = await placementRoute(request);
    expect(response.status).toBe(status);
    expect((await response.json()).error).toMatch(message);
  });

  it("saves the result into a signed-in learner's answers, replacing an earlier one, and not without answers", async () => {
    const stored = new Map<string, OnboardingAnswers>([
      ["ada", onboardingAnswersSchema.parse({ background: "frontend-js", hoursPerWeek: 4, placement: { passedLessonIds: ["rust/01-ownership-and-async"] } })],
    ]);
    const handlerFor = (userId: string) =>
      createPlacementHandler({
        currentUser: async () => ({ id: userId }),
        getPlacement,
        getOnboardingAnswers: async ({ userId: id }) => stored.get(id) ?? null,
        saveOnboardingAnswers: async ({ userId: id, answers }) => void stored.set(id, answers),
      });
    const go = getPlacement().find((l) => l.lessonId === "go/01-goroutines")!;
    const right = Object.fromEntries(go.questions.map((q) => [q.id, q.kind === "fill-blank" ? q.answer.map((a) => a[0]!) : q.answer]));
    const saved = await (await handlerFor("ada")(post({ answers: { "go/01-goroutines": right } }))).json();
    expect(saved).toMatchObject({ saved: true, passedLessonIds: ["go/01-goroutines"] });
    expect(stored.get("ada")).toMatchObject({ background: "frontend-js", placement: { passedLessonIds: ["go/01-goroutines"] } });

    const unsaved = await (await handlerFor("grace")(post({ answers: {} }))).json();
    expect(unsaved.saved).toBe(false);
    expect(stored.has("grace")).toBe(false);
  });
});
