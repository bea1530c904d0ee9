import "server-only";
import type { z } from "zod";
import { currentUser, type SessionUser } from "../auth/session";
import { db as appDb, type Db } from "../db/client";
import { AppError, type ErrorCode } from "../errors";
import { describeIssues } from "./json-body";
import { refuseNul } from "./no-nul";

// What route() and action() share: who is asking, which database to use, and how input is checked. One copy, so a
// route and a server action refuse a guest or a bad value with the same words.

export type Auth = "required" | "optional";

/** A signed-in user where auth is required, a user or null where optional, null where the session is not read. */
export type UserFor<A extends Auth | undefined> = A extends "required" ? SessionUser : SessionUser | null;

export type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;

/** The seam tests use: a known user and a throwaway database instead of the session cookie and the app's database. */
export type Deps = { currentUser: () => Promise<SessionUser | null>; db: Db };

export type AuthSpec<A extends Auth | undefined> = {
  auth?: A;
  /** What a guest is told where auth is required; the catalogue's "Sign in to do this." when absent. */
  guestMessage?: string;
};

/** A value that failed its schema; `field` names the first wrong one, for a form to show it beside that field. */
export class InvalidInput extends AppError {
  readonly field: string | undefined;
  /** The first problem alone, in the schema's words: what a form shows beside the field. */
  readonly firstMessage: string;
  constructor(code: ErrorCode, error: z.ZodError) {
    super(code, describeIssues(error));
    const first = error.issues[0];
    this.field = first && first.path.length > 0 ? String(first.path[0]) : undefined;
    this.firstMessage = first?.message ?? this.message;
  }
}

/** Checks input against its schema; text holding U+0000 is refused first (see no-nul.ts). */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, code: ErrorCode): z.infer<S> {
  refuseNul(value, code);
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new InvalidInput(code, parsed.error);
  return parsed.data;
}

/**
 * The given deps over the app's own. The database is resolved on first use, so a route that never touches it (the
 * runner, the preview) does not open the app's database.
 */
export function resolveDeps(given: Partial<Deps>): { currentUser: Deps["currentUser"]; db: () => Db } {
  return { currentUser: given.currentUser ?? currentUser, db: () => given.db ?? appDb() };
}

/** The session's user as the spec asks for it: not read at all without `auth`, refused (401) when required and absent. */
export async function authorize<A extends Auth | undefined>(spec: AuthSpec<A>, deps: Pick<Deps, "currentUser">): Promise<UserFor<A>> {
  if (!spec.auth) return null as UserFor<A>;
  const user = await deps.currentUser();
  if (!user && spec.auth === "required") throw new AppError("unauthorized:session", spec.guestMessage);
  return user as UserFor<A>;
}
