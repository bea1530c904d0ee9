"use client";

import { lazy, Suspense, useState } from "react";
import { checkResultSchema, type CheckResult, type PublicExercise } from "@/lib/content/exercise-schema";
import { readGuestState, recordGuestExercise } from "@/lib/progress/guest-store";
import { useDraft } from "./use-draft";

const CodeEditor = lazy(() => import("./code-editor"));
/** The lesson an exercise belongs to: what a guest's browser needs to tell when the lesson is complete. */
export type ExerciseLesson = { id: string; exerciseIds: string[]; hasQuiz: boolean };

/** The same rule the server applies: the quiz passed (if any) and every exercise of the lesson passed. */
function guestCompletes(lesson: ExerciseLesson, exerciseId: string): boolean {
  const state = readGuestState();
  const passed = new Set([exerciseId, ...(state?.exercises ?? []).filter((e) => e.passed).map((e) => e.exerciseId)]);
  const quizPassed = !lesson.hasQuiz || Boolean(state?.quizAttempts.some((a) => a.lessonId === lesson.id && a.passed));
  return quizPassed && lesson.exerciseIds.every((id) => passed.has(id));
}

/**
 * An exercise: editor + Check. Hints unlock one at a time; the reference solution is not in the page until the
 * server sends it with a check result (after a pass, or after three failed checks). A signed-in learner's checks
 * are stored by the server; a guest's are kept in this browser and merged into the account on sign-in.
 */
export function Exercise({ exercise, lesson }: { exercise: PublicExercise; lesson?: ExerciseLesson }) {
  const { code, setCode, restored } = useDraft(`exercise/${exercise.id}`, exercise.language, exercise.starter);
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
    try {
      const response = await fetch(`/api/exercises/${encodeURIComponent(exercise.id)}/check`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ language: exercise.language, code }),
      });
      const body: unknown = await response.json().catch(() => null);
      const parsed = checkResultSchema.safeParse(body);
      if (!response.ok || !parsed.success) {
        setProblem((body as { error?: string } | null)?.error ?? `The check failed (${response.status}).`);
        return;
      }
      setResult(parsed.data);
      if (parsed.data.solution) setSolution(parsed.data.solution);
      if (parsed.data.saved === false) {
        recordGuestExercise({
          exerciseId: exercise.id,
          lessonId: lesson?.id,
          language: exercise.language,
          passed: parsed.data.passed,
          code,
          completes: Boolean(lesson && parsed.data.passed && guestCompletes(lesson, exercise.id)),
        });
      }
    } catch {
      setProblem("The server could not be reached. Try again.");
    } finally {
      setChecking(false);
    }
  };

  return (
    <section className="card exercise" aria-labelledby={`exercise-${exercise.id}`} data-exercise-id={exercise.id}>
      <h3 id={`exercise-${exercise.id}`}>Exercise: {exercise.title}</h3>
      <p className="exercise-prompt">{exercise.prompt}</p>
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
          <button type="button" className="button" onClick={() => void check()} disabled={checking}>
            {checking ? "Checking…" : "Check"}
          </button>
          <button type="button" className="button-ghost" onClick={() => setCode(exercise.starter)} disabled={checking || code === exercise.starter}>
            Reset
          </button>
          {hintsShown < exercise.hints.length && (
            <button type="button" className="button-ghost" onClick={() => setHintsShown((n) => n + 1)}>
              {hintsShown === 0 ? "Show a hint" : "Next hint"}
            </button>
          )}
        </div>
        <div className="run-output" role="status" aria-live="polite">
          {problem && <p className="run-stderr">{problem}</p>}
          {result && (
            <>
              <p className={result.passed ? "test-pass" : "test-fail"} data-testid="exercise-verdict">
                <strong>{result.passed ? "All tests pass." : `${result.tests.filter((t) => !t.passed).length} of ${result.tests.length} tests fail.`}</strong>
              </p>
              <ul className="exercise-tests">
                {result.tests.map((test) => (
                  <li key={test.name} className={test.passed ? "test-pass" : "test-fail"}>
                    {test.passed ? "✓ " : "✗ "}
                    {test.name}
                    {!test.passed && test.message && <span className="muted"> — {test.message}</span>}
                  </li>
                ))}
              </ul>
              {result.stdout.trim() && <pre className="run-stdout">{result.stdout}</pre>}
              {result.stderr && <pre className="run-stderr">{result.stderr}</pre>}
              <p className="run-meta muted">{result.durationMs} ms</p>
            </>
          )}
        </div>
      </div>
      {hintsShown > 0 && (
        <ol className="exercise-hints" aria-label="Hints">
          {exercise.hints.slice(0, hintsShown).map((hint) => (
            <li key={hint}>{hint}</li>
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
