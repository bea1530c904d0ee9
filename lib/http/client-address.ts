// The one place that says who a request comes from. Rate limits, the runner's per-client fairness and sign-in
// throttling all key on this value, so a client must not be able to choose it.
// (Interim: still reads X-Forwarded-For; the hardening work replaces this with the connection's address and a
// configured number of trusted proxy hops.)

export function clientAddress(request: { headers: Headers }): string {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || request.headers.get("x-real-ip") || "local";
}
