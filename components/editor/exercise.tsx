"use client";

import { lazy, Suspense, useState, type ReactNode } from "react";
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

// Compiler diagnostics (rustc, go build) are read as code: the message, the line with the span marked under it, and
// the help. They keep their exact spacing (no wrapping, or the ^^^ no longer sits under the span), errors come before
// warnings, and rustc's closing summary lines are set apart, so the first error and its help are in view at once.
const RUSTC_HEAD = /^(error|warning)(\[[A-Z]\d{4}\])?: /;
const RUSTC_TRAILER = /^(error: aborting due to|warning: .* warnings? emitted|For more information about|Some errors have detailed explanations)/;
const GO_ERROR = /^\S+\.go:\d+(:\d+)?: /m;
const DIAGNOSTIC_STYLE = { whiteSpace: "pre", wordBreak: "normal", overflowX: "auto", maxHeight: "none" } as const;
const SHOWN_ERRORS = 3;

export type CompilerDiagnostics = { errors: string[][]; warnings: string[][]; trailer: string[] };

/** Splits compiler output into its diagnostics, or null when the text is not a compiler's (a panic, a traceback). */
export function readDiagnostics(stderr: string): CompilerDiagnostics | null {
  const lines = stderr.replace(/\s+$/, "").split("\n");
  if (!lines.some((line) => RUSTC_HEAD.test(line))) {
    return GO_ERROR.test(stderr) ? { errors: [lines.filter((line) => !line.startsWith("# "))], warnings: [], trailer: [] } : null;
  }
  const found: CompilerDiagnostics = { errors: [], warnings: [], trailer: [] };
  let block: string[] | null = null;
  for (const line of lines) {
    if (RUSTC_TRAILER.test(line)) {
      found.trailer.push(line);
      block = null;
    } else if (RUSTC_HEAD.test(line)) {
      block = [line];
      (line.startsWith("error") ? found.errors : found.warnings).push(block);
    } else if (block) block.push(line);
    else if (line.trim()) found.errors.push((block = [line]));
  }
  for (const list of [found.errors, found.warnings]) for (const b of list) while (b.length > 1 && !b[b.length - 1]!.trim()) b.pop();
  return found;
}

function DiagnosticLine({ line }: { line: string }) {
  const head = RUSTC_HEAD.exec(line);
  if (head) return <strong style={{ color: head[1] === "error" ? "var(--danger)" : "var(--warning)" }}>{line}</strong>;
  if (/^\s*(= )?help: |^help: /.test(line)) return <strong style={{ color: "var(--success)" }}>{line}</strong>;
  if (/^\s*\d*\s*\|\s*\^+/.test(line) || /^\s*\d*\s*\|.*\^{2,}/.test(line)) return <span style={{ color: "var(--danger)" }}>{line}</span>;
  return <>{line}</>;
}

function DiagnosticBlock({ lines }: { lines: string[] }) {
  return (
    <pre className="run-diagnostic" style={DIAGNOSTIC_STYLE}>
      {lines.map((line, i) => (
        <span key={i}>
          <DiagnosticLine line={line} />
          {i < lines.length - 1 ? "\n" : null}
        </span>
      ))}
    </pre>
  );
}

/** stderr as compiler diagnostics when it is one, as plain error text otherwise. */
function Diagnostics({ stderr }: { stderr: string }) {
  const found = readDiagnostics(stderr);
  if (!found) return <pre className="run-stderr">{stderr}</pre>;
  const { errors, warnings, trailer } = found;
  return (
    <div data-testid="diagnostics">
      {errors.slice(0, SHOWN_ERRORS).map((lines, i) => (
        <DiagnosticBlock key={i} lines={lines} />
      ))}
      {errors.length > SHOWN_ERRORS && (
        <details>
          <summary>{errors.length - SHOWN_ERRORS} more error(s)</summary>
          {errors.slice(SHOWN_ERRORS).map((lines, i) => (
            <DiagnosticBlock key={i} lines={lines} />
          ))}
        </details>
      )}
      {warnings.length > 0 && (
        <details>
          <summary>{warnings.length === 1 ? "1 warning" : `${warnings.length} warnings`}</summary>
          {warnings.map((lines, i) => (
            <DiagnosticBlock key={i} lines={lines} />
          ))}
        </details>
      )}
      {trailer.length > 0 && <p className="muted run-meta">{trailer.filter((line) => !line.startsWith("error: aborting")).join(" ")}</p>}
    </div>
  );
}

/** Nothing ran: every test waits on a build that failed with compiler diagnostics. */
function notBuilt(result: CheckResult): boolean {
  const errors = readDiagnostics(result.stderr)?.errors.length ?? 0;
  return !result.passed && errors > 0 && result.tests.every((test) => !test.passed && test.message.startsWith("Not run"));
}

/**
 * An exercise: editor + Check. Hints unlock one at a time; the reference solution is not in the page until the
 * server sends it with a check result (after a pass, or after three failed checks). A signed-in learner's checks
 * are stored by the server; a guest's are kept in this browser and merged into the account on sign-in.
 */
type ExerciseProps = {
  exercise: PublicExercise;
  lesson?: ExerciseLesson;
  /** The prompt and each hint rendered from Markdown on the server (components/editor/exercise-text.tsx). */
  text: { prompt: ReactNode; hints: ReactNode[] };
};

export function Exercise({ exercise, lesson, text }: ExerciseProps) {
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
          {result && notBuilt(result) && (
            <>
              <p data-testid="exercise-verdict">
                <strong className="test-fail">It does not compile yet.</strong>{" "}
                <span className="muted">
                  The compiler&rsquo;s message is your first hint: the line, the span it marks and its <code>help</code>.
                </span>
              </p>
              <Diagnostics stderr={result.stderr} />
              <details className="muted">
                <summary>{result.tests.length === 1 ? "1 test runs" : `${result.tests.length} tests run`} once it compiles</summary>
                <ul className="exercise-tests">
                  {result.tests.map((test) => (
                    <li key={test.name}>{test.name}</li>
                  ))}
                </ul>
              </details>
              <p className="run-meta muted">{result.durationMs} ms</p>
            </>
          )}
          {result && !notBuilt(result) && (
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
              {result.stderr && <Diagnostics stderr={result.stderr} />}
              <p className="run-meta muted">{result.durationMs} ms</p>
            </>
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
