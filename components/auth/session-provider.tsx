"use client";

import type { Session } from "next-auth";
import { usePathname } from "next/navigation";
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";

// The session for client components, read from next-auth's own endpoint (GET /api/auth/session) once per page load.
// next-auth/react's provider does the same but ships its whole client (sign-in, CSRF, broadcast) with every page;
// signing in and out still go through next-auth/react, loaded by the pages and buttons that do it.

export type SessionState = { data: Session | null; status: "loading" | "authenticated" | "unauthenticated" };

const SessionContext = createContext<SessionState>({ data: null, status: "loading" });

/** next-auth tells a browser's other tabs of a sign-out under this localStorage key. */
const NEXTAUTH_BROADCAST_KEY = "nextauth.message";

/** Where a session can appear without a page load: the sign-in and sign-up forms sign in, then navigate away. */
const SIGN_IN_PAGES = new Set(["/signin", "/signup"]);

async function fetchSession(): Promise<Session | null> {
  try {
    const response = await fetch("/api/auth/session", { cache: "no-store" });
    // Signed out, next-auth answers an empty object.
    const body = response.ok ? ((await response.json()) as Partial<Session> | null) : null;
    return body?.user ? (body as Session) : null;
  } catch {
    return null;
  }
}

export function AuthSessionProvider({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  const [state, setState] = useState<SessionState>({ data: null, status: "loading" });
  const [leftSignIn, setLeftSignIn] = useState(0);
  // Leaving a sign-in page (state adjusted while rendering, React's pattern for "react to a prop change"): the form
  // may just have signed in, so the session is read again.
  const [shownOn, setShownOn] = useState(pathname);
  if (shownOn !== pathname) {
    setShownOn(pathname);
    if (SIGN_IN_PAGES.has(shownOn)) setLeftSignIn((n) => n + 1);
  }

  useEffect(() => {
    let cancelled = false;
    const load = () =>
      void fetchSession().then((data) => {
        if (!cancelled) setState({ data, status: data ? "authenticated" : "unauthenticated" });
      });
    load();
    const onStorage = (event: StorageEvent) => {
      if (event.key === NEXTAUTH_BROADCAST_KEY) load();
    };
    window.addEventListener("storage", onStorage);
    return () => {
      cancelled = true;
      window.removeEventListener("storage", onStorage);
    };
  }, [leftSignIn]);

  return <SessionContext.Provider value={state}>{children}</SessionContext.Provider>;
}

/** The session as next-auth/react's useSession gives it: `data` and `status`. */
export function useSession(): SessionState {
  return useContext(SessionContext);
}
