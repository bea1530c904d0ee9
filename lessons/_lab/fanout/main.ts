// Fan-out with a deadline: ask three dependencies at once and wait at most 500 ms for all of them together.
const DEADLINE_MS = 500;
const DEPENDENCIES: Array<[name: string, delayMs: number]> = [
  ["users", 100],
  ["orders", 200],
  ["recommendations", 800],
];

// A stand-in for a network call that answers after `delayMs`, or gives up when the deadline passes.
function call(name: string, delayMs: number, signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(`${name}: ok after ${delayMs} ms`), delayMs);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(new Error(`${name}: timed out (deadline ${DEADLINE_MS} ms)`));
    });
  });
}

async function main() {
  const start = performance.now();
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), DEADLINE_MS);
  const results = await Promise.allSettled(DEPENDENCIES.map(([name, delayMs]) => call(name, delayMs, deadline.signal)));
  clearTimeout(timer);
  const elapsedMs = performance.now() - start;
  for (const result of results) console.log(result.status === "fulfilled" ? result.value : (result.reason as Error).message);
  console.log(`elapsed_ms=${elapsedMs.toFixed(1)}`);
}

void main();
