import type { RunResult } from "@/lib/runner/types";
import { RunWaiting, type RunWaitingProps } from "./run-progress";

/**
 * Compiling and running apart: a compiled language's first run is mostly compiling, and one number mixing the two
 * would show Go and Rust slower than Python. Engines that do not split the phases give their total.
 */
export function timing({ compileMs, runMs, durationMs, buildCached }: RunResult): string {
  // The same code was built before (lib/runner/sandbox/build-cache.ts): only the run happened.
  if (buildCached) return `build reused (same code) · ran in ${runMs ?? durationMs} ms`;
  if (compileMs !== undefined) return runMs === undefined ? `compiling took ${compileMs} ms; the program did not run` : `compiled in ${compileMs} ms · ran in ${runMs} ms`;
  return `ran in ${runMs ?? durationMs} ms`;
}

type OutputPanelProps = {
  result: RunResult | null;
  running: boolean;
  /** What the run is waiting on while it runs; plain "Running…" without it. */
  waiting?: RunWaitingProps;
  label: string;
};

/** stdout and stderr apart, the exit code, the time, and a plain line when a limit stopped the run. */
export function OutputPanel({ result, running, waiting, label }: OutputPanelProps) {
  if (running) {
    return (
      <div className="run-output" aria-label={label} role="group">
        <RunWaiting {...(waiting ?? { progress: null, compiled: false })} />
      </div>
    );
  }
  if (!result) return null;
  const limitLine = result.timedOut
    ? "Stopped: the program ran longer than the time limit."
    : result.truncated
      ? "Stopped: the program printed more output than the limit allows; the output is cut."
      : null;
  return (
    <div className="run-output" role="status" aria-live="polite" aria-label={label}>
      {result.stdout && (
        <>
          <h4 className="run-output-label">Output</h4>
          <pre className="run-stdout" data-testid="stdout">{result.stdout}</pre>
        </>
      )}
      {result.stderr && (
        <>
          <h4 className="run-output-label">Errors</h4>
          <pre className="run-stderr" data-testid="stderr">{result.stderr}</pre>
        </>
      )}
      {!result.stdout && !result.stderr && <p className="muted">No output.</p>}
      {limitLine && (
        <p className="run-limit" data-testid="limit">
          {limitLine}
        </p>
      )}
      <p className="run-meta muted" data-testid="run-meta">
        {result.exitCode === null ? "No exit code" : `Exit code ${result.exitCode}`} · {timing(result)}
      </p>
    </div>
  );
}
