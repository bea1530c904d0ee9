"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useActionState, useEffect, useRef, useState } from "react";
import { signUpAction, type SignUpState } from "@/lib/auth/sign-up-action";
import { FormField } from "./form-field";

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const password = useRef("");
  const [state, action, pending] = useActionState<SignUpState, FormData>(async (prev, formData) => {
    password.current = String(formData.get("password") ?? "");
    return signUpAction(prev, formData);
  }, { ok: false });
  const [signInError, setSignInError] = useState<string | null>(null);

  useEffect(() => {
    if (!state.ok) return;
    // The account exists; signing in now gives the new learner a session without retyping anything.
    void signIn("credentials", { email: state.email, password: password.current, redirect: false }).then((res) => {
      password.current = "";
      if (res?.ok) {
        router.push(callbackUrl);
        router.refresh();
      } else setSignInError(res?.error ?? "Your account was created, but signing in failed. Try signing in.");
    });
  }, [state, callbackUrl, router]);

  const error = signInError ?? (state.ok ? null : state.error);
  return (
    <form action={action} className="form" noValidate>
      {error && !state.field && (
        <p role="alert" className="alert alert-error">{error}</p>
      )}
      <FormField label="Name" name="name" autoComplete="name" defaultValue={state.name} error={state.field === "name" ? state.error : undefined} />
      <FormField label="Email" name="email" type="email" autoComplete="email" defaultValue={state.email} error={state.field === "email" ? state.error : undefined} />
      <FormField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters."
        error={state.field === "password" ? state.error : undefined}
      />
      <button type="submit" className="button" disabled={pending || state.ok}>
        {pending || state.ok ? "Creating your account…" : "Create account"}
      </button>
      <p className="muted">
        Already have an account? <Link href={`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`}>Sign in</Link>
      </p>
    </form>
  );
}
