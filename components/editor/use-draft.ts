"use client";

import { useSession } from "@/components/auth/session-provider";
import { useCallback, useEffect, useRef, useState } from "react";
import type { CodeLanguage } from "@/lib/course/vocabulary";
import type { DraftResult } from "@/lib/progress/events";
import { guestLogMayHold, recordGuestDraft } from "@/lib/progress/guest-log";

// The learner's edited code for one example or exercise, with the result of its last run or check: draft events in
// the guest store for guests (merged into the account on sign-in), /api/drafts for signed-in learners. Saving is
// debounced so typing does not send a request per key press; a save still pending when the page goes is sent then.

const SAVE_DELAY_MS = 600;
type Saved = { code: string; result: DraftResult | null };

/** Before the ledger, a guest's draft was a bare `draft:<key>` value in localStorage: it becomes a draft event once. */
function migrateLegacyDraft(key: string, language: CodeLanguage, guestDraft: (key: string) => Saved | null) {
  const legacyKey = `draft:${key}`;
  try {
    const code = localStorage.getItem(legacyKey);
    if (code === null) return;
    if (!guestDraft(key)) recordGuestDraft({ key, language, code });
    localStorage.removeItem(legacyKey);
  } catch {
    // Storage blocked: there is nothing to migrate from either.
  }
}

/**
 * A guest's draft: kept draft events (or a checked exercise, whose code is its draft) are read by the model's rules,
 * so the full store loads only when this browser may hold one for the key.
 */
async function loadGuestDraft(key: string, language: CodeLanguage): Promise<Saved | null> {
  let legacy = false;
  try {
    legacy = localStorage.getItem(`draft:${key}`) !== null;
  } catch {
    return null;
  }
  if (!legacy && !guestLogMayHold((event) => (event.type === "draft" && event.key === key) || event.type === "exercise")) return null;
  const { guestDraft } = await import("@/lib/progress/guest-store");
  migrateLegacyDraft(key, language, guestDraft);
  return guestDraft(key);
}

async function loadDraft(key: string, language: CodeLanguage, signedIn: boolean): Promise<Saved | null> {
  if (!signedIn) return loadGuestDraft(key, language);
  const response = await fetch(`/api/drafts/${encodeURIComponent(key)}`, { cache: "no-store" }).catch(() => null);
  if (!response?.ok || response.status === 204) return null;
  return (await response.json()) as Saved;
}

function storeDraft(key: string, language: CodeLanguage, original: string, { code, result }: Saved, signedIn: boolean) {
  const back = code === original;
  if (!signedIn) {
    recordGuestDraft({ key, language, code: back ? null : code, result });
    return;
  }
  const url = `/api/drafts/${encodeURIComponent(key)}`;
  // keepalive: a save sent as the page goes away still reaches the server.
  const request = back
    ? fetch(url, { method: "DELETE", keepalive: true })
    : fetch(url, {
        method: "PUT",
        keepalive: true,
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ language, code, ...(result ? { result } : {}) }),
      });
  void request.catch(() => {});
}

export function useDraft(key: string, language: CodeLanguage, original: string) {
  const { status } = useSession();
  const signedIn = status === "authenticated";
  const [code, setCode] = useState(original);
  const [result, setResult] = useState<DraftResult | null>(null);
  const [restored, setRestored] = useState(false);
  // What a pending save sends is read when it fires, so the latest code goes with the latest result.
  const latest = useRef<Saved>({ code: original, result: null });
  const pending = useRef<(() => void) | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    if (status === "loading") return;
    let cancelled = false;
    void loadDraft(key, language, signedIn).then((saved) => {
      if (cancelled || !saved || (saved.code === original && !saved.result)) return;
      latest.current = { code: saved.code, result: saved.result };
      setCode(saved.code);
      setResult(saved.result);
      setRestored(true);
    });
    return () => {
      cancelled = true;
    };
  }, [key, language, original, signedIn, status]);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    const save = pending.current;
    pending.current = null;
    save?.();
  }, []);

  useEffect(() => {
    window.addEventListener("pagehide", flush);
    return () => {
      window.removeEventListener("pagehide", flush);
      flush();
    };
  }, [flush]);

  const schedule = useCallback(() => {
    clearTimeout(timer.current);
    pending.current = () => storeDraft(key, language, original, latest.current, signedIn);
    timer.current = setTimeout(flush, SAVE_DELAY_MS);
  }, [flush, key, language, original, signedIn]);

  const update = useCallback(
    (next: string) => {
      latest.current = { ...latest.current, code: next };
      setCode(next);
      schedule();
    },
    [schedule],
  );

  /**
   * Keeps the result of a run or check with the code. `keptFor`: the code the check itself already stored with this
   * result (an exercise check does, on the server or in the guest store); nothing is sent again while it is current.
   */
  const saveResult = useCallback(
    (next: DraftResult, keptFor?: string) => {
      latest.current = { ...latest.current, result: next };
      setResult(next);
      if (keptFor !== undefined && keptFor === latest.current.code) {
        clearTimeout(timer.current);
        pending.current = null;
      } else {
        schedule();
      }
    },
    [schedule],
  );

  return { code, setCode: update, restored, result, saveResult };
}
