// What a tracer such as OpenTelemetry records for one request, reduced to its core: spans with ids, a parent and a
// start and end. The clock is simulated (milliseconds we choose), so the output is the same on every run.
const TRACE_ID = "5e1f0c2a9b8d47e6a1c3d5f7092b4e68"; // 16 bytes as 32 hex digits; real tracers pick it at random
const CALLS: Record<string, number> = { "db: users": 40, "http: ml-service": 180, "db: analytics": 65 }; // simulated ms

type Span = { id: string; name: string; parent: string | null; start: number; end: number };

/** The aggregated endpoint: three calls at once, then encode. Returns spans in the order they start. */
function handle(calls: Record<string, number>): Span[] {
  const spans: Span[] = [];
  const span = (name: string, parent: string | null, start: number, end: number): string => {
    const id = (spans.length + 1).toString(16).padStart(16, "0");
    spans.push({ id, name, parent, start, end });
    return id;
  };
  const root = span("GET /api/aggregated", null, 0, 0);
  for (const [name, duration] of Object.entries(calls)) span(name, root, 2, 2 + duration); // all three start together
  const done = Math.max(...spans.slice(1).map((s) => s.end));
  span("encode response", root, done, done + 5);
  spans[0]!.end = done + 5;
  return spans;
}

const spans = handle(CALLS);
console.log(`trace ${TRACE_ID} (simulated clock)`);
for (const s of spans) {
  const label = (s.parent ? "  " : "") + s.name;
  console.log(`${label.padEnd(22)} span ${s.id}  ${s.start}-${s.end} ms`);
}

const ml = spans.find((s) => s.name === "http: ml-service")!;
console.log(`header sent to ml-service: traceparent: 00-${TRACE_ID}-${ml.id}-01`);

const total = spans[0]!.end;
const children = spans.filter((s) => s.name in CALLS);
const slowest = children.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
console.log(`slowest call: ${slowest.name} (${slowest.end - slowest.start} ms of ${total})`);
for (const name of Object.keys(CALLS)) {
  const faster = { ...CALLS, [name]: Math.floor(CALLS[name]! / 2) };
  const newTotal = handle(faster)[0]!.end;
  console.log(`make ${(name + " twice as fast").padEnd(32)} -> ${newTotal} ms (saves ${total - newTotal})`);
}
