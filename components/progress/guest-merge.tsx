"use client";

import { useSession } from "@/components/auth/session-provider";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { readStoredGuestText } from "@/lib/progress/guest-log";
import type { MergeAnswer } from "./merge-message";
import "./progress.css";

export const PROGRESS_MERGED_EVENT = "bp:progress-merged";

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
    // Most signed-in learners have no guest store: the full store (its checks and model) loads only for one that does.
    if (status !== "authenticated" || started.current || !readStoredGuestText()) return;
    started.current = true;
    let cancelled = false;
    const merge = async (attempt: number): Promise<void> => {
      try {
        const [{ clearGuestState, hasGuestProgress, readGuestState }, { mergeMessage }] = await Promise.all([import("@/lib/progress/guest-store"), import("./merge-message")]);
        const guest = readGuestState();
        if (!guest || !hasGuestProgress(guest)) return;
        const response = await fetch("/api/progress/merge", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(guest),
        });
        if (response.ok) {
          const body = (await response.json().catch(() => null)) as { merged?: Partial<MergeAnswer> } | null;
          clearGuestState();
          setMessage(mergeMessage(guest, { events: 0, skipped: [], unconfirmedExercises: [], ...body?.merged }));
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
