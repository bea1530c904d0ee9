"use client";

import { lazy, Suspense, useState, type ReactNode } from "react";
import type { CheckResult, PublicExercise } from "@/lib/content/exercise-schema";
import { exerciseDraftKey } from "@/lib/progress/draft-keys";
import { useDraft } from "./use-draft";

const CodeEditor = lazy(() => import("./code-editor"));
// What a check needs (the answer's schema, the feedback with its value diffs, the guest store) loads with the first
// check, not with the page.
const loadCheckFeedback = () => import("./check-feedback");
const CheckFeedback = lazy(() => loadCheckFeedback().then((m) => ({ default: m.CheckFeedback })));

/**
 * An exercise: editor + Check. Hints unlock one at a time; the reference solution is not in the page until the
 * server sends it with a check result (after a pass, or after three failed checks). A signed-in learner's checks
 * are stored by the server; a guest's are kept in this browser and merged into the account on sign-in.
 */
type ExerciseProps = {
  exercise: PublicExercise;
  /** The prompt and each hint rendered from Markdown on the server (components/editor/exercise-text.tsx). */
  text: { prompt: ReactNode; hints: ReactNode[] };
};

export function Exercise({ exercise, text }: ExerciseProps) {
  // The code is kept as a draft with its last check's result: a reload, or another device, shows it as it was left.
  const draft = useDraft(exerciseDraftKey(exercise.id), exercise.language, exercise.starter);
  const { code, setCode, restored } = draft;
  // Monaco (megabytes) loads when the learner starts typing, or when a saved draft comes back, not with the page.
  const [editing, setEditing] = useState(false);
  const [checking, setChecking] = useState(false);
  const [result, setResult] = useState<CheckResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [hintsShown, setHintsShown] = useState(0);
  const [solution, setSolution] = useState<string | null>(null);

  const check = async () => {
    if (checking) return;
    setChecking(true);
    setProblem(null);
    // Fetched while the server checks: both are there when its answer is.
    const schema = import("@/lib/content/exercise-schema").then((m) => m.checkResultSchema);
    void loadCheckFeedback().catch(() => undefined);
    try {
      const response = await fetch(`/api/exercises/${encodeURIComponent(exercise.id)}/check`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ language: exercise.language, code }),
      });
      const body: unknown = await response.json().catch(() => null);
      const parsed = (await schema).safeParse(body);
      if (!response.ok || !parsed.success) {
        setProblem((body as { error?: string } | null)?.error ?? `The check failed (${response.status}).`);
        return;
      }
      setResult(parsed.data);
      if (parsed.data.solution) setSolution(parsed.data.solution);
      // The check stored the code with its result as the exercise's draft: the server for a signed-in learner, the
      // guest store here for a guest.
      if (parsed.data.saved === false) {
        const { recordGuestExerciseCheck } = await import("@/lib/progress/guest-store");
        recordGuestExerciseCheck({ exerciseId: exercise.id, language: exercise.language, code, passed: parsed.data.passed, lesson: parsed.data.lesson });
      }
      draft.saveResult({ passed: parsed.data.passed }, code);
    } catch {
      setProblem("The server could not be reached. Try again.");
    } finally {
      setChecking(false);
    }
  };

  return (
    <section className="card exercise" aria-labelledby={`exercise-${exercise.id}`} data-exercise-id={exercise.id}>
      <h3 id={`exercise-${exercise.id}`}>Exercise: {exercise.title}</h3>
      {draft.result?.passed && (
        <p className="exercise-passed" data-testid="exercise-passed">
          <span className="badge badge-done">Passed</span> You passed this exercise: your code is below.
        </p>
      )}
      <div className="exercise-prompt">{text.prompt}</div>
      <div
        className="playground"
        onKeyDown={(event) => {
          if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void check();
          }
        }}
      >
        {editing || restored ? (
          <Suspense fallback={<pre className="code-static"><code>{code}</code></pre>}>
            <CodeEditor
              value={code}
              language={exercise.language}
              label={`Your solution to ${exercise.title}`}
              onChange={setCode}
              onRun={() => void check()}
              autoFocus={editing}
            />
          </Suspense>
        ) : (
          <pre
            className="code-static"
            role="button"
            tabIndex={0}
            aria-label={`Edit your solution to ${exercise.title}`}
            onClick={() => setEditing(true)}
            onKeyDown={(event) => {
              if (event.key === "Enter" && !event.ctrlKey && !event.metaKey) setEditing(true);
            }}
          >
            <code>{code}</code>
          </pre>
        )}
        <div className="playground-toolbar">
          {/* aria-disabled, not disabled: a disabled button drops the keyboard focus it holds, back to the page's top. */}
          <button type="button" className="button" onClick={() => void check()} aria-disabled={checking}>
            {checking ? "Checking…" : "Check"}
          </button>
          <button type="button" className="button-ghost" onClick={() => setCode(exercise.starter)} disabled={checking || code === exercise.starter}>
            Reset
          </button>
          {hintsShown < text.hints.length && (
            <button type="button" className="button-ghost" onClick={() => setHintsShown((n) => n + 1)}>
              {hintsShown === 0 ? "Show a hint" : "Next hint"}
            </button>
          )}
        </div>
        <div className="run-output" role="status" aria-live="polite">
          {problem && <p className="run-stderr">{problem}</p>}
          {result && (
            <Suspense fallback={null}>
              <CheckFeedback result={result} />
            </Suspense>
          )}
        </div>
      </div>
      {hintsShown > 0 && (
        <ol className="exercise-hints" aria-label="Hints">
          {text.hints.slice(0, hintsShown).map((hint, i) => (
            <li key={i}>{hint}</li>
          ))}
        </ol>
      )}
      {solution && (
        <details className="exercise-solution">
          <summary>Reference solution</summary>
          <pre className="code-static">
            <code>{solution}</code>
          </pre>
        </details>
      )}
    </section>
  );
}
