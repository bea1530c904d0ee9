import "server-only";
import { buildKey, leaseBuild, receiveBuild, serverBuildCache, type BuildCache } from "./sandbox/build-cache";
import { log } from "@/lib/log";
import { runSandbox, WORK_DIR, type SandboxFile, type SandboxOutcome, type SandboxSpec } from "./sandbox/bwrap";
import { CompileError, planFor, type LanguagePlan } from "./sandbox/languages";
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
  /** Where compiled programs are kept (default: the server's, see sandbox/build-cache.ts); tests bring their own. */
  buildCache?: BuildCache;
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
  const spec: SandboxSpec = {
    ...plan,
    stdin: request.stdin,
    limits: defaultLimits(),
    slot: options.slot ?? 0,
    onPhase: onPhase && ((phase, compileMs) => onPhase(phase === "compiling" ? { phase } : { phase, ...(compileMs === undefined ? {} : { compileMs }) })),
  };
  const cache = options.buildCache ?? serverBuildCache();
  if (!plan.build || !plan.compile || !cache) return resultOf(await runSandbox(spec));
  return runWithBuildCache({ ...spec, compile: plan.compile }, plan.build, cache);
}

/**
 * A compiled program through the build cache (sandbox/build-cache.ts): run from the binary built before for the same
 * inputs, else compiled as usual, its binary sent back and kept for next time.
 */
async function runWithBuildCache(spec: SandboxSpec & { compile: string[] }, build: NonNullable<LanguagePlan["build"]>, cache: BuildCache): Promise<RunResult> {
  const { artifact, toolchain } = build;
  const key = buildKey({ toolchain, artifact, files: spec.files, compile: spec.compile, env: spec.env, binds: spec.binds });
  const lease = leaseBuild(cache, key);
  if (lease) {
    // Built before: the same program runs from the kept binary, mounted read-only where the compiler would write it.
    try {
      const bind = { source: lease.path, dest: `${WORK_DIR}/${artifact}` };
      return { ...resultOf(await runSandbox({ ...spec, compile: undefined, binds: [...spec.binds, bind] })), buildCached: true };
    } finally {
      lease.release();
    }
  }
  let incoming;
  try {
    incoming = receiveBuild(cache, key);
  } catch (error) {
    // A cache that cannot be written costs the next run its compile, not this run its answer.
    log().warn({ err: error }, "the build cache cannot be written");
    return resultOf(await runSandbox(spec));
  }
  try {
    const outcome = await runSandbox({ ...spec, capture: { file: artifact, into: incoming.path } });
    if (outcome.captured) {
      try {
        incoming.keep();
      } catch (error) {
        log().warn({ err: error }, "a compiled program could not be kept in the build cache");
      }
    }
    return resultOf(outcome);
  } finally {
    incoming.drop();
  }
}

function resultOf({ stdout, stderr, exitCode, timedOut, truncated, durationMs, compileMs, runMs }: SandboxOutcome): RunResult {
  return { stdout, stderr, exitCode, timedOut, truncated, durationMs, compileMs, runMs };
}
