import type { RunResult } from "@/lib/runner/types";

// One cell of the lab (a program in one language) from the click on "Run all" to its result. Pure, so the rules for
// "stopped" and its plain sentence are tested without a browser.

export type CellState =
  | { status: "idle" }
  | { status: "waiting" }
  | { status: "running" }
  | { status: "done" | "stopped" | "failed"; result: RunResult };

/** SIGKILL's exit status: inside the sandbox only the sandbox sends it (the run's memory or CPU limit). */
const KILLED = 137;

/** The finished state of a run: done, stopped by a limit of the sandbox, or failed on its own (a compile error). */
export function settle(result: RunResult): CellState {
  if (stopReason(result)) return { status: "stopped", result };
  return { status: result.exitCode === 0 ? "done" : "failed", result };
}

/** Why the sandbox stopped the run, in a sentence a learner reads, or undefined when it did not. */
export function stopReason(result: RunResult): string | undefined {
  if (result.timedOut) return "Stopped by the sandbox: the program ran past the time limit.";
  if (result.truncated) return "Stopped by the sandbox: the program printed more than the output limit.";
  if (result.exitCode === KILLED) return "Stopped by the sandbox: the program was killed for going over a limit (memory or CPU).";
  return undefined;
}

export function statusLabel(state: CellState, compiled: boolean): string {
  switch (state.status) {
    case "idle":
      return "Not run yet";
    case "waiting":
      return "Waiting for its turn";
    case "running":
      return compiled ? "Compiling and running…" : "Running…";
    case "done":
      return "Done";
    case "stopped":
      return "Stopped";
    case "failed":
      return `Failed (exit code ${state.result.exitCode})`;
  }
}
