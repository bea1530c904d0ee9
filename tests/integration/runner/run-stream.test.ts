import { beforeAll, describe, expect, it } from "vitest";
import { runStreamLineSchema, type RunStreamLine } from "@/lib/runner/types";
import { fromAddress } from "../../support/client-address";

// The streamed answer of POST /api/run, from the real route and the real sandbox: the phases arrive as they happen,
// in order, before the result. One slot and one waiting place, so a second run from another client waits visibly.
process.env.RUNNER_CONCURRENCY = "1";
process.env.RUNNER_QUEUE_SIZE = "1";
process.env.RUNNER_RATE_PER_MINUTE = "50";
// The phases asserted include compiling, which a binary kept from an earlier run (sandbox/build-cache.ts) would skip.
process.env.RUNNER_BUILD_CACHE_MB = "0";

let POST: (request: Request) => Promise<Response>;
beforeAll(async () => {
  ({ POST } = await import("@/app/api/run/route"));
});

function post(body: unknown, ip: string, accept = "application/x-ndjson") {
  return POST(
    new Request("http://localhost/api/run", {
      method: "POST",
      headers: { "content-type": "application/json", accept, ...fromAddress(ip) },
      body: JSON.stringify(body),
    }),
  );
}

/** Every line with the moment it arrived, read as the route writes them. */
async function readLines(response: Response): Promise<{ line: RunStreamLine; at: number }[]> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const lines: { line: RunStreamLine; at: number }[] = [];
  let rest = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    rest += value;
    const parts = rest.split("\n");
    rest = parts.pop()!;
    for (const part of parts) lines.push({ line: runStreamLineSchema.parse(JSON.parse(part)), at: performance.now() });
  }
  expect(rest).toBe("");
  return lines;
}

const phaseOf = (line: RunStreamLine) => ("phase" in line ? line.phase : "result" in line ? "result" : "error");

// Sleeps after it starts, so "running" must arrive well before the result does.
const SLEEPY_GO = `package main

import (
\t"fmt"
\t"time"
)

func main() {
\ttime.Sleep(700 * time.Millisecond)
\tfmt.Println("awake")
}
`;

describe("POST /api/run, streamed (Accept: application/x-ndjson)", () => {
  it("sends queued, compiling and running as they happen, then the result with compileMs", async () => {
    const response = await post({ language: "go", code: SLEEPY_GO }, "10.7.0.1");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/x-ndjson/);
    const lines = await readLines(response);
    expect(lines.map(({ line }) => phaseOf(line))).toEqual(["queued", "compiling", "running", "result"]);
    const [queued, , running, last] = lines;
    expect(queued!.line).toEqual({ phase: "queued", position: 0 });
    const compileMs = (running!.line as { compileMs?: number }).compileMs;
    expect(compileMs).toBeGreaterThan(0);
    // The program sleeps 0.7 s after "running": the line was sent when it started, not with the result.
    expect(last!.at - running!.at).toBeGreaterThan(500);
    const { result } = last!.line as { result: { stdout: string; exitCode: number; compileMs?: number; runMs?: number } };
    expect(result).toMatchObject({ stdout: "awake\n", exitCode: 0 });
    expect(Math.abs(result.compileMs! - compileMs!)).toBeLessThanOrEqual(1);
    expect(result.runMs).toBeGreaterThanOrEqual(700);
  });

  it("a compile error ends after compiling, with the compiler's message in the result", async () => {
    const lines = await readLines(await post({ language: "go", code: "package main\nfunc main() { undefined() }\n" }, "10.7.0.2"));
    expect(lines.map(({ line }) => phaseOf(line))).toEqual(["queued", "compiling", "result"]);
    expect((lines.at(-1)!.line as { result: { stderr: string; exitCode: number } }).result).toMatchObject({ exitCode: 2, stderr: expect.stringMatching(/undefined/) });
  });

  it("a run waiting for the slot says its place, and a refused one is a plain 429", async () => {
    const busy = post({ language: "go", code: SLEEPY_GO }, "10.7.0.3");
    const first = await busy;
    const waiting = await post({ language: "python", code: "print('next')" }, "10.7.0.4");
    const refused = await post({ language: "python", code: "print('no room')" }, "10.7.0.5");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("content-type")).toMatch(/^application\/json/);
    expect((await refused.json()).error).toMatch(/busy/);
    const [waitingLines] = await Promise.all([readLines(waiting), readLines(first)]);
    // An interpreted language has no compile step: queued (behind one run), running, result.
    expect(waitingLines.map(({ line }) => line)).toEqual([
      { phase: "queued", position: 1 },
      { phase: "running" },
      { result: expect.objectContaining({ stdout: "next\n", exitCode: 0 }) },
    ]);
  });

  it("answers one RunResult as before without the header", async () => {
    const response = await post({ language: "python", code: "print('plain')" }, "10.7.0.6", "application/json");
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.json()).toMatchObject({ stdout: "plain\n", exitCode: 0 });
  });
});
