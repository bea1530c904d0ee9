"use client";

import { signOut } from "next-auth/react";
import { useState, type FormEvent } from "react";

/** Deleting everything asks for the account's email first, and says plainly what goes. */
export function DeleteAccountForm({ email }: { email: string }) {
  const [confirm, setConfirm] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const response = await fetch("/api/account", {
        method: "DELETE",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ confirm }),
      });
      if (!response.ok) {
        const body = await response.json().catch(() => null);
        setError(body?.error ?? `The account could not be deleted (${response.status}).`);
        return;
      }
      await signOut({ callbackUrl: "/?account=deleted" });
    } catch {
      setError("No connection to the server. Nothing was deleted; try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor="delete-confirm">Type your email address ({email}) to confirm</label>
        <input
          id="delete-confirm"
          type="email"
          autoComplete="off"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "delete-error" : undefined}
        />
        {error && (
          <p id="delete-error" className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <div>
        <button type="submit" className="button button-danger" disabled={pending || confirm.trim() === ""}>
          {pending ? "Deleting…" : "Delete my account and all my data"}
        </button>
      </div>
    </form>
  );
}
