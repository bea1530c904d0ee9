import autocannon from "autocannon";

// One timed load phase through autocannon (a maintained HTTP load generator): requests per second and latency
// percentiles, and every answer that was not a 2xx or failed outright, so a figure never hides errors.

export type LoadResult = { requestsPerSecond: number; p50Ms: number; p99Ms: number; requests: number; failures: number };

export async function load(url: string, options: { connections: number; seconds: number; headers?: Record<string, string> }): Promise<LoadResult> {
  const result = await autocannon({ url, connections: options.connections, duration: options.seconds, headers: options.headers });
  const failures = result.errors + result.timeouts + result.non2xx;
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    failures,
  };
}
