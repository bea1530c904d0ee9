import autocannon from "autocannon";

// Closed-loop HTTP load with autocannon where each connection is one client with its own headers (a signed-in
// learner's cookie), so "N concurrent learners" is N connections, each waiting for its answer before the next request.

export type LoadRun = {
  /** Answers that passed `check`, per second of the run. */
  perSecond: number;
  p50: number;
  p99: number;
  answers: number;
};

export type LoadSpec = {
  url: string;
  connections: number;
  seconds: number;
  /** Headers of connection `i` (0-based): its learner's cookie. */
  clientHeaders?: (i: number) => Record<string, string>;
  /** What every connection sends, in turn; `body()` is called per request (a fresh attempt id each time). */
  requests: { method: "GET" | "POST"; path: string; body?: () => string }[];
  /** Why an answer is wrong (null when it is right); any wrong answer fails the run. */
  check: (status: number, body: string) => string | null;
};

export async function runLoad(spec: LoadSpec): Promise<LoadRun> {
  const wrong: string[] = [];
  let connection = 0;
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.seconds,
    headers: { "content-type": "application/json", origin: spec.url },
    // Headers set here become every request's of this client: autocannon copies the options per client.
    setupClient: (client) => {
      const headers = spec.clientHeaders?.(connection++);
      if (headers) client.setHeaders(headers);
    },
    requests: spec.requests.map(({ method, path, body }) => ({
      method,
      path,
      ...(body ? { setupRequest: (request: autocannon.Request) => ({ ...request, body: body() }) } : {}),
      onResponse: (status: number, text: string) => {
        const problem = spec.check(status, text);
        if (problem && wrong.length < 5) wrong.push(`${method} ${path} → ${status}: ${problem}`);
        else if (problem) wrong.push("");
      },
    })),
  });
  const failures = wrong.length + result.errors + result.timeouts + result.non2xx;
  if (failures > 0) {
    throw new Error(
      `${failures} of ${result.requests.total} answers were wrong (non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}): ${wrong.filter(Boolean).join("; ")}`,
    );
  }
  return { perSecond: result.requests.total / result.duration, p50: result.latency.p50, p99: result.latency.p99, answers: result.requests.total };
}
