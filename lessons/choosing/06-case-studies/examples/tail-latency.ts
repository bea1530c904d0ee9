// Why Discord cared about spikes that averages hide. Two made-up services answer 10 requests a second for
// 10 minutes. "collected" is a little faster per request but stalls for 1 second every 2 minutes, the rhythm at
// which the Go runtime forces a garbage collection; "steady" never stalls. Illustrative numbers, not Discord's.
const SECONDS = 600;
const PER_SECOND = 10;

function latencies(baseMs: number, stallMs: number | null): number[] {
  const samples: number[] = [];
  for (let i = 0; i < SECONDS * PER_SECOND; i++) {
    const second = Math.floor(i / PER_SECOND);
    const jitter = (i % 5) * 0.1;
    const stalled = stallMs !== null && second % 120 === 119;
    samples.push(stalled ? stallMs : baseMs + jitter);
  }
  return samples;
}

// Nearest rank: the smallest value with at least p% of the samples at or below it.
function percentile(sorted: number[], p: number): number {
  return sorted[Math.ceil((p / 100) * sorted.length) - 1]!;
}

for (const [name, samples] of [["collected", latencies(1.0, 25.0)], ["steady", latencies(1.2, null)]] as const) {
  const s = [...samples].sort((a, b) => a - b);
  const mean = samples.reduce((sum, x) => sum + x, 0) / samples.length;
  const ms = (x: number) => x.toFixed(1);
  console.log(
    `${name.padEnd(9)} requests=${s.length} mean=${ms(mean)} p50=${ms(percentile(s, 50))} ` +
      `p99=${ms(percentile(s, 99))} p99.9=${ms(percentile(s, 99.9))} max=${ms(s[s.length - 1]!)} (ms)`,
  );
}
