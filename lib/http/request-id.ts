import { randomUUID } from "node:crypto";

// Every request has an id that ties its log line to what the client saw. scripts/serve.mjs stamps it on the way in
// (keeping a well-formed one a proxy or client sent) and echoes it back; route() echoes it too, so `next dev` and
// tests get one as well. The rule for "well-formed" is here and, for the server outside the bundle, in serve.mjs.

export const REQUEST_ID_HEADER = "x-request-id";
export const REQUEST_ID_PATTERN = /^[\w.:-]{1,128}$/;

/** The request's id: the header when it is well-formed (letters, digits, `_.:-`, at most 128), else a new UUID. */
export function requestId(headers: Headers): string {
  const given = headers.get(REQUEST_ID_HEADER);
  return given && REQUEST_ID_PATTERN.test(given) ? given : randomUUID();
}
