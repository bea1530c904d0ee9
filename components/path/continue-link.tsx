"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useSession } from "@/components/auth/session-provider";
import { useEffect, useState } from "react";
import { lessonHref } from "./labels";
import type { PathLoad } from "./fetch-path";
import { mayHoldGuestAnswers } from "./guest-answers-kept";

type Target = { href: string; label: string };
const NO_PATH: Target = { href: "/onboarding", label: "Start: build your learning path" };

/** The header's Continue: always the next step of the learner's path (re-read after every navigation). */
export function ContinueLink() {
  const { status } = useSession();
  const pathname = usePathname();
  const [target, setTarget] = useState<Target>({ href: "/path", label: "Continue your learning path" });

  useEffect(() => {
    if (status === "loading") return;
    const signedIn = status === "authenticated";
    // A guest without onboarding answers has no path yet; the path's loader (schemas, the guest's model) is fetched
    // only when there may be one.
    const loading: Promise<PathLoad> =
      signedIn || mayHoldGuestAnswers() ? import("./fetch-path").then(({ fetchPath }) => fetchPath({ signedIn })) : Promise.resolve({ kind: "no-answers" });
    let cancelled = false;
    loading
      .then((load) => {
        if (cancelled) return;
        if (load.kind === "no-answers") setTarget(NO_PATH);
        if (load.kind !== "ready") return;
        const next = load.path.steps.find((step) => step.status === "next");
        setTarget(next ? { href: lessonHref(next.lessonId), label: `Continue: ${next.title}` } : { href: "/advisor", label: "Continue: the stack advisor" });
      })
      .catch(() => undefined); // offline: the link keeps pointing at /path
    return () => {
      cancelled = true;
    };
  }, [status, pathname]);

  return (
    <Link href={target.href} className="button" aria-label={target.label} title={target.label} data-testid="continue">
      Continue
    </Link>
  );
}
