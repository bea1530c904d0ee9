// Not every dependency is worth failing the request for. Wait for all three to settle, then decide:
// a required one that failed means 500, an optional one that failed means a fallback value.
type Plan = { ms: number; fails?: string };

const REQUIRED = new Set(["user_data", "analytics"]);
const FALLBACK = "fallback: top sellers";

function fetchDependency(plan: Plan): Promise<string> {
  return new Promise((resolve, reject) =>
    setTimeout(() => (plan.fails ? reject(new Error(plan.fails)) : resolve("ok")), plan.ms),
  );
}

async function handle(scenario: string, plans: Record<string, Plan>): Promise<void> {
  const names = Object.keys(plans);
  // allSettled never rejects: it reports each promise as fulfilled or rejected, in the order given.
  const results = await Promise.allSettled(names.map((name) => fetchDependency(plans[name]!)));

  let status = 200;
  console.log(`scenario: ${scenario}`);
  results.forEach((result, i) => {
    const name = names[i]!;
    if (result.status === "fulfilled") console.log(`  ${name}: answered`);
    else if (REQUIRED.has(name)) {
      status = 500;
      console.log(`  ${name}: failed (${(result.reason as Error).message})`);
    } else console.log(`  ${name}: failed, ${FALLBACK}`);
  });
  console.log(`  status ${status}`);
}

async function main(): Promise<void> {
  await handle("recommendations down", {
    user_data: { ms: 10 },
    recommendations: { ms: 20, fails: "ml-service unavailable" },
    analytics: { ms: 30 },
  });
  await handle("user_data down", {
    user_data: { ms: 10, fails: "database unavailable" },
    recommendations: { ms: 20 },
    analytics: { ms: 30 },
  });
}

main();
