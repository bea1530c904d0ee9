import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { fromAddress } from "../../support/client-address";
import { DATABASES, type TestDb } from "../../support/test-db";

// The real route modules, with the real currentUser() reading a real next-auth session cookie (minted by the app's
// own jwt callback) against a throwaway database. Only next/headers is stood in for: outside a Next request there
// is no cookie jar, so the test hands the route the cookie a browser would send.

const SECRET = "integration-test-secret-".padEnd(48, "x");
vi.stubEnv("NEXTAUTH_SECRET", SECRET);
vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");

const jar = vi.hoisted(() => ({ token: "" }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ getAll: () => (jar.token ? [{ name: "next-auth.session-token", value: jar.token }] : []) }),
  headers: async () => new Headers(),
}));

const { authOptions } = await import("@/lib/auth/options");
const { SessionEnded } = await import("@/lib/auth/live-session");
const progress = await import("@/app/api/progress/route");
const merge = await import("@/app/api/progress/merge/route");
const drafts = await import("@/app/api/drafts/[key]/route");
const attempts = await import("@/app/api/quizzes/[track]/[lesson]/attempts/route");
const check = await import("@/app/api/exercises/[id]/check/route");
const path = await import("@/app/api/path/route");
const placement = await import("@/app/api/path/placement/route");
const advisor = await import("@/app/api/advisor/route");
const account = await import("@/app/api/account/route");
const accountExport = await import("@/app/api/account/export/route");
const sessions = await import("@/app/api/account/sessions/route");
const { loadExercise } = await import("@/lib/content/exercises");

const EXERCISE = "node/01-event-loop/in-order";

