import type { Metadata } from "next";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { safeCallbackUrl } from "@/lib/http/callback-url";

export const metadata: Metadata = { title: "Create an account" };

type Props = { searchParams: Promise<{ callbackUrl?: string }> };

export default async function SignUpPage({ searchParams }: Props) {
  const { callbackUrl } = await searchParams;
  return (
    <section className="card" style={{ maxWidth: "30rem" }}>
      <h1>Create your account</h1>
      <p className="muted">Keep your progress, drafts and learning path across devices.</p>
      <SignUpForm callbackUrl={safeCallbackUrl(callbackUrl)} />
    </section>
  );
}
