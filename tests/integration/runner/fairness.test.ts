import { beforeAll, describe, expect, it } from "vitest";
import { fromAddress } from "../../support/client-address";

// Per-client fairness through POST /api/run and the real sandbox: two slots, at most one program per client at once.
// Set before the route (and its queue) is loaded.
process.env.RUNNER_CONCURRENCY = "2";
process.env.RUNNER_PER_CLIENT = "1";
process.env.RUNNER_QUEUE_SIZE = "4";
process.env.RUNNER_WALL_SECONDS = "10";

let POST: (request: Request) => Promise<Response>;
beforeAll(async () => {
  ({ POST } = await import("@/app/api/run/route"));
});

const SLEEP_SECONDS = 3;
const started = performance.now();

/** Posts a Python program from `address`; resolves with its status, output and when the answer came (ms since start). */
async function run(address: string, code: string) {
  const response = await POST(
    new Request("http://localhost/api/run", {
      method: "POST",
      headers: { "content-type": "application/json", ...fromAddress(address) },
      body: JSON.stringify({ language: "python", code }),
    }),
  );
  const body = (await response.json()) as { stdout?: string };
  return { status: response.status, stdout: body.stdout, answeredAt: performance.now() - started };
}

describe("runner fairness", () => {
  it("answers another client's short run while one client's two long runs take turns on one slot", async () => {
    const long = (name: string) => `import time\ntime.sleep(${SLEEP_SECONDS})\nprint("${name}")`;
    const first = run("203.0.113.1", long("a1"));
    const second = run("203.0.113.1", long("a2"));
    await new Promise((r) => setTimeout(r, 300));
    const sentAt = performance.now() - started;
    const other = await run("203.0.113.2", `print("b")`);
    const [a1, a2] = await Promise.all([first, second]);

    expect(other).toMatchObject({ status: 200, stdout: "b\n" });
    expect(a1).toMatchObject({ status: 200, stdout: "a1\n" });
    expect(a2).toMatchObject({ status: 200, stdout: "a2\n" });
    // Without the per-client cap, a1 and a2 would hold both slots and b would wait for one of them to finish.
    expect(other.answeredAt).toBeLessThan(a1.answeredAt);
    expect(other.answeredAt - sentAt).toBeLessThan(SLEEP_SECONDS * 1000);
    // a2 waited behind a1 instead of being refused, and did not run beside it.
    expect(a2.answeredAt - a1.answeredAt).toBeGreaterThan(SLEEP_SECONDS * 1000 * 0.8);
    console.log(`fairness: b answered ${Math.round(other.answeredAt - sentAt)} ms after it was sent; a1 at ${Math.round(a1.answeredAt)} ms, a2 at ${Math.round(a2.answeredAt)} ms`);
  });
});
