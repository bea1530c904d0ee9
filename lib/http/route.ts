import "server-only";
import type { z } from "zod";
import type { Db } from "../db/client";
import { errorResponse } from "../errors";
import { readJson } from "./json-body";
import { decodeSegment } from "./path-segment";
import { authorize, parseInput, resolveDeps, type Auth, type AuthSpec, type Deps, type Infer, type UserFor } from "./use-case";

// The one shape of a route handler: the guard, then params, then body, then the session, then the use case;
// whatever is thrown becomes the error catalogue's JSON. Input is checked before the session is read, so a malformed
// request is answered without touching the session or the database.

export type RouteSpec<A extends Auth | undefined, P extends z.ZodType | undefined, B extends z.ZodType | undefined> = AuthSpec<A> & {
  /** Runs before anything is read, and throws to refuse: a rate limit that malformed requests count against too. */
  guard?: (request: Request) => void;
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
    return async (request, context) => {
      try {
        spec.guard?.(request);
        const params = spec.params ? parseInput(spec.params, decodeParams(await context?.params), "bad_request:path") : undefined;
        const body = spec.body ? await readJson(request, spec.body.schema as z.ZodType, spec.body.limit) : undefined;
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
      } catch (error) {
        return errorResponse(error);
      }
    };
  };
  return Object.assign(withDeps({}), { withDeps });
}
