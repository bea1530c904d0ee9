import "server-only";
import { PrismaAdapter } from "@next-auth/prisma-adapter";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import { db } from "../db/client";
import { env, githubEnabled } from "../env";
import { clientAddress } from "../http/client-address";
import { log } from "../log";
import { signIn } from "./accounts";
import { liveSessionUser, SessionEnded, sessionEpoch } from "./live-session";
import { createSignInThrottle } from "./throttle";

const throttle = createSignInThrottle();

/** next-auth hands authorize() a plain header record; the address rule itself lives in lib/http/client-address. */
function clientIp(headers: Record<string, string | string[] | undefined> | undefined): string {
  const record = new Headers();
  for (const [name, value] of Object.entries(headers ?? {})) if (value !== undefined) record.set(name, String(value));
  return clientAddress({ headers: record });
}

export function authOptions(): AuthOptions {
  const e = env();
  return {
    secret: e.NEXTAUTH_SECRET,
    // Credentials sign-in requires JWT sessions in next-auth 4; the token lives in an httpOnly cookie.
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    adapter: PrismaAdapter(db() as never),
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, req) {
          const result = await signIn(db(), throttle, credentials, clientIp(req?.headers));
          if (!result.ok) throw new Error(result.error);
          return result.user;
        },
      }),
      ...(githubEnabled(e) ? [GitHubProvider({ clientId: e.GITHUB_ID!, clientSecret: e.GITHUB_SECRET! })] : []),
    ],
    callbacks: {
      // Every read of the session (/api/auth/session, each page load) checks the account and the token's epoch, so a
      // deleted account or "sign out everywhere" ends the session on its next request and next-auth clears the cookie.
      async jwt({ token, user }) {
        if (user) {
          const epoch = await sessionEpoch(db(), user.id);
          if (epoch === null) throw new SessionEnded();
          return { ...token, sub: user.id, epoch };
        }
        if (!(await liveSessionUser(db(), token))) throw new SessionEnded();
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
    logger: {
      // An ended session is expected, not an error worth a stack trace in the server log.
      error(code, metadata) {
        if ((metadata as { name?: string } | undefined)?.name === "SessionEnded") return;
        log().error({ code, err: metadata }, "next-auth error");
      },
    },
  };
}
