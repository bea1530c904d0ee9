// The salary figures of one 2025 article, as it prints them in three places, in $1,000s a year (USA).
// headline: the "Salary (USA 2025)" line in each language's section
// summary:  the salary column of the article's closing summary table
// entry / senior: the "Entry Level" and "Senior Level" columns of its salary table
const rows = [
  { name: "Rust", headline: [150, 210], summary: [150, 210], entry: 120, senior: [185, 210], trend: "rising fast" },
  { name: "Go", headline: [135, 200], summary: [135, 200], entry: 110, senior: [160, 200], trend: "steady growth" },
  { name: "Python", headline: [130, 180], summary: [130, 180], entry: 95, senior: [150, 180], trend: "stable" },
  { name: "Node.js", headline: [120, 138], summary: [120, 138], entry: 85, senior: [120, 138], trend: "stable" },
];

const span = ([low, high]) => `${low}-${high}`;
const same = (a, b) => a[0] === b[0] && a[1] === b[1];

console.log(`${"language".padEnd(9)} ${"headline".padEnd(9)} ${"entry".padEnd(6)} ${"senior".padEnd(8)} trend`);
for (const r of rows) {
  console.log(`${r.name.padEnd(9)} ${span(r.headline).padEnd(9)} ${String(r.entry).padEnd(6)} ${span(r.senior).padEnd(8)} ${r.trend}`);
}

console.log();
const repeats = rows.filter((r) => same(r.headline, r.summary)).length;
console.log(`summary table repeats the headline range: ${repeats} of ${rows.length} languages`);
for (const r of rows) {
  const low = r.headline[0];
  if (same(r.headline, r.senior)) console.log(`${r.name}: headline range is exactly the senior range`);
  else if (r.entry < low && low < r.senior[0]) console.log(`${r.name}: headline starts at ${low}, between entry (${r.entry}) and senior (${r.senior[0]})`);
  else console.log(`${r.name}: headline starts at ${low}`);
}

console.log();
console.log("raise from entry to the bottom of the senior range:");
for (const r of rows) {
  const raisePct = Math.floor((r.senior[0] * 100 + Math.floor(r.entry / 2)) / r.entry) - 100; // rounded to a whole percent
  console.log(`  ${r.name.padEnd(8)} +${raisePct}%`);
}

const orders = {
  "headline top": [...rows].sort((a, b) => b.headline[1] - a.headline[1]),
  entry: [...rows].sort((a, b) => b.entry - a.entry),
  "senior top": [...rows].sort((a, b) => b.senior[1] - a.senior[1]),
};
console.log();
for (const [label, ranked] of Object.entries(orders)) {
  console.log(`ranked by ${label}: ${ranked.map((r) => r.name).join(" > ")}`);
}
