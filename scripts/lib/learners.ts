import { randomUUID } from "node:crypto";
import { createDb, type Db } from "@/lib/db/create";
import { hashPassword } from "@/lib/auth/password";
import { resolveDbTarget } from "@/lib/db/target";

// Simulated learners over plain HTTP: a cookie jar, the Origin header a browser sends with its writes, and next-auth's
// credentials callback for signing in (as tests/e2e/fixtures.ts does). Accounts are made straight in the database with
// the app's own password hashing: sign-up is tested elsewhere, and its per-address limit would only get in the way.

export const PASSWORD = "correct-horse-battery";

/** Every answer any learner got, by status, and the refusals (4xx, 5xx) in full, for the summary and the assertions. */
export class Tally {
  readonly statuses = new Map<number, number>();
  readonly refusals: string[] = [];
  requests = 0;

  record(method: string, path: string, status: number, body: string): void {
    this.requests++;
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
    if (status >= 400) this.refusals.push(`${method} ${path} → ${status}: ${body.slice(0, 300)}`);
  }

  summary(): string {
    return [...this.statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(" ");
  }
}

export class Learner {
  private readonly cookies = new Map<string, string>();

  constructor(
    readonly base: string,
    readonly email: string,
    private readonly tally?: Tally,
  ) {}

  /** The Cookie header this learner sends (the benchmarks hand it to a load generator). */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  /** A request with this learner's cookies; redirects are returned, not followed (a sign-in answers with one). */
  async request(method: string, path: string, init: { json?: unknown; form?: Record<string, string>; signal?: AbortSignal } = {}): Promise<{ status: number; body: string; headers: Headers }> {
    const headers: Record<string, string> = { cookie: this.cookieHeader() };
    let body: string | undefined;
    if (init.json !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(init.json);
    } else if (init.form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      body = new URLSearchParams(init.form).toString();
    }
    if (method !== "GET") headers.origin = this.base;
    const response = await fetch(this.base + path, { method, headers, body, redirect: "manual", signal: init.signal });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const at = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    const text = await response.text();
    this.tally?.record(method, path, response.status, text);
    return { status: response.status, body: text, headers: response.headers };
  }

  /** next-auth's credentials flow: CSRF token, then the callback; the session cookie lands in the jar. */
  async signIn(): Promise<void> {
    const csrf = await this.request("GET", "/api/auth/csrf");
    const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
    const callback = await this.request("POST", "/api/auth/callback/credentials", {
      form: { csrfToken, email: this.email, password: PASSWORD, json: "true", callbackUrl: "/" },
    });
    const session = await this.request("GET", "/api/auth/session");
    if ((JSON.parse(session.body) as { user?: { email?: string } }).user?.email !== this.email) {
      throw new Error(`${this.email} could not sign in (callback ${callback.status}: ${callback.body.slice(0, 200)})`);
    }
  }
}

/** `count` accounts with the soak password, created in the database the server uses. Returns their emails. */
export async function createAccounts(databaseUrl: string, count: number): Promise<string[]> {
  const db: Db = createDb(resolveDbTarget(databaseUrl));
  try {
    // One hash for all: argon2id costs ~50 ms of CPU each and every learner has the same password anyway.
    const passwordHash = await hashPassword(PASSWORD);
    const emails = Array.from({ length: count }, (_, i) => `soak-${i}-${randomUUID().slice(0, 8)}@example.com`);
    await db.user.createMany({ data: emails.map((email, i) => ({ email, name: `Soak ${i}`, passwordHash })) });
    return emails;
  } finally {
    await db.$disconnect();
  }
}

/** Signs learners in a few at a time: the sign-in throttle counts a pending check as a failure until it succeeds. */
export async function signInAll(base: string, emails: string[], tally?: Tally, batch = 4): Promise<Learner[]> {
  const learners = emails.map((email) => new Learner(base, email, tally));
  for (let i = 0; i < learners.length; i += batch) await Promise.all(learners.slice(i, i + batch).map((l) => l.signIn()));
  return learners;
}
