// Structured logs with pino: one JSON object per line, levels, a child logger per request, and redaction.
// Timestamps, pid and hostname are switched off here only so the output is the same on every run.
import pino from "pino";

const logger = pino({
  level: "info",
  base: undefined, // production: keep pid and hostname (or set service and version here)
  timestamp: false, // production: keep the time
  // Serializers shape what a field becomes in the log. pino's default for errors includes the stack; this one
  // keeps type, message and cause, so the example's output stays short.
  serializers: { err: (e: Error) => ({ type: e.name, message: e.message, cause: (e.cause as Error | undefined)?.message }) },
  redact: { paths: ["req.headers.authorization", "user.password"], censor: "[redacted]" },
});

logger.info("server starting");
logger.debug("this is below the level, so it costs almost nothing and prints nothing");

// A child logger adds fields to every line it writes: here, the request's id, so one request's lines can be
// found among thousands.
function handle(reqId: string, path: string, headers: Record<string, string>) {
  const log = logger.child({ reqId });
  log.info({ req: { method: "GET", path, headers } }, "request received");
  try {
    if (path === "/boom") throw new Error("analytics store unreachable", { cause: new Error("ECONNREFUSED 10.0.0.7:5432") });
    log.info({ status: 200 }, "request completed");
  } catch (err) {
    log.error({ err, status: 502 }, "dependency failed"); // the client gets a short message; the log gets the cause
  }
}

handle("r-1", "/dashboard/1", { authorization: "Bearer secret-token" });
handle("r-2", "/boom", {});
logger.warn({ user: { id: 7, password: "hunter2" } }, "password change requested");