const request = (method: string, body?: unknown, headers: Record<string, string> = {}) =>
  new Request("http://localhost/api/x", {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const draftContext = { params: Promise.resolve({ key: "node/01-event-loop/hello" }) };
const quizContext = { params: Promise.resolve({ track: "node", lesson: "01-event-loop" }) };
const checkContext = { params: Promise.resolve({ id: encodeURIComponent(EXERCISE) }) };

/** Every route that reads the session, called as the learner's browser would. */
const calls: Record<string, () => Promise<Response>> = {
  "GET /api/progress": () => progress.GET(request("GET")),
  "POST /api/progress": () => progress.POST(request("POST", { lessonId: "node/01-event-loop", secondsSpent: 30 })),
  "POST /api/progress/merge": () => merge.POST(request("POST", { version: 1, guestId: "guest-0001-aaaa" })),
  "GET /api/drafts/<key>": () => drafts.GET(request("GET"), draftContext),
  "PUT /api/drafts/<key>": () => drafts.PUT(request("PUT", { language: "javascript", code: "console.log(1)" }), draftContext),
  "DELETE /api/drafts/<key>": () => drafts.DELETE(request("DELETE"), draftContext),
  "GET /api/path": () => path.GET(request("GET")),
  "GET /api/account/export": () => accountExport.GET(request("GET")),
  "DELETE /api/account/sessions": () => sessions.DELETE(request("DELETE")),
};

/** Routes a guest may use too: a dead session is answered as a guest's, and nothing is stored. */
const guestCalls: Record<string, () => Promise<Response>> = {
  "POST /api/quizzes/<id>/attempts": () => attempts.POST(request("POST", { answers: {} }), quizContext),
  "POST /api/exercises/<id>/check": () =>
    check.POST(request("POST", { language: "javascript", code: loadExercise(EXERCISE)!.solution }, fromAddress("10.9.0.1")), checkContext),
  "POST /api/path/placement": () => placement.POST(request("POST", { answers: {} })),
  "POST /api/advisor": () => advisor.POST(request("POST", { requestsPerSecond: 100, p99LatencyMs: 200, timeToMarket: "weeks" })),
};

/** What next-auth puts in the cookie at sign-in: the app's jwt callback's token, encrypted with the secret. */
async function signIn(user: { id: string; email: string; name: string | null }) {
  const token = await authOptions().callbacks!.jwt!({ token: { email: user.email, name: user.name }, user, account: null, trigger: "signIn" } as never);
  return encode({ token, secret: SECRET });
}

async function readSession(cookie: string) {
  const { decode } = await import("next-auth/jwt");
  const token = (await decode({ token: cookie, secret: SECRET }))!;
  return authOptions().callbacks!.jwt!({ token } as never);
}

describe.each(DATABASES)("sessions on $name", ({ open }) => {
  let t: TestDb;
  const makeUser = (email: string) => t.db.user.create({ data: { email, name: "Ada" }, select: { id: true, email: true, name: true } });

  beforeAll(async () => {
    t = await open();
    // lib/db/client keeps one client per process on globalThis; the routes use this database through it.
    (globalThis as { backendPathsDb?: unknown }).backendPathsDb = t.db;
  });
  afterAll(async () => {
    delete (globalThis as { backendPathsDb?: unknown }).backendPathsDb;
    jar.token = "";
    await t?.cleanup();
  });

  it("after the account is deleted, every authenticated route answers 401 and guest-capable writes store nothing", async () => {
    const ada = await makeUser("ada-deleted@example.com");
    jar.token = await signIn(ada);
    expect((await progress.GET(request("GET"))).status).toBe(200);
    expect((await drafts.PUT(request("PUT", { language: "javascript", code: "1" }), draftContext)).status).toBe(200);

    const deleted = await account.DELETE(request("DELETE", { confirm: ada.email }));
    expect(deleted.status).toBe(200);

    for (const [name, call] of Object.entries(calls)) {
      const response = await call();
      expect({ name, status: response.status }).toEqual({ name, status: 401 });
      expect(await response.json()).toMatchObject({ code: "unauthorized:session" });
    }
    expect((await account.DELETE(request("DELETE", { confirm: ada.email }))).status).toBe(401);
    for (const [name, call] of Object.entries(guestCalls)) {
      const response = await call();
      expect({ name, status: response.status }).toEqual({ name, status: 200 });
      expect(await response.json()).toMatchObject({ saved: false });
    }
    // Nothing was written for the deleted account: no row references its id.
    expect(await t.db.quizAttempt.count({ where: { userId: ada.id } })).toBe(0);
    expect(await t.db.exerciseSubmission.count({ where: { userId: ada.id } })).toBe(0);
    expect(await t.db.advisorResult.count({ where: { userId: ada.id } })).toBe(0);
    // The session endpoint clears the cookie: the jwt callback refuses the token.
    await expect(readSession(jar.token)).rejects.toBeInstanceOf(SessionEnded);
  });

  it("sign out everywhere ends every session issued before it, and only those", async () => {
    const grace = await makeUser("grace@example.com");
    const laptop = await signIn(grace);
    const phone = await signIn(grace);
    jar.token = phone;
    expect((await progress.GET(request("GET"))).status).toBe(200);
    await expect(readSession(laptop)).resolves.toMatchObject({ sub: grace.id });

    jar.token = laptop;
    expect((await sessions.DELETE(request("DELETE"))).status).toBe(204);

    for (const old of [laptop, phone]) {
      jar.token = old;
      expect((await progress.GET(request("GET"))).status).toBe(401);
      await expect(readSession(old)).rejects.toBeInstanceOf(SessionEnded);
    }
    // Signing in again works, and the account and its data are untouched.
    jar.token = await signIn(grace);
    expect((await progress.GET(request("GET"))).status).toBe(200);
    await expect(t.db.user.count({ where: { id: grace.id } })).resolves.toBe(1);
  });

  it("another account's sign out everywhere leaves this one's sessions alone", async () => {
    const [lin, other] = await Promise.all([makeUser("lin@example.com"), makeUser("other@example.com")]);
    const linSession = await signIn(lin);
    jar.token = await signIn(other);
    expect((await sessions.DELETE(request("DELETE"))).status).toBe(204);
    jar.token = linSession;
    expect((await progress.GET(request("GET"))).status).toBe(200);
  });

  it("a signed-in read costs one query, by primary key", async () => {
    const { liveSessionUser } = await import("@/lib/auth/live-session");
    const user = await makeUser("bench@example.com");
    const queries: { model?: string; operation: string; args: unknown }[] = [];
    const counted = t.db.$extends({
      query: {
        async $allOperations({ model, operation, args, query }) {
          queries.push({ model, operation, args });
          return query(args);
        },
      },
    }) as unknown as TestDb["db"];
    await expect(liveSessionUser(counted, { sub: user.id, epoch: 0 })).resolves.toMatchObject({ id: user.id });
    expect(queries).toEqual([{ model: "User", operation: "findUnique", args: expect.objectContaining({ where: { id: user.id } }) }]);

    const runs = 300;
    const started = performance.now();
    for (let i = 0; i < runs; i++) await liveSessionUser(t.db, { sub: user.id, epoch: 0 });
    console.log(`liveSessionUser on ${t.target.provider}: ${(((performance.now() - started) / runs) * 1000).toFixed(0)} µs per call`);
  });
});
