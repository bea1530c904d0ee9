"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { fetchPath, type PathLoad } from "./fetch-path";
import { PathView } from "./path-view";

type State = { kind: "loading" } | PathLoad;

/** A guest's path: answers from this browser, the path from the preview route. */
export function GuestPath() {
  const [state, setState] = useState<State>({ kind: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    void fetchPath({ signedIn: false }).then((next) => {
      if (!cancelled) setState(next);
    });
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  if (state.kind === "loading") return <p role="status">Building your path…</p>;
  if (state.kind === "no-answers") return <OnboardingPrompt />;
  if (state.kind === "error") {
    return (
      <div className="alert alert-error" role="alert">
        <p>{state.message}</p>
        <button type="button" className="button" onClick={() => { setState({ kind: "loading" }); setAttempt((n) => n + 1); }}>
          Try again
        </button>
      </div>
    );
  }
  return <PathView path={state.path} hoursPerWeek={state.hoursPerWeek ?? 0} />;
}

export function OnboardingPrompt() {
  return (
    <section className="card">
      <h2>Tell us where you are starting from</h2>
      <p className="muted">Answer four quick questions and we will order the lessons for you, with the reason for each.</p>
      <Link href="/onboarding" className="button">
        Build my learning path
      </Link>
    </section>
  );
}
