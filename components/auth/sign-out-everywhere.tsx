"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";

/** Ends every session of the account (a lost phone, a shared computer), then this one's cookie. */
export function SignOutEverywhere() {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function endAll() {
    setPending(true);
    setError(null);
    try {
      const response = await fetch("/api/account/sessions", { method: "DELETE" });
      // 401: this session had already ended, which is what was asked for.
      if (!response.ok && response.status !== 401) {
        const body = await response.json().catch(() => null);
        setError(body?.error ?? `Signing out everywhere did not work (${response.status}). Try again.`);
        return;
      }
      await signOut({ callbackUrl: "/signin" });
    } catch {
      setError("No connection to the server. Your other sessions are still signed in; try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="form">
      {error && <p role="alert" className="alert alert-error">{error}</p>}
      <div>
        <button type="button" className="button" onClick={endAll} disabled={pending}>
          {pending ? "Signing out everywhere…" : "Sign out everywhere"}
        </button>
      </div>
    </div>
  );
}
