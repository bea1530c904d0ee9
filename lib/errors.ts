import { databaseUnavailable } from "./db/unavailable";

// One catalogue of the failures a client can see: a code, its HTTP status, and the sentence a person reads.
// A database outage is one of them (503, wait and retry); anything else not in here is a bug: the caller logs it with
// its stack and the client gets the generic 500 text.

export const ERRORS = {
  "bad_request:json": { status: 400, message: "The request body must be valid JSON." },
  "bad_request:body": { status: 400, message: "The request body is not valid." },
  "bad_request:path": { status: 400, message: "The address is not valid: it has a malformed %-encoding." },
  "bad_request:query": { status: 400, message: "The query string is not valid." },
  "payload_too_large:body": { status: 413, message: "The request body is too large." },
  "unsupported_media_type:body": { status: 415, message: "Send the request body as application/json." },
  "unauthorized:session": { status: 401, message: "Sign in to do this." },
  "forbidden:resource": { status: 403, message: "You do not have access to this." },
  "forbidden:origin": { status: 403, message: "This request came from another site, so it was refused." },
  "not_found:resource": { status: 404, message: "Nothing was found here." },
  "method_not_allowed:request": { status: 405, message: "This address does not take this kind of request." },
  "rate_limited:requests": { status: 429, message: "Too many requests. Wait a moment and try again." },
  "unavailable:database": {
    status: 503,
    message: "The database is not answering right now: your work is kept in this browser; try again in a moment.",
  },
  "unavailable:runner": { status: 503, message: "No runner is available right now, so the program could not run. Try again in a minute." },
  "internal:server": { status: 500, message: "Something went wrong on our side. Please try again." },
} as const;

export type ErrorCode = keyof typeof ERRORS;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    detail?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? ERRORS[code].message);
    this.status = ERRORS[code].status;
  }
}

/** Seconds a client is asked to wait before trying again while the database is unavailable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** The catalogue's entry for an error: itself, the outage entry for a database that is not answering, else null (a bug). */
export function knownError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (databaseUnavailable(error)) return new AppError("unavailable:database", undefined, { "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) });
  return null;
}

/** The JSON answer for anything thrown; an unknown error becomes the generic 500 (the caller logs it). */
export function errorResponse(error: unknown): Response {
  const known = knownError(error);
  if (known) return Response.json({ error: known.message, code: known.code }, { status: known.status, headers: known.headers });
  const { status, message } = ERRORS["internal:server"];
  return Response.json({ error: message, code: "internal:server" }, { status });
}
