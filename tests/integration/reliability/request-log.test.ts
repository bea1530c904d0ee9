import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { logTo } from "@/lib/log";

// What one failed request leaves in the log: one JSON line with the request's id (the client's when well-formed,
// else a fresh one, echoed back either way), route, status, code and duration; a stack only for a bug.

const handler = route({ body: { schema: z.object({ fail: z.enum(["bug", "refusal"]) }), limit: 256 } }, async ({ body }) => {
  if (body.fail === "bug") throw new Error("unexpected state");
  throw new AppError("not_found:resource");
});

async function logged(body: string, requestId?: string) {
  const lines: string[] = [];
  const restore = logTo({ write: (line: string) => void lines.push(line) });
  try {
    const headers: Record<string, string> = { "content-type": "application/json", ...(requestId === undefined ? {} : { "x-request-id": requestId }) };
    const response = await handler(new Request("http://localhost/api/thing", { method: "POST", headers, body }));
    return { response, lines: lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
  } finally {
    restore();
  }
}

describe("the log line of a failed request", () => {
  it("is one line, with the client's request id echoed back, and no stack for a refusal", async () => {
    const { response, lines } = await logged('{"fail":"refusal"}', "client-id-42");
    expect(response.status).toBe(404);
    expect(response.headers.get("x-request-id")).toBe("client-id-42");
    expect(lines).toEqual([
      { level: 40, time: expect.any(String), requestId: "client-id-42", route: "POST /api/thing", status: 404, code: "not_found:resource", durationMs: expect.any(Number), msg: "request failed" },
    ]);
  });

  it("is one line for malformed input too, under a fresh id when the client's is not well-formed", async () => {
    const { response, lines } = await logged("{nope", "bad id with spaces");
    const id = response.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ requestId: id, status: 400, code: "bad_request:json" });
    expect(lines[0]).not.toHaveProperty("err");
  });

  it("carries the stack, once, for a bug (500)", async () => {
    const { response, lines } = await logged('{"fail":"bug"}');
    expect(response.status).toBe(500);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 50, requestId: response.headers.get("x-request-id"), status: 500, code: "internal:server" });
    expect((lines[0]!.err as { stack: string }).stack).toMatch(/unexpected state\n\s+at /);
  });

  it("is not written for a success", async () => {
    const ok = route({}, async () => ({ fine: true }));
    const lines: string[] = [];
    const restore = logTo({ write: (line: string) => void lines.push(line) });
    const response = await ok(new Request("http://localhost/api/thing"));
    restore();
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBeTruthy();
    expect(lines).toEqual([]);
  });
});
