import pino, { type DestinationStream, type Logger } from "pino";

// The server's one logger: JSON lines on stdout through pino. One line per failed request (lib/http/route.ts); the
// stack only for unexpected errors, so an outage that fails every request costs a line each, not a stack each.

// Tests answer thousands of refusals on purpose; their lines would bury the test report, so under Vitest the log is
// silent unless LOG_LEVEL says otherwise (a test that checks the log reads it through logTo).
const options = {
  level: process.env.LOG_LEVEL ?? (process.env.VITEST ? "silent" : "info"),
  base: undefined,
  timestamp: pino.stdTimeFunctions.isoTime,
};

let logger: Logger = pino(options);

export function log(): Logger {
  return logger;
}

/** Sends the log somewhere else: a test reads the lines it caused. Returns a function that puts stdout back. */
export function logTo(destination: DestinationStream): () => void {
  logger = pino({ ...options, level: "info" }, destination);
  return () => {
    logger = pino(options);
  };
}

export type FailureLine = {
  requestId: string;
  route: string;
  status: number;
  code: string | undefined;
  durationMs: number;
  /** Only for unexpected errors (500): logged once, with its stack. */
  error?: unknown;
};

/** One line for one failed request: warn for what the client or an outage caused, error (with the stack) for a bug. */
export function logFailure({ error, ...line }: FailureLine): void {
  if (line.status >= 500 && error !== undefined) log().error({ ...line, err: error }, "request failed");
  else log().warn(line, "request failed");
}
