import type { Db } from "../db/create";

export type SessionUser = { id: string; email: string; name: string | null };

/** What a session token carries that says whose it is and when it was issued. */
export type SessionClaims = { sub?: string; epoch?: unknown };

/** Thrown from next-auth's jwt callback so that it clears the cookie of a session that has ended. */
export class SessionEnded extends Error {
  override readonly name = "SessionEnded";
  constructor() {
    super("The session's account was deleted or signed out everywhere.");
  }
}

/** The epoch to write into a new session's token, or null when the account is gone. */
export async function sessionEpoch(client: Db, userId: string): Promise<number | null> {
  const user = await client.user.findUnique({ where: { id: userId }, select: { sessionEpoch: true } });
  return user?.sessionEpoch ?? null;
}

/**
 * The account a session token speaks for: null when it was deleted, or when the token is from an epoch that "sign out
 * everywhere" has ended. One read by primary key, on every authenticated request; tokens without an epoch (issued
 * before epochs existed) count as ended.
 */
export async function liveSessionUser(client: Db, claims: SessionClaims): Promise<SessionUser | null> {
  if (!claims.sub || typeof claims.epoch !== "number") return null;
  const user = await client.user.findUnique({
    where: { id: claims.sub },
    select: { id: true, email: true, name: true, sessionEpoch: true },
  });
  if (!user || user.sessionEpoch !== claims.epoch) return null;
  return { id: user.id, email: user.email, name: user.name };
}

/** Ends every session of the account, this one included. False when there is no such account. */
export async function endEverySession(client: Db, userId: string): Promise<boolean> {
  const { count } = await client.user.updateMany({ where: { id: userId }, data: { sessionEpoch: { increment: 1 } } });
  return count > 0;
}
