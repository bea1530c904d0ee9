// The aggregated endpoint: three simulated dependencies fetched at once under one time budget,
// the outcome turned into an HTTP status. Times are scaled down: a 200 ms budget stands in for 2 s.
type Plan = { ms: number; fails?: string };
type Scenario = { name: string; plans: Record<string, Plan> };

const BUDGET_MS = 200;
const DEPENDENCIES = ["user_data", "recommendations", "analytics"];

class Timeout extends Error {}

// A stand-in for a database query or an HTTP call: waits, then answers or fails, and stops early when aborted.
function fetchDependency(plan: Plan, signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (plan.fails ? reject(new Error(plan.fails)) : resolve("ok")), plan.ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });
}

async function handle(scenario: Scenario): Promise<void> {
  const outcome: Record<string, string> = {};
  const controller = new AbortController();
  // One signal for the whole request: the deadline aborts it, and so does the first failure.
  const deadline = setTimeout(() => controller.abort(new Timeout()), BUDGET_MS);

  const calls = DEPENDENCIES.map(async (name) => {
    try {
      await fetchDependency(scenario.plans[name]!, controller.signal);
      outcome[name] = "answered";
    } catch (error) {
      if (!controller.signal.aborted) {
        outcome[name] = `failed (${(error as Error).message})`;
        controller.abort(error);
      }
      throw error;
    }
  });

  let status = 200;
  try {
    await Promise.all(calls);
  } catch (error) {
    status = error instanceof Timeout ? 408 : 500;
  } finally {
    clearTimeout(deadline);
  }
  // Promise.all settles at the first rejection; wait for the aborted calls too so nothing outlives the request.
  await Promise.allSettled(calls);

  console.log(`scenario: ${scenario.name}`);
  for (const name of DEPENDENCIES) {
    console.log(`  ${name}: ${outcome[name] ?? (status === 408 ? "timed out" : "cancelled")}`);
  }
  console.log(`  status ${status}`);
}

const scenarios: Scenario[] = [
  { name: "all healthy", plans: { user_data: { ms: 10 }, recommendations: { ms: 20 }, analytics: { ms: 40 } } },
  {
    name: "recommendations down",
    plans: { user_data: { ms: 10 }, recommendations: { ms: 30, fails: "ml-service unavailable" }, analytics: { ms: 150 } },
  },
  { name: "analytics slow", plans: { user_data: { ms: 10 }, recommendations: { ms: 20 }, analytics: { ms: 1000 } } },
];

async function main(): Promise<void> {
  for (const scenario of scenarios) await handle(scenario);
}

main();
