import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { action } from "@/lib/http/action";
import { route } from "@/lib/http/route";
import { logTo } from "@/lib/log";

const ADA = { id: "ada", email: "ada@example.com", name: "Ada" };
const guest = async () => null;
const signedIn = async () => ADA;

const post = (body: string, headers: Record<string, string> = {}) =>
  new Request("http://localhost/api/x", { method: "POST", body, headers: { "content-type": "application/json", ...headers } });
const get = () => new Request("http://localhost/api/x");
const context = (params: unknown) => ({ params: Promise.resolve(params) });

async function answer(response: Response) {
  return { status: response.status, body: (await response.json()) as { error: string; code: string } };
}

describe("route()", () => {
  it("answers plain data as JSON, a Response as is, and nothing as 204", async () => {
    const data = route({}, async () => ({ hello: "world" }));
    expect(await (await data(get())).json()).toEqual({ hello: "world" });
    const raw = route({}, async () => new Response("text", { status: 202 }));
    expect(await (await raw(get())).text()).toBe("text");
    const empty = route({}, async () => undefined);
    const response = await empty(get());
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
  });

  it("refuses a guest where auth is required with a 401 JSON answer, and says what the route says", async () => {
    const run = vi.fn(async () => "never");
    const handler = route({ auth: "required" }, run).withDeps({ currentUser: guest });
    expect(await answer(await handler(get()))).toEqual({ status: 401, body: { code: "unauthorized:session", error: "Sign in to do this." } });
    const worded = route({ auth: "required", guestMessage: "Sign in to see your path." }, run).withDeps({ currentUser: guest });
    expect((await answer(await worded(get()))).body.error).toBe("Sign in to see your path.");
    expect(run).not.toHaveBeenCalled();
  });

  it("hands the use case the user: required, optional (null for a guest), and not read at all without auth", async () => {
    const seen = route({ auth: "required" }, async ({ user }) => user.id).withDeps({ currentUser: signedIn });
    expect(await (await seen(get())).json()).toBe("ada");
    const optional = route({ auth: "optional" }, async ({ user }) => ({ user })).withDeps({ currentUser: guest });
    expect(await (await optional(get())).json()).toEqual({ user: null });
    const currentUser = vi.fn(signedIn);
    const open = route({}, async ({ user }) => ({ user })).withDeps({ currentUser });
    expect(await (await open(get())).json()).toEqual({ user: null });
    expect(currentUser).not.toHaveBeenCalled();
  });

  it("decodes and checks params: a malformed %-sequence and a value the schema refuses are 400s", async () => {
    const handler = route({ params: z.object({ id: z.string().regex(/^[a-z]+\/[a-z]+$/) }) }, async ({ params }) => params);
    expect(await (await handler(get(), context({ id: "go%2Fbasics" }))).json()).toEqual({ id: "go/basics" });
    const malformed = await answer(await handler(get(), context({ id: "go%E0%A4%A" })));
    expect(malformed).toMatchObject({ status: 400, body: { code: "bad_request:path", error: expect.stringMatching(/%-encoding/) } });
    const refused = await answer(await handler(get(), context({ id: "../etc" })));
    expect(refused).toMatchObject({ status: 400, body: { code: "bad_request:path", error: expect.stringMatching(/^id: /) } });
    const catchAll = route({ params: z.object({ rest: z.array(z.string()) }) }, async ({ params }) => params.rest);
    expect(await (await catchAll(get(), context({ rest: ["a%20b", "c"] }))).json()).toEqual(["a b", "c"]);
  });

  it("reads the body with its limit: 413 beyond it, 400 for a body the schema refuses, 415 for a form", async () => {
    const handler = route({ body: { schema: z.object({ n: z.number() }), limit: 64 } }, async ({ body }) => body.n * 2);
    expect(await (await handler(post('{"n":21}'))).json()).toBe(42);
    expect((await answer(await handler(post(JSON.stringify({ n: 1, pad: "x".repeat(100) }))))).status).toBe(413);
    expect(await answer(await handler(post('{"n":"x"}')))).toMatchObject({ status: 400, body: { error: expect.stringMatching(/^n: /) } });
    expect((await answer(await handler(post("n=1", { "content-type": "application/x-www-form-urlencoded" })))).status).toBe(415);
  });

  it("checks input before reading the session, so a malformed request never reaches it", async () => {
    const currentUser = vi.fn(signedIn);
    const handler = route({ auth: "required", body: { schema: z.object({ n: z.number() }), limit: 64 } }, async () => "ok").withDeps({ currentUser });
    expect((await handler(post("{nope"))).status).toBe(400);
    expect(currentUser).not.toHaveBeenCalled();
  });

  it("runs the guard once the body is well-formed: a malformed request is never charged, a refused one never run", async () => {
    let allowed = false;
    const guard = vi.fn(() => {
      if (!allowed) throw new AppError("rate_limited:requests");
    });
    const run = vi.fn(async ({ body }: { body: { n: number } }) => body.n);
    const handler = route({ guard, body: { schema: z.object({ n: z.number() }), limit: 64 } }, run);
    expect((await handler(post("{nope"))).status).toBe(400);
    expect(guard).not.toHaveBeenCalled();
    expect((await handler(post('{"n":1}'))).status).toBe(429);
    expect(run).not.toHaveBeenCalled();
    allowed = true;
    expect(await (await handler(post('{"n":1}'))).json()).toBe(1);
  });

  it("answers a thrown AppError with its status, message and headers", async () => {
    const handler = route({}, async () => {
      throw new AppError("rate_limited:requests", "Too many runs.", { "Retry-After": "7" });
    });
    const response = await handler(get());
    expect(response.headers.get("retry-after")).toBe("7");
    expect(await answer(response)).toEqual({ status: 429, body: { code: "rate_limited:requests", error: "Too many runs." } });
  });

  it("answers an unexpected error with the generic 500 JSON, no message or stack of its own", async () => {
    const lines: string[] = [];
    const restore = logTo({ write: (line: string) => void lines.push(line) });
    const handler = route({}, async () => {
      throw new Error("connection string postgres://secret@db");
    });
    const response = await handler(get());
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(JSON.parse(text)).toEqual({ code: "internal:server", error: "Something went wrong on our side. Please try again." });
    expect(text).not.toMatch(/secret|at .*\.ts/);
    restore();
    expect(lines).toHaveLength(1);
  });

  it("gives the use case the supplied database", async () => {
    const db = { marker: "throwaway" } as unknown as Db;
    const handler = route({}, async ({ db }) => (db as unknown as { marker: string }).marker).withDeps({ db });
    expect(await (await handler(get())).json()).toBe("throwaway");
  });
});

