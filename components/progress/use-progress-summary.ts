"use client";

import { useSession } from "@/components/auth/session-provider";
import { useEffect, useState, useSyncExternalStore } from "react";
import { readStoredGuestText, subscribeGuestState } from "@/lib/progress/guest-log";
import type { ProgressSummary } from "@/lib/progress/summary-types";
import { PROGRESS_MERGED_EVENT } from "./guest-merge";

const noText = () => null;

/**
 * The learner's progress for client components on static pages: the account's from GET /api/progress, or the
 * guest's from this browser. Null while unknown (or when it cannot be loaded: the page works without it).
 */
export function useProgressSummary(): ProgressSummary | null {
  const { status } = useSession();
  // The stored text, not the state: the full guest store (its checks and the model) loads only when there is one.
  const stored = useSyncExternalStore(subscribeGuestState, readStoredGuestText, noText);
  const [guest, setGuest] = useState<{ of: string; summary: ProgressSummary | null } | null>(null);
  const [account, setAccount] = useState<ProgressSummary | null>(null);

  useEffect(() => {
    if (status !== "unauthenticated" || !stored) return;
    let cancelled = false;
    import("@/lib/progress/guest-store")
      .then(({ guestSummary, readGuestState }) => {
        const state = readGuestState();
        if (!cancelled) setGuest({ of: stored, summary: state ? guestSummary(state, new Date()) : null });
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [status, stored]);

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
  if (status === "unauthenticated" && stored && guest?.of === stored) return guest.summary;
  return null;
}
