// 1,000 simulated I/O calls (each waits 100 ms, as a slow database query would), all in flight at once.
const CALLS = 1_000;
const WAIT_MS = 100;

let inFlight = 0;
let peak = 0;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function fakeQuery(callId: number): Promise<number> {
  inFlight += 1;
  peak = Math.max(peak, inFlight);
  await sleep(WAIT_MS); // the thread is free while we wait
  inFlight -= 1;
  return callId;
}

async function main(): Promise<void> {
  const started = performance.now();
  const results = await Promise.all(Array.from({ length: CALLS }, (_, i) => fakeQuery(i)));
  const elapsedMs = performance.now() - started;
  console.log(`calls finished: ${results.length}`);
  console.log(`most calls waiting at the same time: ${peak}`);
  console.log(`one after another this would take ${(CALLS * WAIT_MS) / 1000} s`);
  console.log(`took under 2 s instead: ${elapsedMs < 2000 ? "yes" : "no"}`);
}

main();
