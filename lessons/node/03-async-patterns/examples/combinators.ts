// The same three simulated calls, waited for four different ways.
// "fast" answers after 10 ms, "broken" fails after 20 ms, "slow" answers after 40 ms.
type Call = () => Promise<string>;

const after = (ms: number, fn: () => string): Promise<string> =>
  new Promise((resolve, reject) =>
    setTimeout(() => {
      try {
        resolve(fn());
      } catch (error) {
        reject(error);
      }
    }, ms),
  );

const calls: Record<string, Call> = {
  fast: () => after(10, () => "fast answered"),
  broken: () =>
    after(20, () => {
      throw new Error("broken failed");
    }),
  slow: () => after(40, () => "slow answered"),
};

const start = (): Promise<string>[] => Object.values(calls).map((call) => call());

function describe(error: unknown): string {
  if (error instanceof AggregateError) return `AggregateError of ${error.errors.length}`;
  return (error as Error).message;
}

async function show(name: string, wait: () => Promise<unknown>): Promise<void> {
  try {
    console.log(`${name.padEnd(16)} fulfilled:`, JSON.stringify(await wait()));
  } catch (error) {
    console.log(`${name.padEnd(16)} rejected:  ${describe(error)}`);
  }
}

async function main(): Promise<void> {
  await show("all", () => Promise.all(start()));
  await show("allSettled", async () =>
    (await Promise.allSettled(start())).map((r) => (r.status === "fulfilled" ? r.value : `(${r.reason.message})`)),
  );
  await show("race", () => Promise.race(start()));
  await show("race, no fast", () => Promise.race([calls.broken!(), calls.slow!()]));
  await show("any", () => Promise.any(start()));
  await show("any, all fail", () => Promise.any([calls.broken!(), calls.broken!()]));
  // Let the calls the rejected waits left behind finish before the program ends.
  await new Promise((resolve) => setTimeout(resolve, 60));
}

main();
