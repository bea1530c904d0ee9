"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { pathSchema, type OnboardingAnswers, type Path } from "@/lib/path/schema";
import { readLocalAnswers } from "./local-answers";
import { PathView } from "./path-view";

type State = { kind: "loading" } | { kind: "no-answers" } | { kind: "error"; message: string } | { kind: "ready"; path: Path; answers: OnboardingAnswers };

/** A guest's path: answers from this browser, path from the preview route, so both kinds of learner see one engine. */
export function GuestPath() {
  const [state, setState] = useState<State>({ kind: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const answers = readLocalAnswers();
    let cancelled = false;
    const load = async (): Promise<State> => {
      if (!answers) return { kind: "no-answers" };
      const response = await fetch("/api/path/preview", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ answers }),
      });
      const body = await response.json().catch(() => null);
      if (!response.ok) return { kind: "error", message: body?.error ?? "Your path could not be built." };
      const parsed = pathSchema.safeParse(body);
      return parsed.success ? { kind: "ready", path: parsed.data, answers } : { kind: "error", message: "Your path could not be read." };
    };
    load()
      .catch(() => ({ kind: "error", message: "Your path could not be loaded. Check your connection." }) as State)
      .then((next) => {
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
  return <PathView path={state.path} hoursPerWeek={state.answers.hoursPerWeek} />;
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
