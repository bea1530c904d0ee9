"use client";

import { useEffect, useRef, useState } from "react";
import { advisorResultSchema, type AdvisorInput, type AdvisorResult } from "@/lib/path/advisor-schema";
import { AdvisorResultView } from "./advisor-result-view";

const TEAM_OPTIONS = [
  { value: "typescript", label: "JavaScript / TypeScript" },
  { value: "python", label: "Python" },
  { value: "go", label: "Go" },
  { value: "rust", label: "Rust" },
  { value: "c++", label: "C / C++" },
];

type Props = {
  initialInput: AdvisorInput | null;
  initialResult: AdvisorResult | null;
  initialSavedAt: string | null;
  signedIn: boolean;
  lessonTitles: Record<string, string>;
};

export function AdvisorForm({ initialInput, initialResult, initialSavedAt, signedIn, lessonTitles }: Props) {
  const [result, setResult] = useState<AdvisorResult | null>(initialResult);
  const [savedAt, setSavedAt] = useState<string | null>(initialSavedAt);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const resultRef = useRef<HTMLDivElement>(null);
  const [announce, setAnnounce] = useState(0);

  useEffect(() => {
    if (announce > 0) resultRef.current?.querySelector<HTMLElement>("h2")?.focus();
  }, [announce]);

  const onSubmit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = {
      requestsPerSecond: Number(form.get("requestsPerSecond")),
      p99LatencyMs: Number(form.get("p99LatencyMs")),
      teamLanguages: form.getAll("teamLanguages").map(String),
      needsML: form.get("needsML") === "on",
      realTime: form.get("realTime") === "on",
      timeToMarket: form.get("timeToMarket"),
      budget: form.get("budget") || undefined,
    };
    setPending(true);
    setError(null);
    try {
      const response = await fetch("/api/advisor", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      const data = await response.json().catch(() => null);
      if (!response.ok) {
        setError(data?.error ?? "The advisor could not answer. Check the form and try again.");
        return;
      }
      const parsed = advisorResultSchema.safeParse(data);
      if (!parsed.success) {
        setError("The advisor's answer could not be read.");
        return;
      }
      setResult(parsed.data);
      setSavedAt(data.saved ? "just now" : null);
      setAnnounce((n) => n + 1);
    } catch {
      setError("The advisor could not be reached. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  };

  const input = initialInput;
  return (
    <>
      <form className="card advisor-form" onSubmit={onSubmit} aria-describedby="advisor-intro">
        <p id="advisor-intro" className="muted">
          Describe the project; the advisor weighs it with the course&apos;s selection criteria.
          {signedIn ? " Your result is saved to your account." : " Sign in to keep your result."}
        </p>
        <div className="advisor-grid">
          <div className="field">
            <label htmlFor="rps">Expected requests per second (per instance)</label>
            <input id="rps" name="requestsPerSecond" type="number" min={0} step={1} required defaultValue={input?.requestsPerSecond ?? 1000} />
          </div>
          <div className="field">
            <label htmlFor="p99">p99 latency target (ms)</label>
            <input id="p99" name="p99LatencyMs" type="number" min={0.1} step={0.1} required defaultValue={input?.p99LatencyMs ?? 100} />
          </div>
        </div>
        <fieldset>
          <legend>Languages your team already uses</legend>
          <div className="checkbox-row">
            {TEAM_OPTIONS.map((option) => (
              <label key={option.value} className="choice choice-inline">
                <input type="checkbox" name="teamLanguages" value={option.value} defaultChecked={input?.teamLanguages.includes(option.value)} />
                <span>{option.label}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>Features</legend>
          <div className="checkbox-row">
            <label className="choice choice-inline">
              <input type="checkbox" name="needsML" defaultChecked={input?.needsML} />
              <span>Needs machine learning</span>
            </label>
            <label className="choice choice-inline">
              <input type="checkbox" name="realTime" defaultChecked={input?.realTime} />
              <span>Real-time features (WebSockets, live updates)</span>
            </label>
          </div>
        </fieldset>
        <fieldset>
          <legend>Time to market</legend>
          <div className="checkbox-row">
            <label className="choice choice-inline">
              <input type="radio" name="timeToMarket" value="weeks" defaultChecked={(input?.timeToMarket ?? "weeks") === "weeks"} />
              <span>Weeks</span>
            </label>
            <label className="choice choice-inline">
              <input type="radio" name="timeToMarket" value="months" defaultChecked={input?.timeToMarket === "months"} />
              <span>Months</span>
            </label>
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor="budget">Budget</label>
          <select id="budget" name="budget" defaultValue={input?.budget ?? ""}>
            <option value="">Not sure</option>
            <option value="low">Tight</option>
            <option value="medium">Typical</option>
            <option value="high">Generous</option>
          </select>
        </div>
        {error && (
          <p className="alert alert-error" role="alert">
            {error}
          </p>
        )}
        <p>
          <button type="submit" className="button" disabled={pending}>
            {pending ? "Weighing the criteria…" : "Recommend a stack"}
          </button>
        </p>
      </form>
      <div ref={resultRef} aria-live="polite">
        {result && <AdvisorResultView result={result} lessonTitles={lessonTitles} savedAt={savedAt} />}
      </div>
    </>
  );
}
