import { beforeAll, describe, expect, it } from "vitest";
import { fromAddress } from "../../support/client-address";

// Small limits so the queue can be filled quickly; set before the route (and its queue) is loaded.
process.env.RUNNER_CONCURRENCY = "1";
process.env.RUNNER_QUEUE_SIZE = "1";
process.env.RUNNER_WALL_SECONDS = "2";
process.env.RUNNER_RATE_PER_MINUTE = "20";

let POST: (request: Request) => Promise<Response>;
beforeAll(async () => {
  ({ POST } = await import("@/app/api/run/route"));
});

let ipCounter = 0;
function post(body: unknown, { ip = `10.0.0.${++ipCounter}`, raw, headers = {} }: { ip?: string; raw?: string; headers?: Record<string, string> } = {}) {
  return POST(
    new Request("http://localhost/api/run", {
      method: "POST",
      headers: { "content-type": "application/json", ...fromAddress(ip), ...headers },
      body: raw ?? JSON.stringify(body),
    }),
  );
}

describe("POST /api/run", () => {
  it("runs a program and answers with a RunResult", async () => {
    const response = await post({ language: "python", code: "print('ok')" });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ stdout: "ok\n", stderr: "", exitCode: 0, timedOut: false, truncated: false });
  });

  it.each([
    ["an unknown language", { language: "cobol", code: "x" }, /language/],
    ["missing code", { language: "go" }, /code/],
    ["stdin that is not a string", { language: "go", code: "x", stdin: 5 }, /stdin/],
  ])("answers 400 with a message for %s", async (_, body, message) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatch(message);
  });

  it("answers 400 for a body that is not JSON", async () => {
    const response = await post(null, { raw: "{not json" });
    expect(response.status).toBe(400);
  });

  it("answers 413 for code over 64 KiB", async () => {
    const response = await post({ language: "python", code: "#".repeat(64 * 1024 + 1) });
    expect(response.status).toBe(413);
    expect((await response.json()).error).toMatch(/64 KiB/);
  });

  it("charges only well-formed runs: 50 malformed bodies leave the quota whole, the 21st run is 429 with Retry-After", async () => {
    const ip = "10.9.9.9";
    const malformed: { body?: unknown; raw?: string }[] = [
      { raw: "{not json" },
      { raw: "" },
      { body: { language: "cobol", code: "" } },
      { body: { language: "go" } },
      { body: { language: "python", code: 5 } },
      { body: ["python", "print(1)"] },
    ];
    for (let i = 0; i < 50; i++) {
      const { body, raw } = malformed[i % malformed.length]!;
      expect((await post(body, { ip, raw })).status).toBe(400);
    }
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await post({ language: "python", code: "" }, { ip })).status);
    expect(statuses).toEqual(Array(20).fill(200));
    const limited = await post({ language: "python", code: "print(1)" }, { ip });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("keys the limit on the connection: a new X-Forwarded-For does not reset it", async () => {
    const ip = "10.9.9.10";
    // Code over the size limit is well-formed JSON, so it is charged (then refused 413) without running anything.
    const oversized = { language: "python", code: "#".repeat(64 * 1024 + 1) };
    for (let i = 0; i < 20; i++) await post(oversized, { ip, headers: { "x-forwarded-for": `192.0.2.${i}` } });
    const limited = await post({ language: "python", code: "print(1)" }, { ip, headers: { "x-forwarded-for": "192.0.2.200" } });
    expect(limited.status).toBe(429);
  });

  it.each(["text/plain; application/json", "text/plain"])("answers 415 for the content type %j, before running anything", async (type) => {
    const response = await post({ language: "python", code: "print(1)" }, { headers: { "content-type": type } });
    expect(response.status).toBe(415);
    expect((await response.json()).error).toMatch(/application\/json/);
  });

  it("answers 429 with Retry-After when the queue is full, and keeps serving afterwards", async () => {
    const loop = { language: "javascript", code: "for (;;) {}" };
    const running = post(loop);
    const waiting = post(loop);
    await new Promise((r) => setTimeout(r, 200));
    const refused = await post(loop);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    const [first, second] = await Promise.all([running, waiting]);
    expect((await first.json()).timedOut).toBe(true);
    expect((await second.json()).timedOut).toBe(true);
    const after = await post({ language: "python", code: "print('still here')" });
    expect(await after.json()).toMatchObject({ stdout: "still here\n" });
  });
});
