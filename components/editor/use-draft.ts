"use client";

import { useSession } from "next-auth/react";
import { useCallback, useEffect, useRef, useState } from "react";
import type { CodeLanguage } from "@/lib/course/vocabulary";

// The learner's edited code for one example: browser storage for guests, the server for signed-in learners.
// Saving is debounced so typing does not send a request per key press.

const SAVE_DELAY_MS = 600;
const storageKey = (key: string) => `draft:${key}`;

export function useDraft(key: string, language: CodeLanguage, original: string) {
  const { status } = useSession();
  const [code, setCode] = useState(original);
  const [restored, setRestored] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    if (status === "loading") return;
    let cancelled = false;
    const load = async (): Promise<string | null> => {
      if (status === "authenticated") {
        const response = await fetch(`/api/drafts/${encodeURIComponent(key)}`).catch(() => null);
        if (response?.ok) return ((await response.json()) as { code: string }).code;
        return null;
      }
      return localStorage.getItem(storageKey(key));
    };
    void load().then((saved) => {
      if (cancelled || saved === null || saved === original) return;
      setCode(saved);
      setRestored(true);
    });
    return () => {
      cancelled = true;
    };
  }, [key, original, status]);

  const persist = useCallback(
    (next: string) => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        if (status === "authenticated") {
          const request =
            next === original
              ? fetch(`/api/drafts/${encodeURIComponent(key)}`, { method: "DELETE" })
              : fetch(`/api/drafts/${encodeURIComponent(key)}`, {
                  method: "PUT",
                  headers: { "content-type": "application/json" },
                  body: JSON.stringify({ language, code: next }),
                });
          void request.catch(() => {});
        } else if (next === original) {
          localStorage.removeItem(storageKey(key));
        } else {
          localStorage.setItem(storageKey(key), next);
        }
      }, SAVE_DELAY_MS);
    },
    [key, language, original, status],
  );

  const update = useCallback(
    (next: string) => {
      setCode(next);
      persist(next);
    },
    [persist],
  );

  return { code, setCode: update, restored };
}
