import "server-only";
import { cookies } from "next/headers";
import { getToken } from "next-auth/jwt";
import { db } from "../db/client";
import { env } from "../env";
import { liveSessionUser, type SessionUser } from "./live-session";

export type { SessionUser };

/**
 * The signed-in learner, or null for a guest. A session whose account was deleted, or that "sign out everywhere"
 * ended, is a guest's too: routes answer 401 instead of failing on a foreign key. The token is decoded here rather
 * than through getServerSession, which would also re-encrypt it on every call; the account check is one indexed read.
 */
export async function currentUser(): Promise<SessionUser | null> {
  const token = await getToken({ req: { cookies: await cookies(), headers: {} } as never, secret: env().NEXTAUTH_SECRET });
  return token ? liveSessionUser(db(), token) : null;
}
