import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

// The run rate limit against the real production server (scripts/serve.mjs on the built app), started here with a
// limit of three runs a minute so that the shared end-to-end server's own limit is left alone. Each request is a
// well-formed run (only those are counted) refused after the limit is counted (code past 64 KiB: 413), so no program
// runs.

const LIMIT = 3;
const servers: ChildProcess[] = [];
const dbDir = fs.mkdtempSync(path.join(os.tmpdir(), "bp-identity-"));

/** Starts the production server on a free port with TRUSTED_PROXY_HOPS = `hops`; resolves with its URL. */
async function serve(hops: number): Promise<string> {
  const child = spawn("node", ["scripts/serve.mjs"], {
    env: {
      ...process.env,
      PORT: "0",
      TRUSTED_PROXY_HOPS: String(hops),
      RUNNER_RATE_PER_MINUTE: String(LIMIT),
      RUNNER_WARM_AT_START: "0",
      DATABASE_URL: `file:${path.join(dbDir, `hops-${hops}.db`)}`,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  servers.push(child);
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /ready on (http:\/\/\S+)/.exec(output);
      if (ready) resolve(ready[1]!);
    });
    child.on("exit", (code) => reject(new Error(`serve.mjs exited with ${code}: ${output}`)));
  });
}

async function runStatus(base: string, headers: Record<string, string>): Promise<number> {
  const response = await fetch(`${base}/api/run`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ language: "javascript", code: "x".repeat(64 * 1024 + 1) }),
  });
  return response.status;
}

test.afterAll(() => {
  for (const child of servers) child.kill();
  fs.rmSync(dbDir, { recursive: true, force: true });
});

test("with no trusted proxy, neither X-Forwarded-For nor the server's own peer header resets the run limit", async () => {
  const base = await serve(0);
  for (let i = 1; i <= LIMIT; i++) expect(await runStatus(base, { "x-forwarded-for": `192.0.2.${i}` })).toBe(413);
  expect(await runStatus(base, { "x-forwarded-for": "192.0.2.99" })).toBe(429);
  expect(await runStatus(base, { "x-backend-paths-peer": "198.51.100.99" })).toBe(429);
  expect(await runStatus(base, {})).toBe(429);
});

test("with one trusted proxy, only the address the proxy appended names the client", async () => {
  const base = await serve(1);
  for (let i = 1; i <= LIMIT; i++) expect(await runStatus(base, { "x-forwarded-for": `192.0.2.${i}, 198.51.100.1` })).toBe(413);
  // What the client wrote before the proxy's entry changes nothing…
  expect(await runStatus(base, { "x-forwarded-for": "192.0.2.99, 198.51.100.1" })).toBe(429);
  expect(await runStatus(base, { "x-forwarded-for": "198.51.100.1" })).toBe(429);
  // …while another address appended by the proxy is another client.
  expect(await runStatus(base, { "x-forwarded-for": "192.0.2.1, 198.51.100.2" })).toBe(413);
});
