"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useSession } from "next-auth/react";
import { useEffect, useState } from "react";
import { lessonHref } from "./labels";
import { fetchPath } from "./fetch-path";

type Target = { href: string; label: string };
const NO_PATH: Target = { href: "/onboarding", label: "Start: build your learning path" };

/** The header's Continue: always the next step of the learner's path (re-read after every navigation). */
export function ContinueLink() {
  const { status } = useSession();
  const pathname = usePathname();
  const [target, setTarget] = useState<Target>({ href: "/path", label: "Continue your learning path" });

  useEffect(() => {
    if (status === "loading") return;
    let cancelled = false;
    void fetchPath({ signedIn: status === "authenticated" }).then((load) => {
      if (cancelled) return;
      if (load.kind === "no-answers") setTarget(NO_PATH);
      if (load.kind !== "ready") return;
      const next = load.path.steps.find((step) => step.status === "next");
      setTarget(next ? { href: lessonHref(next.lessonId), label: `Continue: ${next.title}` } : { href: "/advisor", label: "Continue: the stack advisor" });
    });
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
