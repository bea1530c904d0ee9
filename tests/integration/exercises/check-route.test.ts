import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/exercises/[id]/check/route";
import type { RouteHandler } from "@/lib/http/route";
import { loadExercise } from "@/lib/content/exercises";
import { sqliteTestDb, type TestDb } from "../../support/test-db";
import { fromAddress } from "../../support/client-address";

// POST /api/exercises/<id>/check called directly, with the real catalog, the real sandboxed runner and a throwaway
// SQLite database. Each test checks from its own address so the per-client run limit and fail count stay its own.

const ID = "node/01-event-loop/in-order";
const exercise = loadExercise(ID)!;
let address = 0;

type Body = {
  passed: boolean;
  tests: { name: string; passed: boolean; message: string }[];
  stdout: string;
  stderr: string;
  durationMs: number;
  solution?: string;
  saved?: boolean;
  completed?: boolean;
  error?: string;
};

describe("POST /api/exercises/<id>/check", () => {
  let t: TestDb;
  let ada: string;
  let babbage: string;
  let signedIn: RouteHandler;
  let guest: RouteHandler;

  beforeAll(async () => {
    t = await sqliteTestDb();
    ada = (await t.db.user.create({ data: { email: "ada@example.com", name: "Ada" } })).id;
    babbage = (await t.db.user.create({ data: { email: "babbage@example.com", name: "Babbage" } })).id;
    signedIn = POST.withDeps({ currentUser: async () => ({ id: ada, email: "ada@example.com", name: "Ada" }), db: t.db });
    guest = POST.withDeps({ currentUser: async () => null, db: t.db });
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  const check = async (handler: RouteHandler, body: unknown, id = ID, ip = `10.0.0.${++address}`) => {
    const request = new Request(`http://localhost/api/exercises/${encodeURIComponent(id)}/check`, {
      method: "POST",
      headers: { "content-type": "application/json", ...fromAddress(ip) },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
    const response = await handler(request, { params: Promise.resolve({ id: encodeURIComponent(id) }) });
    return { status: response.status, body: (await response.json()) as Body };
  };

  it.each([
    ["malformed JSON", "{language:", ID, 400, /valid JSON/],
    ["no code", { language: "javascript" }, ID, 400, /code/],
    ["an unknown exercise", { language: "javascript", code: "" }, "node/01-event-loop/no-such", 404, /no exercise/],
    ["an id that leaves lessons/", { language: "javascript", code: "" }, "../../etc/passwd", 404, /no exercise/],
    ["the wrong language", { language: "python", code: "print(1)" }, ID, 400, /solved in javascript/],
    ["code over 64 KiB", { language: "javascript", code: "x".repeat(65 * 1024) }, ID, 413, /64 KiB/],
    ["a body over the request limit", { language: "javascript", code: "x".repeat(300 * 1024) }, ID, 413, /large/],
  ])("answers %s with the status and message it names", async (_name, body, id, status, message) => {
    const result = await check(signedIn, body, id);
    expect(result.status).toBe(status);
    expect(result.body.error).toMatch(message);
  });

  it("passes the reference solution with every test's result, sends the solution and stores the submission", async () => {
    const { status, body } = await check(signedIn, { language: "javascript", code: exercise.solution });
    expect(status).toBe(200);
    expect(body.passed).toBe(true);
    expect(body.tests).toEqual(exercise.tests.map((test) => ({ name: test.name, passed: true, message: "" })));
    expect(body.stdout).not.toContain("@@OBS");
    expect(body.solution).toBe(exercise.solution);
    expect(body).toMatchObject({ saved: true, completed: false });

    const rows = await t.db.exerciseSubmission.findMany({ where: { exerciseId: ID } });
    expect(rows.map((r) => [r.userId, r.passed, r.language, r.code])).toEqual([[ada, true, "javascript", exercise.solution]]);
    expect(JSON.parse(rows[0]!.results)).toEqual(body.tests);
    expect(await t.db.exerciseSubmission.count({ where: { userId: babbage } })).toBe(0);
    const lesson = await t.db.lessonProgress.findUnique({ where: { userId_lessonId: { userId: ada, lessonId: "node/01-event-loop" } } });
    expect(lesson).toMatchObject({ completedAt: null });
  });

  it("fails the starter with each test's message, and unlocks the solution only on the third failure", async () => {
    const user = POST.withDeps({ currentUser: async () => ({ id: babbage, email: "babbage@example.com", name: "Babbage" }), db: t.db });
    const ip = "10.1.0.1";
    const first = await check(user, { language: "javascript", code: exercise.starter }, ID, ip);
    expect(first.status).toBe(200);
    expect(first.body.passed).toBe(false);
    expect(first.body.tests.map((test) => test.name)).toEqual(exercise.tests.map((test) => test.name));
    expect(first.body.tests.find((test) => test.name === "returns results in item order")).toMatchObject({
      passed: false,
      message: "mapInOrder([30, 10, 20], waitThenDouble): got null, expected [60,20,40]",
    });
    expect(first.body.solution).toBeUndefined();
    const second = await check(user, { language: "javascript", code: "async function mapInOrder() { return []; }" }, ID, ip);
    expect(second.body.passed).toBe(false);
    expect(second.body.tests.find((test) => test.name === "resolves to an empty array for no items")?.passed).toBe(true);
    expect(second.body.solution).toBeUndefined();
    const third = await check(user, { language: "javascript", code: "throw new Error('nope')" }, ID, ip);
    expect(third.body.passed).toBe(false);
    expect(third.body.stderr).toMatch(/nope/);
    expect(third.body.tests.every((test) => test.message.startsWith("Not run"))).toBe(true);
    expect(third.body.solution).toBe(exercise.solution);
    expect(await t.db.exerciseSubmission.count({ where: { userId: babbage, exerciseId: ID, passed: false } })).toBe(3);
  });

  it("grades a guest without storing anything", async () => {
    const before = await t.db.exerciseSubmission.count();
    const passed = await check(guest, { language: "javascript", code: exercise.solution });
    expect(passed.body).toMatchObject({ passed: true, saved: false, solution: exercise.solution });
    expect(passed.body.completed).toBeUndefined();
    const failed = await check(guest, { language: "javascript", code: exercise.starter });
    expect(failed.body).toMatchObject({ passed: false, saved: false });
    expect(failed.body.solution).toBeUndefined();
    expect(await t.db.exerciseSubmission.count()).toBe(before);
  });
});
