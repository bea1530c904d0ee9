import "server-only";
import { cookies } from "next/headers";
import { decode, getToken, type JWT, type JWTDecodeParams } from "next-auth/jwt";
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
  const token = await getToken({ req: { cookies: await cookies(), headers: {} } as never, secret: env().NEXTAUTH_SECRET, decode: decodeRemembered });
  return token ? liveSessionUser(db(), token) : null;
}

// Decoding a session token derives a key (HKDF) and decrypts (AES-GCM) on every request: about 0.3 ms of the ~10 ms of
// CPU a signed-in quiz attempt cost when profiled. What a given token says never changes, so the claims of the tokens
// seen lately are remembered, until the token expires. Whether the session is still live is NOT remembered: the
// account and its epoch are read on every request (liveSessionUser), so deletion and "sign out everywhere" still end
// a session at once.
const MAX_REMEMBERED = 2000;
const remembered = new Map<string, { secret: JWTDecodeParams["secret"]; salt: string | undefined; claims: JWT }>();

const unexpired = (claims: JWT, now: number) => typeof claims.exp === "number" && claims.exp * 1000 > now;

export async function decodeRemembered(params: JWTDecodeParams): Promise<JWT | null> {
  if (!params.token) return null;
  const held = remembered.get(params.token);
  if (held && held.secret === params.secret && held.salt === params.salt && unexpired(held.claims, Date.now())) return held.claims;
  const claims = await decode(params);
  if (claims && unexpired(claims, Date.now())) {
    // Oldest first out: a Map iterates in insertion order.
    if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
    remembered.set(params.token, { secret: params.secret, salt: params.salt, claims });
  }
  return claims;
}
