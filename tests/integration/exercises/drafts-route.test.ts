import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as drafts from "@/app/api/drafts/[key]/route";
import type { Deps } from "@/lib/http/use-case";
import { sqliteTestDb, type TestDb } from "../../support/test-db";

// GET/PUT/DELETE /api/drafts/<key> called directly with a known user and a throwaway SQLite database.

const KEY = "exercise/node/01-event-loop/in-order";

describe("/api/drafts/<key>", () => {
  let t: TestDb;
  let ada: ReturnType<typeof handlersFor>;
  let babbage: ReturnType<typeof handlersFor>;
  let guest: ReturnType<typeof handlersFor>;
  /** The route's three methods with a known user and this test's database. */
  const handlersFor = (deps: Partial<Deps>) => ({ GET: drafts.GET.withDeps(deps), PUT: drafts.PUT.withDeps(deps), DELETE: drafts.DELETE.withDeps(deps) });

  beforeAll(async () => {
    t = await sqliteTestDb();
    const select = { id: true, email: true, name: true } as const;
    const adaUser = await t.db.user.create({ data: { email: "ada@example.com" }, select });
    const babbageUser = await t.db.user.create({ data: { email: "babbage@example.com" }, select });
    ada = handlersFor({ currentUser: async () => adaUser, db: t.db });
    babbage = handlersFor({ currentUser: async () => babbageUser, db: t.db });
    guest = handlersFor({ currentUser: async () => null, db: t.db });
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  const context = (key = KEY) => ({ params: Promise.resolve({ key: encodeURIComponent(key) }) });
  const put = (body: unknown) =>
    new Request("http://localhost/api/drafts/x", {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  const get = () => new Request("http://localhost/api/drafts/x");
  const read = async (response: Response) => ({ status: response.status, body: (await response.json()) as { code?: string; error?: string } });

  it("answers a guest with 401 on every method", async () => {
    expect((await read(await guest.GET(get(), context()))).status).toBe(401);
    expect((await read(await guest.PUT(put({ language: "javascript", code: "x" }), context()))).status).toBe(401);
    expect((await read(await guest.DELETE(get(), context()))).status).toBe(401);
    expect(await t.db.codeDraft.count()).toBe(0);
  });

  it.each([
    ["malformed JSON", "{code", KEY, 400, /valid JSON/],
    ["no language", { code: "x" }, KEY, 400, /language/],
    ["an unknown language", { language: "cobol", code: "x" }, KEY, 400, /language/],
    // The one code-size check (lib/runner/code-size.ts) answers 413, as the check route does.
    ["code over 64 KiB", { language: "javascript", code: "x".repeat(65 * 1024) }, KEY, 413, /64 KiB/],
    ["a body over the request limit", { language: "javascript", code: "x".repeat(300 * 1024) }, KEY, 413, /large/],
    ["a key with a space", { language: "javascript", code: "x" }, "my draft", 400, /draft key/],
  ])("refuses %s", async (_name, body, key, status, message) => {
    const { status: got, body: answer } = await read(await ada.PUT(put(body), context(key)));
    expect(got).toBe(status);
    expect(answer.error).toMatch(message);
  });

  it("keeps each learner's draft their own: another learner can neither read nor overwrite nor delete it", async () => {
    expect((await ada.PUT(put({ language: "javascript", code: "// Ada's" }), context())).status).toBe(200);
    expect(await read(await ada.GET(get(), context()))).toMatchObject({ status: 200, body: { code: "// Ada's" } });
    expect((await babbage.GET(get(), context())).status).toBe(204);

    expect((await babbage.PUT(put({ language: "javascript", code: "// Babbage's" }), context())).status).toBe(200);
    expect((await babbage.DELETE(get(), context())).status).toBe(204);
    expect(await read(await ada.GET(get(), context()))).toMatchObject({ status: 200, body: { code: "// Ada's" } });
    expect((await babbage.GET(get(), context())).status).toBe(204);

    expect((await ada.PUT(put({ language: "javascript", code: "// Ada's, edited" }), context())).status).toBe(200);
    expect(await read(await ada.GET(get(), context()))).toMatchObject({ body: { code: "// Ada's, edited" } });
    expect(await t.db.codeDraft.count()).toBe(1);
    expect((await ada.DELETE(get(), context())).status).toBe(204);
    expect((await ada.GET(get(), context())).status).toBe(204);
  });
});