describe("action()", () => {
  const schema = z.object({ email: z.email("Enter a valid email."), name: z.string().min(1, "Tell us your name.") });
  const headers = async () => new Headers({ "x-test": "1" });

  it("parses a form's fields and hands the use case the user, the input and the headers", async () => {
    const save = action({ auth: "required", input: schema }, async ({ user, input, headers }) => ({ ok: true as const, who: user.id, ...input, h: headers.get("x-test") }));
    const form = new FormData();
    form.set("email", "ada@example.com");
    form.set("name", "Ada");
    expect(await save.withDeps({ currentUser: signedIn, headers })(form)).toEqual({ ok: true, who: "ada", email: "ada@example.com", name: "Ada", h: "1" });
  });

  it("returns failures as form state: the first bad field with its own message, a guest, an AppError, a crash", async () => {
    const run = vi.fn(async () => ({ ok: true as const }));
    const save = action({ auth: "required", guestMessage: "Sign in to save.", input: schema }, run);
    expect(await save.withDeps({ currentUser: signedIn, headers })({ email: "nope", name: "" })).toEqual({ ok: false, field: "email", error: "Enter a valid email." });
    expect(await save.withDeps({ currentUser: guest, headers })({ email: "a@b.co", name: "A" })).toEqual({ ok: false, error: "Sign in to save." });
    const refused = action({}, async () => {
      throw new AppError("not_found:resource", "No such thing.");
    });
    expect(await refused.withDeps({ headers })()).toEqual({ ok: false, error: "No such thing." });
    const crashed = action({}, async () => {
      throw new Error("secret detail");
    });
    expect(await crashed.withDeps({ headers })()).toEqual({ ok: false, error: "Something went wrong on our side. Please try again." });
    expect(run).not.toHaveBeenCalled();
  });
});
