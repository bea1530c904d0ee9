// Two ways to put a 50 ms budget on a call that takes 200 ms.
// Promise.race answers on time but leaves the work running; an AbortSignal stops it.
import { setTimeout as sleep } from "node:timers/promises";

const log: string[] = [];

// A stand-in for a slow query. It honours a signal if it is given one, as fetch and most drivers do.
async function slowQuery(signal?: AbortSignal): Promise<string> {
  log.push("query started");
  await sleep(200, undefined, { signal });
  log.push("query finished (its result is thrown away)");
  return "rows";
}

function timeoutAfter(ms: number): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms));
}

async function withRace(): Promise<void> {
  try {
    await Promise.race([slowQuery(), timeoutAfter(50)]);
  } catch (error) {
    log.push(`race: ${(error as Error).message}`);
  }
}

async function withSignal(): Promise<void> {
  const signal = AbortSignal.timeout(50);
  try {
    await slowQuery(signal);
  } catch (error) {
    log.push(`signal: the query was stopped with ${(error as Error).name}; signal.reason is a ${signal.reason.name}`);
  }
}

async function main(): Promise<void> {
  log.push("-- Promise.race");
  await withRace();
  await sleep(250); // wait long enough to see what the abandoned query does
  log.push("-- AbortSignal.timeout");
  await withSignal();
  await sleep(250);
  console.log(log.join("\n"));
}

main();
