import type { CheckResult, TestResult } from "@/lib/content/exercise-schema";
import styles from "./check-feedback.module.css";
import { valueDifference, type DiffPart } from "./value-difference";

// What a check says, rendered: why nothing ran (compiler diagnostics), a forbidden approach and its reason, and per
// failing test what was expected and what the code gave, with their types, the sentence that names the difference,
// and the differing parts marked.

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


function DiffText({ parts, lines }: { parts: DiffPart[]; lines: boolean }) {
  return (
    <pre className={styles.diff} data-testid="value-diff" aria-label={lines ? "Differences, line by line" : "Differences, character by character"}>
      {parts.map((part, i) =>
        part.kind === "same" ? (
          <span key={i}>{part.text}</span>
        ) : part.kind === "extra" ? (
          <del key={i}>
            <span className="visually-hidden">[yours only: </span>
            {part.text}
            <span className="visually-hidden">]</span>
          </del>
        ) : (
          <ins key={i}>
            <span className="visually-hidden">[expected only: </span>
            {part.text}
            <span className="visually-hidden">]</span>
          </ins>
        ),
      )}
    </pre>
  );
}

/** Expected and got side by side with their types, why they differ, and the differing parts. */
function Comparison({ test }: { test: TestResult & Required<Pick<TestResult, "expected" | "got">> }) {
  const { expected, got } = test;
  const difference = valueDifference(expected, got);
  return (
    <div className={styles.comparison} data-testid="comparison">
      {test.what && (
        <p className={styles.call}>
          <code>{test.what}</code>
        </p>
      )}
      <dl className={styles.values}>
        <dt>
          Expected <span className="muted">({expected.type})</span>
        </dt>
        <dd>
          <pre data-testid="expected-value">{expected.json}{expected.cut && "…"}</pre>
        </dd>
        <dt>
          Got <span className="muted">({got.type})</span>
        </dt>
        <dd>
          <pre data-testid="got-value">{got.json}{got.cut && "…"}</pre>
        </dd>
      </dl>
      {difference.why && <p data-testid="difference-why">{difference.why}</p>}
      {difference.parts && (
        <>
          <p className="muted">
            To match, remove <del className={styles.key}>struck out</del> and add <ins className={styles.key}>underlined</ins>:
          </p>
          <DiffText parts={difference.parts} lines={difference.lines} />
        </>
      )}
    </div>
  );
}

function TestLine({ test }: { test: TestResult }) {
  return (
    <li className={test.passed ? "test-pass" : "test-fail"}>
      {test.passed ? "✓ " : "✗ "}
      {test.name}
      {!test.passed && test.expected && test.got ? (
        <Comparison test={{ ...test, expected: test.expected, got: test.got }} />
      ) : (
        !test.passed && test.message && <span className="muted"> — {test.message}</span>
      )}
    </li>
  );
}

function verdict(result: CheckResult): string {
  const failing = result.tests.filter((t) => !t.passed).length;
  if (failing > 0) return `${failing} of ${result.tests.length} tests fail.`;
  if (result.forbidden?.length) return "The tests pass, but the code uses an approach this exercise rules out.";
  return result.passed ? "All tests pass." : "Not passed: the run did not finish (see below).";
}

/** A check's result: why it failed and what to change, or that it passed. */
export function CheckFeedback({ result }: { result: CheckResult }) {
  if (notBuilt(result)) {
    return (
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
    );
  }
  return (
    <>
      <p className={result.passed ? "test-pass" : "test-fail"} data-testid="exercise-verdict">
        <strong>{verdict(result)}</strong>
      </p>
      {result.forbidden && result.forbidden.length > 0 && (
        <ul className={styles.forbidden} data-testid="forbidden">
          {result.forbidden.map((reason) => (
            <li key={reason}>
              <strong>Not allowed here:</strong> {reason}
            </li>
          ))}
        </ul>
      )}
      <ul className="exercise-tests">
        {result.tests.map((test) => (
          <TestLine key={test.name} test={test} />
        ))}
      </ul>
      {result.stdout.trim() && <pre className="run-stdout">{result.stdout}</pre>}
      {result.stderr && <Diagnostics stderr={result.stderr} />}
      <p className="run-meta muted">{result.durationMs} ms</p>
    </>
  );
}
