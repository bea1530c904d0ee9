// A toy model of a serverless platform: an idle instance is kept warm for IDLE_LIMIT minutes, then reclaimed.
// A request that finds no warm, free instance gets a new one: a cold start. Times are minutes; nothing is timed.
const IDLE_LIMIT = 10; // a made-up figure: real platforms do not promise one

const patterns = {
  // name: [[minute, requests arriving together], ...]
  steady: Array.from({ length: 12 }, (_, i) => [i * 2, 1]),
  spiky: [[0, 1], [1, 1], [30, 1], [31, 1], [60, 1], [95, 1], [96, 1], [97, 1]],
  burst: [[0, 5], [1, 5], [20, 5]],
};

function simulate(arrivals) {
  let lastUsed = []; // one entry per live instance: the minute it last finished a request
  let cold = 0;
  let peak = 0;
  const timeline = [];
  for (const [minute, count] of arrivals) {
    lastUsed = lastUsed.filter((t) => minute - t < IDLE_LIMIT); // reclaim idle instances
    const warm = Math.min(count, lastUsed.length);
    const fresh = count - warm;
    cold += fresh;
    lastUsed = [...lastUsed.slice(warm), ...Array(count).fill(minute)]; // every busy instance is now fresh
    peak = Math.max(peak, lastUsed.length);
    timeline.push(`${minute} ${fresh ? "cold" : "warm"}`);
  }
  const requests = arrivals.reduce((n, [, c]) => n + c, 0);
  return { requests, cold, peak, timeline };
}

console.log(`${"pattern".padEnd(8)} ${"requests".padEnd(9)} ${"cold starts".padEnd(12)} instances at peak`);
for (const [name, arrivals] of Object.entries(patterns)) {
  const { requests, cold, peak } = simulate(arrivals);
  console.log(`${name.padEnd(8)} ${String(requests).padEnd(9)} ${String(cold).padEnd(12)} ${peak}`);
}

console.log(`spiky, request by request: ${simulate(patterns.spiky).timeline.join(", ")}`);
