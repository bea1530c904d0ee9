"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

// Rendered in `npm run dev` only: re-renders the page when a file under lessons/ changes.
export function LessonLiveReload() {
  const router = useRouter();
  useEffect(() => {
    let last: number | undefined;
    const timer = window.setInterval(async () => {
      try {
        const res = await fetch("/learn/content-version", { cache: "no-store" });
        if (!res.ok) return;
        const { version } = (await res.json()) as { version: number };
        if (last !== undefined && version !== last) router.refresh();
        last = version;
      } catch {
        // The dev server is restarting; try again on the next tick.
      }
    }, 1000);
    return () => window.clearInterval(timer);
  }, [router]);
  return null;
}
