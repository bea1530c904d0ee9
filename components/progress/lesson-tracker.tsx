"use client";

import { useSession } from "@/components/auth/session-provider";
import { useEffect } from "react";
import { newEventId } from "@/lib/progress/event-id";
import { recordGuestVisit } from "@/lib/progress/guest-log";
import { enqueueWrite } from "@/lib/progress/save-queue";
import { SaveStatus } from "./save-status";

const BEAT_SECONDS = 60;

/**
 * Records that a lesson was opened and the time spent on it while the tab is visible: to the account through the
 * retrying save queue, or to the guest store. Render it once on a lesson page.
 */
export function LessonTracker({ lessonId }: { lessonId: string }) {
  const { status } = useSession();

  useEffect(() => {
    if (status === "loading") return;
    const signedIn = status === "authenticated";
    const send = (seconds: number) => {
      if (signedIn) enqueueWrite({ url: "/api/progress", method: "POST", body: { lessonId, secondsSpent: seconds, eventId: newEventId() } });
      else recordGuestVisit({ lessonId, seconds });
    };
    send(0);
    let visibleSince: number | null = document.visibilityState === "visible" ? Date.now() : null;
    const flush = () => {
      if (visibleSince === null) return;
      const seconds = Math.round((Date.now() - visibleSince) / 1000);
      visibleSince = document.visibilityState === "visible" ? Date.now() : null;
      if (seconds > 0) send(seconds);
    };
    const onVisibility = () => {
      if (document.visibilityState === "visible") visibleSince ??= Date.now();
      else flush();
    };
    const interval = setInterval(flush, BEAT_SECONDS * 1000);
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("pagehide", flush);
    return () => {
      flush();
      clearInterval(interval);
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", flush);
    };
  }, [lessonId, status]);

  return status === "authenticated" ? <SaveStatus /> : null;
}
