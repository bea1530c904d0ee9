import "server-only";
import { runSandbox, type SandboxFile } from "./sandbox/bwrap";
import { CompileError, planFor } from "./sandbox/languages";
import { defaultLimits } from "./sandbox/limits";
import { prepareToolchains } from "./sandbox/toolchains";
import type { CodeLanguage } from "@/lib/course/vocabulary";
import type { RunPhase, RunRequest, RunResult } from "./types";

export type RunOptions = {
  slot?: number;
  /** More source files beside the main one (exercise harnesses in Go, where two files make one package). */
  extraFiles?: SandboxFile[];
  /** Told as the run moves from compiling to running (see RunPhase). */
  onPhase?: (phase: RunPhase) => void;
};

function problemFor(language: CodeLanguage, problems: Awaited<ReturnType<typeof prepareToolchains>>["problems"]) {
  if (problems.sandbox) return problems.sandbox;
  const key = language === "typescript" ? "javascript" : language;
  return problems[key];
}

/** Result shaped like a run that never started: a toolchain is missing, so the learner reads why. */
function unavailable(message: string): RunResult {
  return { stdout: "", stderr: message, exitCode: null, timedOut: false, truncated: false, durationMs: 0 };
}

/**
 * Runs one program in the sandbox and returns what the learner sees. Never throws for anything the program does:
 * compile errors, crashes and limits are all results. The caller (the queue) decides how many run at once.
 */
export async function runCode(request: RunRequest, options: RunOptions = {}): Promise<RunResult> {
  const toolchains = await prepareToolchains(request.language);
  const problem = problemFor(request.language, toolchains.problems);
  if (problem) return unavailable(`This language cannot run on the server right now: ${problem}`);
  let plan;
  try {
    plan = planFor(request.language, request.code, toolchains);
  } catch (error) {
    if (error instanceof CompileError) {
      return { stdout: "", stderr: error.message, exitCode: 1, timedOut: false, truncated: false, durationMs: 0 };
    }
    throw error;
  }
  if (options.extraFiles) plan = { ...plan, files: [...plan.files, ...options.extraFiles] };
  const { onPhase } = options;
  const outcome = await runSandbox({
    ...plan,
    stdin: request.stdin,
    limits: defaultLimits(),
    slot: options.slot ?? 0,
    onPhase: onPhase && ((phase, compileMs) => onPhase(phase === "compiling" ? { phase } : { phase, ...(compileMs === undefined ? {} : { compileMs }) })),
  });
  const { stdout, stderr, exitCode, timedOut, truncated, durationMs, compileMs, runMs } = outcome;
  return { stdout, stderr, exitCode, timedOut, truncated, durationMs, compileMs, runMs };
}
