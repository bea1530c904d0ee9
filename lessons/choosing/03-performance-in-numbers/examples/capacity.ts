// From benchmark throughput to a number of servers. The rates are the careers article's TechEmpower 2025
// figures; the loads are examples. Real handlers do more than the benchmark's trivial response, so read
// these as the fewest servers each framework could need, never as a promise.
type Framework = { name: string; requestsPerSecond: number };

const FRAMEWORKS: Framework[] = [
  { name: "Go / Fiber", requestsPerSecond: 338_000 },
  { name: "Rust / Actix", requestsPerSecond: 320_000 },
  { name: "Node.js / Fastify", requestsPerSecond: 98_000 },
  { name: "Python / FastAPI", requestsPerSecond: 45_000 },
  { name: "Python / Django", requestsPerSecond: 32_000 },
];
const LOADS = [5_000, 50_000, 500_000]; // requests per second you must serve

const serversNeeded = (load: number, perServer: number): number => Math.ceil(load / perServer);
const thousands = (n: number): string => n.toLocaleString("en-US");

console.log("servers needed at the benchmark's rate");
console.log("".padEnd(18) + LOADS.map((load) => `${thousands(load)}/s`.padStart(12)).join(""));
for (const { name, requestsPerSecond } of FRAMEWORKS) {
  console.log(name.padEnd(18) + LOADS.map((load) => String(serversNeeded(load, requestsPerSecond)).padStart(12)).join(""));
}

const rates = FRAMEWORKS.map((f) => f.requestsPerSecond);
console.log(`gap between fastest and slowest: ${(Math.max(...rates) / Math.min(...rates)).toFixed(1)}x`);
