import "server-only";
import { headers as requestHeaders } from "next/headers";
import type { z } from "zod";
import type { Db } from "../db/client";
import { ERRORS, knownError } from "../errors";
import { logFailure } from "../log";
import { requestId } from "./request-id";
import { authorize, InvalidInput, parseInput, resolveDeps, type Auth, type AuthSpec, type Deps, type Infer, type UserFor } from "./use-case";

// route()'s twin for server actions: the same session rule and input checks, but a failure comes back as form state
// for useActionState instead of being thrown, so the form can show it beside the field.

export type ActionFailure = { ok: false; error: string; field?: string };

export type ActionSpec<A extends Auth | undefined, I extends z.ZodType | undefined> = AuthSpec<A> & {
  /** The action's input: an object, or the fields of a submitted form. */
  input?: I;
};

export type ActionInput<A extends Auth | undefined, I> = {
  user: UserFor<A>;
  input: Infer<I>;
  /** The request's headers (the client address is read from them). */
  headers: Headers;
  db: Db;
};

export type ActionDeps = Deps & { headers: () => Promise<Headers> };

/** A form's fields as a plain object (the last value of a repeated name wins); any other input as it came. */
function fields(raw: unknown): unknown {
  return raw instanceof FormData ? Object.fromEntries(raw) : raw;
}

function failure(error: unknown): ActionFailure {
  if (error instanceof InvalidInput) return { ok: false, error: error.firstMessage, ...(error.field ? { field: error.field } : {}) };
  return { ok: false, error: knownError(error)?.message ?? ERRORS["internal:server"].message };
}

/** Builds a server action from a spec and a use case; `withDeps` gives it a known user, database and headers. */
export function action<S, A extends Auth | undefined = undefined, I extends z.ZodType | undefined = undefined>(
  spec: ActionSpec<A, I>,
  run: (input: ActionInput<A, I>) => Promise<S>,
) {
  const withDeps = (given: Partial<ActionDeps>) => {
    const deps = resolveDeps(given);
    const readHeaders: () => Promise<Headers> = given.headers ?? requestHeaders;
    return async (raw?: unknown): Promise<S | ActionFailure> => {
      const started = performance.now();
      try {
        const input = spec.input ? parseInput(spec.input, fields(raw), "bad_request:body") : undefined;
        const user = await authorize(spec, deps);
        return await run({
          user,
          input: input as Infer<I>,
          headers: await readHeaders(),
          get db() {
            return deps.db();
          },
        });
      } catch (error) {
        // A refusal is the form's business; an outage or a bug is also one log line (a bug's with its stack), as in route().
        const known = knownError(error);
        if (!known || known.status >= 500) {
          const durationMs = Math.round(performance.now() - started);
          const line = { requestId: requestId(await readHeaders()), route: "server action", status: known?.status ?? 500, durationMs };
          logFailure({ ...line, code: known?.code ?? "internal:server", error: known ? undefined : error });
        }
        return failure(error);
      }
    };
  };
  return Object.assign(withDeps({}), { withDeps });
}
