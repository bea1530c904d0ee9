// An architecture decision record kept as data, printed as Markdown, and checked against the common pitfalls.
const record = {
  number: 1,
  title: "Python and FastAPI for the analytics API",
  status: "proposed",
  load: { rps: 2000, p99Ms: 200 },
  context: [
    "Team: four developers, all writing Python.",
    "Needs: scikit-learn models in the request path; no real-time features.",
    "Deadline: first release in 8 weeks.",
    "Stack advisor: recommends Python, alternatives Node.js and Go, no trade-offs listed.",
    "Weighted matrix: Python 425, Node.js 290, Go 285, Rust 225 (of 500).",
  ],
  decision: "We will build the analytics API in Python with FastAPI.",
  alternatives: {
    "Node.js": "as quick to ship, but a new language for the team and no ML libraries in process.",
    Go: "more headroom and lower running cost, but months of slower delivery while the team learns it.",
  },
  good: ["The team ships in the language it knows, with the ML libraries in process."],
  bad: [
    "More instances for the same traffic than Go or Rust would need.",
    "CPU-heavy work will need worker processes or a separate service (the GIL).",
  ],
  revisitWhen: [
    "p99 latency stays above 200 ms at peak for a week.",
    "Peak load passes 10,000 requests per second per instance.",
  ],
  measured: false, // has a load test of a prototype backed the load and latency figures?
};

function markdown(r) {
  return [
    `# ADR ${r.number}: ${r.title}`,
    "",
    `Status: ${r.status}`,
    "",
    "## Context",
    `- Load: about ${r.load.rps.toLocaleString("en-US")} requests per second per instance at peak; p99 target ${r.load.p99Ms} ms.`,
    ...r.context.map((c) => `- ${c}`),
    "",
    "## Decision",
    r.decision,
    "",
    "## Alternatives considered",
    ...Object.entries(r.alternatives).map(([name, why]) => `- ${name}: ${why}`),
    "",
    "## Consequences",
    ...r.good.map((g) => `- Good: ${g}`),
    ...r.bad.map((b) => `- Bad: ${b}`),
    "",
    "## Revisit when",
    ...r.revisitWhen.map((t) => `- ${t}`),
  ];
}

function checks(r) {
  return [
    [r.load.rps > 0 && r.load.p99Ms > 0, "context gives load and latency as numbers"],
    [Object.keys(r.alternatives).length > 0, "at least one alternative considered"],
    [r.bad.length > 0, "consequences include a downside"],
    [r.revisitWhen.length > 0, "a review trigger is set"],
    [r.measured, "a load test backs the figures (measure before marking this accepted)"],
  ];
}

console.log(markdown(record).join("\n"));
console.log();
console.log("Checks:");
for (const [passed, text] of checks(record)) console.log(`${passed ? "ok  " : "TODO"} ${text}`);
