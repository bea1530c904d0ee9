"use client";

import { useSession } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { clearGuestState, hasGuestProgress, readGuestState } from "@/lib/progress/guest-store";
import "./progress.css";

export const PROGRESS_MERGED_EVENT = "bp:progress-merged";

/** A pass counts only when the server's own check of the code passes; older browsers did not keep the code. */
function unconfirmedNote(exerciseIds: string[]): string {
  if (exerciseIds.length === 0) return "";
  const what = exerciseIds.length === 1 ? "1 exercise pass" : `${exerciseIds.length} exercise passes`;
  return ` ${what} could not be confirmed (this browser did not keep the code, or it does not pass the server's check): check ${exerciseIds.length === 1 ? "it" : "them"} again to record ${exerciseIds.length === 1 ? "it" : "them"}.`;
}

/**
 * When a session appears and this browser holds guest progress, sends it to the account once, then clears it.
 * The merge is idempotent on the server, so a retry after a lost answer (or two tabs doing this) is harmless.
 */
export function GuestMerge() {
  const { status } = useSession();
  const router = useRouter();
  const started = useRef(false);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    if (status !== "authenticated" || started.current) return;
    const guest = readGuestState();
    if (!guest || !hasGuestProgress(guest)) return;
    started.current = true;
    let cancelled = false;
    const merge = async (attempt: number): Promise<void> => {
      try {
        const response = await fetch("/api/progress/merge", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(guest),
        });
        if (response.ok) {
          const body = (await response.json().catch(() => null)) as { merged?: { unconfirmedExercises?: string[] } } | null;
          clearGuestState();
          setMessage(`Your progress from this browser is now saved to your account.${unconfirmedNote(body?.merged?.unconfirmedExercises ?? [])}`);
          window.dispatchEvent(new Event(PROGRESS_MERGED_EVENT));
          // Server-rendered views (the dashboard) were made before the merge; render them again with it.
          router.refresh();
          return;
        }
        if (response.status < 500 && response.status !== 429) {
          setMessage("Your progress from this browser could not be added to your account.");
          return;
        }
      } catch {
        // Offline or the server is down: try again below.
      }
      if (cancelled) return;
      setMessage("Your progress from this browser is not saved to your account yet: retrying.");
      setTimeout(() => void merge(attempt + 1), Math.min(30_000, 1000 * 2 ** attempt));
    };
    void merge(0);
    return () => {
      cancelled = true;
    };
  }, [status, router]);

  if (!message) return null;
  return (
    <p className="guest-merge-status" role="status" data-testid="guest-merge-status">
      {message}
    </p>
  );
}
