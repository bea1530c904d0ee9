import type { Db } from "../db/create";
import { isUniqueViolation } from "../db/unique-violation";
import { signInSchema, signUpSchema } from "./fields";
import { decoyHash, hashPassword, verifyPassword } from "./password";
import { createRateLimiter, type RateLimiter } from "../limits/rate-limiter";
import type { SignInThrottle } from "./throttle";

export type AuthUser = { id: string; email: string; name: string | null };

export type SignUpResult = { ok: true; user: AuthUser } | { ok: false; error: string; field?: "name" | "email" | "password" };
export type SignInResult = { ok: true; user: AuthUser } | { ok: false; error: string };

export const SIGN_IN_FAILED = "That email and password do not match an account. Check both and try again.";
const EMAIL_TAKEN = "An account with this email already exists. Sign in instead.";

function firstIssue(error: { issues: { path: PropertyKey[]; message: string }[] }) {
  const issue = error.issues[0]!;
  return { error: issue.message, field: issue.path[0] as "name" | "email" | "password" | undefined };
}

/** "5 seconds", "3 minutes": how long to wait, in the unit a person thinks in. */
export function waitWords(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 90) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

/**
 * Sign-ups per client address per hour: `SIGNUPS_PER_HOUR`, 5 unless set (raise it for a classroom behind one NAT);
 * an hour from the address's first sign-up, shared by every app instance on PostgreSQL (lib/limits).
 */
export function createSignUpLimit(perHour = Number(process.env.SIGNUPS_PER_HOUR) > 0 ? Number(process.env.SIGNUPS_PER_HOUR) : 5): RateLimiter {
  return createRateLimiter({ name: "sign-ups", max: perHour, windowMs: 60 * 60_000 });
}

/**
 * Creates an account. Every well-formed attempt counts against the client's address, whether the email was taken or
 * not, so the limit also bounds probing which emails have accounts.
 */
export async function signUp(db: Db, limit: RateLimiter, input: unknown, address: string): Promise<SignUpResult> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) return { ok: false, ...firstIssue(parsed.error) };
  const { retryAfterMs } = await limit.hit(address);
  if (retryAfterMs > 0) return { ok: false, error: `Too many accounts were created from your network. Wait ${waitWords(retryAfterMs)}, then try again.` };
  const { name, email, password } = parsed.data;
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) return { ok: false, field: "email", error: EMAIL_TAKEN };
  try {
    const user = await db.user.create({
      data: { name, email, passwordHash: await hashPassword(password) },
      select: { id: true, email: true, name: true },
    });
    return { ok: true, user };
  } catch (error) {
    // Two sign-ups racing for one email: the unique index decides, the loser hears the same message.
    if (isUniqueViolation(error)) return { ok: false, field: "email", error: EMAIL_TAKEN };
    throw error;
  }
}

/**
 * Checks an email and password. The same message answers an unknown email and a wrong password, and both do the
 * same hashing work, so neither the text nor the timing tells whether an account exists; the throttle keys on the
 * email as typed, so its delays do not tell either.
 */
export async function signIn(db: Db, throttle: SignInThrottle, input: unknown, address: string): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]!.message };
  const { email, password } = parsed.data;
  const attempt = await throttle.attempt(email, address);
  if (!attempt.allowed) {
    return { ok: false, error: `Too many sign-in attempts. Wait ${waitWords(attempt.retryAfterMs)}, then try again.` };
  }
  const user = await db.user.findUnique({ where: { email } });
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
  if (!user || !user.passwordHash || !valid) return { ok: false, error: SIGN_IN_FAILED };
  await attempt.succeeded();
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
