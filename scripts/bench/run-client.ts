import { request } from "node:http";
import type { RunRequest, RunResult } from "@/lib/runner/types";

// POST /api/run as a learner's page sends it, from a chosen loopback address. serve.mjs stamps each request with its
// socket's address and the runner's rate limit and fair queue key on it (lib/http/client-address.ts), so 127.0.0.x
// addresses are distinct learners to the server, as people behind their own connections are.

export type RunAnswer = {
  status: number;
  /** Milliseconds from sending the request to the whole answer. */
  ms: number;
  /** Seconds, from a 429's Retry-After. */
  retryAfter?: number;
  result?: RunResult;
  body: string;
};

/** The n-th learner's address: 127.0.0.2 onwards (127.0.0.1 stays the bench's own). */
export function learnerAddress(n: number): string {
  return `127.0.${Math.floor(n / 250)}.${(n % 250) + 2}`;
}

export function postRun(serverUrl: string, run: RunRequest, from = "127.0.0.1"): Promise<RunAnswer> {
  const url = new URL("/api/run", serverUrl);
  const body = JSON.stringify(run);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port: url.port,
        path: url.pathname,
        method: "POST",
        localAddress: from,
        agent: false,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), origin: url.origin },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          const status = response.statusCode ?? 0;
          const retryAfter = response.headers["retry-after"] === undefined ? undefined : Number(response.headers["retry-after"]);
          resolve({ status, ms: performance.now() - started, retryAfter, result: status === 200 ? (JSON.parse(text) as RunResult) : undefined, body: text });
        });
        response.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** Runs one program and insists it ran as expected: a benchmark of failing runs would measure the failure. */
export async function runOk(serverUrl: string, run: RunRequest, from?: string): Promise<RunAnswer & { result: RunResult }> {
  const answer = await postRun(serverUrl, run, from);
  if (answer.status !== 200 || !answer.result || answer.result.exitCode !== 0) {
    throw new Error(`POST /api/run (${run.language}) answered ${answer.status}: ${answer.body.slice(0, 400)}`);
  }
  return answer as RunAnswer & { result: RunResult };
}
