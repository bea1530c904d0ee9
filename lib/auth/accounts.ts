import type { Db } from "../db/create";
import { signInSchema, signUpSchema } from "./fields";
import { decoyHash, hashPassword, verifyPassword } from "./password";
import { createRateLimiter, type RateLimiter } from "./rate-limit";

export type AuthUser = { id: string; email: string; name: string | null };

export type SignUpResult = { ok: true; user: AuthUser } | { ok: false; error: string; field?: "name" | "email" | "password" };
export type SignInResult = { ok: true; user: AuthUser } | { ok: false; error: string };

export const SIGN_IN_FAILED = "That email and password do not match an account. Check both and try again.";

function firstIssue(error: { issues: { path: PropertyKey[]; message: string }[] }) {
  const issue = error.issues[0]!;
  return { error: issue.message, field: issue.path[0] as "name" | "email" | "password" | undefined };
}

export async function signUp(db: Db, input: unknown): Promise<SignUpResult> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) return { ok: false, ...firstIssue(parsed.error) };
  const { name, email, password } = parsed.data;
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) {
    return { ok: false, field: "email", error: "An account with this email already exists. Sign in instead." };
  }
  try {
    const user = await db.user.create({
      data: { name, email, passwordHash: await hashPassword(password) },
      select: { id: true, email: true, name: true },
    });
    return { ok: true, user };
  } catch (error) {
    // Two sign-ups racing for one email: the unique index decides, the loser hears the same message.
    if ((error as { code?: string }).code === "P2002") {
      return { ok: false, field: "email", error: "An account with this email already exists. Sign in instead." };
    }
    throw error;
  }
}

const minutes = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));

export type SignInLimits = { byEmail: RateLimiter; byIp: RateLimiter };

export function createSignInLimits(): SignInLimits {
  return {
    byEmail: createRateLimiter({ max: 5, windowMs: 15 * 60_000 }),
    byIp: createRateLimiter({ max: 30, windowMs: 15 * 60_000 }),
  };
}

/**
 * Checks an email and password. The same message answers an unknown email and a wrong password, and both do the
 * same hashing work, so neither the text nor the timing tells whether an account exists.
 */
export async function signIn(db: Db, limits: SignInLimits, input: unknown, ip: string): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]!.message };
  const { email, password } = parsed.data;
  const wait = Math.max(limits.byEmail.retryAfterMs(email), limits.byIp.retryAfterMs(ip));
  if (wait > 0) {
    return { ok: false, error: `Too many sign-in attempts. Wait ${minutes(wait)} minute(s), then try again.` };
  }
  const user = await db.user.findUnique({ where: { email } });
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
  if (!user || !user.passwordHash || !valid) {
    limits.byEmail.fail(email);
    limits.byIp.fail(ip);
    return { ok: false, error: SIGN_IN_FAILED };
  }
  limits.byEmail.reset(email);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
