import "server-only";
import { PrismaAdapter } from "@next-auth/prisma-adapter";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import { db } from "../db/client";
import { env, githubEnabled } from "../env";
import { clientAddress } from "../http/client-address";
import { createSignInLimits, signIn } from "./accounts";

const limits = createSignInLimits();

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
          const result = await signIn(db(), limits, credentials, clientIp(req?.headers));
          if (!result.ok) throw new Error(result.error);
          return result.user;
        },
      }),
      ...(githubEnabled(e) ? [GitHubProvider({ clientId: e.GITHUB_ID!, clientSecret: e.GITHUB_SECRET! })] : []),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.sub = user.id;
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
  };
}
