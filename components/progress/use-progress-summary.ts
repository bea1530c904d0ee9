"use client";

import { useSession } from "next-auth/react";
import { useEffect, useState, useSyncExternalStore } from "react";
import { guestSummary, readGuestState, subscribeGuestState } from "@/lib/progress/guest-store";
import type { ProgressSummary } from "@/lib/progress/summary-types";
import { PROGRESS_MERGED_EVENT } from "./guest-merge";

const noState = () => null;

/**
 * The learner's progress for client components on static pages: the account's from GET /api/progress, or the
 * guest's from this browser. Null while unknown (or when it cannot be loaded: the page works without it).
 */
export function useProgressSummary(): ProgressSummary | null {
  const { status } = useSession();
  const guest = useSyncExternalStore(subscribeGuestState, readGuestState, noState);
  const [account, setAccount] = useState<ProgressSummary | null>(null);

  useEffect(() => {
    if (status !== "authenticated") return;
    let cancelled = false;
    const load = () =>
      fetch("/api/progress", { cache: "no-store" })
        .then((res) => (res.ok ? (res.json() as Promise<ProgressSummary>) : null))
        .catch(() => null)
        .then((summary) => {
          if (!cancelled) setAccount(summary);
        });
    void load();
    // Guest progress merged into the account after this loaded: load again so it shows.
    window.addEventListener(PROGRESS_MERGED_EVENT, load);
    return () => {
      cancelled = true;
      window.removeEventListener(PROGRESS_MERGED_EVENT, load);
    };
  }, [status]);

  if (status === "authenticated") return account;
  if (status === "unauthenticated" && guest) return guestSummary(guest, new Date());
  return null;
}
