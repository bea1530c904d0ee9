"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { FormField } from "./form-field";

export function SignInForm({ callbackUrl, initialError, github }: { callbackUrl: string; initialError?: string; github: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | undefined>(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(undefined);
    const res = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    setPending(false);
    if (res?.ok && !res.error) {
      router.push(callbackUrl);
      router.refresh();
    } else setError(res?.error ?? "Signing in failed. Please try again.");
  }

  return (
    <form onSubmit={onSubmit} className="form" noValidate>
      {error && <p role="alert" className="alert alert-error">{error}</p>}
      <FormField label="Email" name="email" type="email" autoComplete="email" />
      <FormField label="Password" name="password" type="password" autoComplete="current-password" />
      <button type="submit" className="button" disabled={pending}>{pending ? "Signing in…" : "Sign in"}</button>
      {github && (
        <button type="button" className="button button-ghost" onClick={() => signIn("github", { callbackUrl })}>
          Sign in with GitHub
        </button>
      )}
      <p className="muted">
        New here? <Link href={`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`}>Create an account</Link>
      </p>
    </form>
  );
}
