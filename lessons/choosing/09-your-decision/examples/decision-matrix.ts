// A weighted decision matrix for one project: an internal analytics API, about 2,000 requests per second at peak,
// a 200 ms p99 target, a team of four Python developers, ML models in the request path, eight weeks to ship.
// Weights add up to 100; each option scores 1 (poor) to 5 (excellent) on each criterion.
const OPTIONS = ["Python", "Node.js", "Go", "Rust"];
const CRITERIA: { name: string; weight: number; scores: number[] }[] = [
  { name: "performance", weight: 15, scores: [2, 3, 5, 5] },
  { name: "team fit", weight: 30, scores: [5, 2, 2, 1] },
  { name: "ML ecosystem", weight: 25, scores: [5, 3, 2, 2] },
  { name: "time to market", weight: 20, scores: [5, 4, 3, 1] },
  { name: "running cost", weight: 10, scores: [2, 3, 4, 5] },
];

/** Options with their weighted totals, best first; ties keep the order of OPTIONS (sort is stable). */
function ranking(weights: number[]): [string, number][] {
  const totals = OPTIONS.map((_, i) => CRITERIA.reduce((sum, c, k) => sum + weights[k]! * c.scores[i]!, 0));
  return OPTIONS.map((o, i): [string, number] => [o, totals[i]!]).sort((a, b) => b[1] - a[1]);
}

const row = (label: string, weight: string | number, cells: (string | number)[]) =>
  (label.padEnd(16) + String(weight).padEnd(8) + cells.map((c) => String(c).padEnd(8)).join("")).trimEnd();

const weights = CRITERIA.map((c) => c.weight);
console.log(row("criterion", "weight", OPTIONS));
for (const c of CRITERIA) console.log(row(c.name, c.weight, c.scores));
const totals = new Map(ranking(weights));
console.log(row("total (of 500)", "", OPTIONS.map((o) => totals.get(o)!)));

const ranked = ranking(weights);
console.log(`ranking: ${ranked.map(([o, t]) => `${o} ${t}`).join(", ")}`);
console.log(`margin: ${ranked[0]![0]} leads ${ranked[1]![0]} by ${ranked[0]![1] - ranked[1]![1]}`);

// Sensitivity: move weight from "team fit" (index 1) to "performance" (index 0) one point at a time.
const winner = ranked[0]![0];
let flipped = false;
for (let moved = 1; moved <= weights[1]! && !flipped; moved++) {
  const shifted = [weights[0]! + moved, weights[1]! - moved, ...weights.slice(2)];
  const leader = ranking(shifted)[0]![0];
  if (leader !== winner) {
    console.log(`sensitivity: ${leader} overtakes ${winner} when performance weighs ${shifted[0]} and team fit ${shifted[1]}`);
    flipped = true;
  }
}
if (!flipped) console.log(`sensitivity: ${winner} stays ahead however team fit and performance split their weight`);
