import type { Metadata } from "next";
import { SignInForm } from "@/components/auth/sign-in-form";
import { githubEnabled } from "@/lib/env";
import { safeCallbackUrl } from "@/lib/http/callback-url";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl, error } = await searchParams;
  return (
    <section className="card" style={{ maxWidth: "30rem" }}>
      <h1>Sign in</h1>
      <p className="muted">Pick up where you left off, on any device.</p>
      <SignInForm
        callbackUrl={safeCallbackUrl(callbackUrl)}
        initialError={error && error !== "SessionRequired" ? "Signing in did not work. Please try again." : undefined}
        github={githubEnabled()}
      />
    </section>
  );
}
