import "server-only";
import type { z } from "zod";
import type { Db } from "../db/client";
import { errorResponse, knownError } from "../errors";
import { logFailure } from "../log";
import { readJson } from "./json-body";
import { decodeSegment } from "./path-segment";
import { REQUEST_ID_HEADER, requestId } from "./request-id";
import { authorize, parseInput, resolveDeps, type Auth, type AuthSpec, type Deps, type Infer, type UserFor } from "./use-case";

// The one shape of a route handler: params, then body, then the guard, then the session, then the use case;
// whatever is thrown becomes the error catalogue's JSON. Input is checked before the session is read, so a malformed
// request is answered without touching the session or the database. Every answer carries the request's id, and every
// failure is one log line (lib/log.ts).

export type RouteSpec<A extends Auth | undefined, P extends z.ZodType | undefined, B extends z.ZodType | undefined> = AuthSpec<A> & {
  /**
   * Runs once params and body are well-formed, before the session, and throws to refuse: a rate limit that only
   * well-formed requests count against (a malformed one costs a parse and is answered 400, so it needs no token).
   */
  guard?: (request: Request) => void | Promise<void>;
  /** The route's dynamic segments, each %-decoded first (a malformed %-sequence is a 400). */
  params?: P;
  /** A JSON body of at most `limit` bytes (413 beyond it). */
  body?: { schema: B; limit: number };
};

export type RouteInput<A extends Auth | undefined, P, B> = {
  user: UserFor<A>;
  params: Infer<P>;
  body: Infer<B>;
  request: Request;
  /** The app's database, or the one a test supplied. */
  db: Db;
};

/** What Next calls; `context` is absent for routes without dynamic segments when a test calls them. */
export type RouteHandler = (request: Request, context?: { params: Promise<unknown> }) => Promise<Response>;

function decodeParams(params: unknown): unknown {
  if (typeof params !== "object" || params === null) return {};
  const decode = (value: unknown) => (typeof value === "string" ? decodeSegment(value) : value);
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => [name, Array.isArray(value) ? value.map(decode) : decode(value)]),
  );
}

/** The response with the request's id header; a copy when its headers are immutable (a fetched or redirect Response). */
function withRequestId(response: Response, id: string): Response {
  try {
    response.headers.set(REQUEST_ID_HEADER, id);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    copy.headers.set(REQUEST_ID_HEADER, id);
    return copy;
  }
}

/**
 * Builds a route handler from a spec and a use case. `run` returns plain data (sent as JSON), a Response (sent as
 * is), or nothing (204). `handler.withDeps({ currentUser, db })` is the same handler with a known user and database.
 */
export function route<A extends Auth | undefined = undefined, P extends z.ZodType | undefined = undefined, B extends z.ZodType | undefined = undefined>(
  spec: RouteSpec<A, P, B>,
  run: (input: RouteInput<A, P, B>) => Promise<unknown>,
): RouteHandler & { withDeps: (deps: Partial<Deps>) => RouteHandler } {
  const withDeps = (given: Partial<Deps>): RouteHandler => {
    const deps = resolveDeps(given);
    const answer: RouteHandler = async (request, context) => {
      const params = spec.params ? parseInput(spec.params, decodeParams(await context?.params), "bad_request:path") : undefined;
      const body = spec.body ? await readJson(request, spec.body.schema as z.ZodType, spec.body.limit) : undefined;
      await spec.guard?.(request);
      const user = await authorize(spec, deps);
      const result = await run({
        user,
        params: params as Infer<P>,
        body: body as Infer<B>,
        request,
        get db() {
          return deps.db();
        },
      });
      if (result instanceof Response) return result;
      return result === undefined ? new Response(null, { status: 204 }) : Response.json(result);
    };
    return async (request, context) => {
      const started = performance.now();
      const id = requestId(request.headers);
      let failure: { code?: string; error?: unknown } = {};
      const response = await answer(request, context).catch((error: unknown) => {
        const known = knownError(error);
        // Only a bug carries its error (and so its stack) into the log; a refusal or an outage is its code alone.
        failure = known ? { code: known.code } : { code: "internal:server", error };
        return errorResponse(error);
      });
      if (response.status >= 400) {
        const route = `${request.method} ${new URL(request.url).pathname}`;
        logFailure({ requestId: id, route, status: response.status, code: failure.code, durationMs: Math.round(performance.now() - started), error: failure.error });
      }
      return withRequestId(response, id);
    };
  };
  return Object.assign(withDeps({}), { withDeps });
}
