// The one rule for "the database is not answering": an outage, which a client should wait out (503 + Retry-After),
// as opposed to a bug (500). Prisma 7 reports driver failures in several wrappers, seen by stopping a real
// PostgreSQL under load (tests/integration/reliability/outage.test.ts):
//   - PrismaClientKnownRequestError P1001 "Can't reach database server" with
//     meta.driverAdapterError.cause = { kind: "DatabaseNotReachable" } (pg's ECONNREFUSED);
//   - P2010 "Raw query failed" with meta.driverAdapterError.cause = { kind: "postgres", code: "57P01" } (the server
//     said "terminating connection due to administrator command" on a pooled connection);
//   - pg-pool's plain Errors ("Connection terminated unexpectedly", "... due to connection timeout"), which the
//     adapter passes through as they are.
// The better-sqlite3 adapter maps SQLITE_BUSY to { kind: "SocketTimeout" } and keeps other codes as originalCode;
// a file it cannot open is Prisma's code "SQLITE_CANTOPEN", a missing folder a plain TypeError (tried in
// tests/integration/reliability/unavailable.test.ts).
// Duck-typed on purpose: no Prisma import, so lib/errors.ts can use it anywhere.

/** Why the database is unavailable, in words safe to show anyone (no host, port or SQL). */
export type UnavailableReason =
  | "not reachable"
  | "connection closed"
  | "timed out"
  | "too many connections"
  | "shutting down"
  | "busy"
  | "cannot open the database file"
  | "disk input/output error";

/** Prisma's own codes for a server it cannot reach or that stopped answering; P2024 is a full connection pool. */
const PRISMA_CODES: Record<string, UnavailableReason> = {
  P1001: "not reachable",
  P1002: "timed out",
  P1008: "timed out",
  P1017: "connection closed",
  P2024: "too many connections",
};

/** The driver adapters' error kinds (@prisma/driver-adapter-utils) that mean the connection, not the query, failed. */
const ADAPTER_KINDS: Record<string, UnavailableReason> = {
  DatabaseNotReachable: "not reachable",
  ConnectionClosed: "connection closed",
  SocketTimeout: "timed out",
  TooManyConnections: "too many connections",
};

/** Node's socket errors (pg before the adapter maps them). */
const SOCKET_CODES: Record<string, UnavailableReason> = {
  ECONNREFUSED: "not reachable",
  ENOTFOUND: "not reachable",
  EHOSTUNREACH: "not reachable",
  ECONNRESET: "connection closed",
  EPIPE: "connection closed",
  ETIMEDOUT: "timed out",
};

/** PostgreSQL SQLSTATEs: class 08 (connection exception), 53300, and 57P01–57P03 (the server is going or not up). */
function postgresReason(code: string): UnavailableReason | null {
  if (code.startsWith("08")) return "connection closed";
  if (code === "53300") return "too many connections";
  if (code === "57P01" || code === "57P02" || code === "57P03") return "shutting down";
  return null;
}

/** better-sqlite3's codes, extended ones included (SQLITE_IOERR_WRITE, SQLITE_BUSY_SNAPSHOT…). */
function sqliteReason(code: string): UnavailableReason | null {
  if (/^SQLITE_(BUSY|LOCKED)/.test(code)) return "busy";
  if (code.startsWith("SQLITE_CANTOPEN")) return "cannot open the database file";
  if (code.startsWith("SQLITE_IOERR")) return "disk input/output error";
  return null;
}

/** pg-pool's own errors, and better-sqlite3's check for the file's folder, carry no code, only these messages. */
const CODELESS_MESSAGES: [RegExp, UnavailableReason][] = [
  [/connection timeout|timeout exceeded when trying to connect/i, "timed out"],
  [/Connection terminated/i, "connection closed"],
  [/Cannot open database because the directory does not exist/, "cannot open the database file"],
];

type Shape = { code?: unknown; errorCode?: unknown; kind?: unknown; originalCode?: unknown; message?: unknown; meta?: unknown; cause?: unknown; severity?: unknown };

function reasonOf(value: Shape): UnavailableReason | null {
  const code = typeof value.code === "string" ? value.code : typeof value.errorCode === "string" ? value.errorCode : "";
  const original = typeof value.originalCode === "string" ? value.originalCode : "";
  const kind = typeof value.kind === "string" ? value.kind : "";
  const message = typeof value.message === "string" ? value.message : "";
  return (
    PRISMA_CODES[code] ??
    ADAPTER_KINDS[kind] ??
    SOCKET_CODES[code] ??
    // Through Prisma's adapter a server error is kind "postgres"; straight from `pg` (the job queue, the shared
    // counters) it is a DatabaseError, which carries the server's severity.
    (kind === "postgres" || typeof value.severity === "string" ? postgresReason(code) : null) ??
    (original ? (postgresReason(original) ?? sqliteReason(original)) : null) ??
    sqliteReason(code) ??
    CODELESS_MESSAGES.find(([pattern]) => pattern.test(message))?.[1] ??
    null
  );
}

/**
 * Why the database is unavailable, if this error says so; null for anything else (a bug, a constraint, bad SQL).
 * Looks through the wrappers: Prisma's meta.driverAdapterError, the adapter's cause, an Error's cause.
 */
export function databaseUnavailable(error: unknown): UnavailableReason | null {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (typeof current === "object" && current !== null && !seen.has(current)) {
    seen.add(current);
    const value = current as Shape;
    const reason = reasonOf(value);
    if (reason) return reason;
    const adapterError = (value.meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError;
    current = adapterError ?? value.cause;
  }
  return null;
}
