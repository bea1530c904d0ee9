import type { CodeLanguage } from "@/lib/course/vocabulary";
import type { RunRequest, RunResult } from "@/lib/runner/types";

// Runnable examples are files: lessons/<track>/<lesson>/examples/<name>.<ext>, expected stdout in <name>.out
// (or <name>.<ext>.out when one language of a Compare set prints something different).

export const EXTENSION_LANGUAGE: Record<string, CodeLanguage> = {
  js: "javascript",
  ts: "typescript",
  py: "python",
  go: "go",
  rs: "rust",
};

export type LessonExample = {
  /** `<lessonId>/<name>`; when several languages share a name (a Compare set) `<lessonId>/<name>.<ext>`. */
  id: string;
  lessonId: string;
  /** File name inside examples/, e.g. `fib.go`. */
  file: string;
  name: string;
  language: CodeLanguage;
  code: string;
  expectedOutput: string;
  /** Repository-relative path, for error messages. */
  path: string;
};

/**
 * Program output as compared everywhere (examples, the lab, output questions): CRLF and CR become LF, and trailing
 * whitespace on each line and trailing blank lines never count as a difference.
 */
export function normaliseOutput(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/\n+$/, "");
}

export type ExampleCheck = { example: LessonExample; ok: boolean; message?: string };

/**
 * Runs every example through `run` (the server runner in the check script, any real runner in tests) and compares
 * its stdout with the `.out` file. Sequential on purpose: the sandbox is shared with learners on a small machine.
 */
export async function checkExamples(
  examples: readonly LessonExample[],
  run: (req: RunRequest) => Promise<RunResult>,
): Promise<ExampleCheck[]> {
  // All at once: `run` decides how many really run together (content:check passes the bounded runner queue).
  return Promise.all(examples.map((example) => checkExample(example, run)));
}

async function checkExample(example: LessonExample, run: (req: RunRequest) => Promise<RunResult>): Promise<ExampleCheck> {
  let result: RunResult;
  try {
    result = await run({ language: example.language, code: example.code });
  } catch (error) {
    return { example, ok: false, message: `${example.path}: the runner failed: ${(error as Error).message}` };
  }
  const failure = runFailure(result);
  if (failure) return { example, ok: false, message: `${example.path}: ${failure}` };
  const actual = normaliseOutput(result.stdout);
  const expected = normaliseOutput(example.expectedOutput);
  if (actual === expected) return { example, ok: true };
  return { example, ok: false, message: `${example.path}: output differs from ${example.path.replace(/\.[a-z]+$/, ".out")}\n${firstDifference(expected, actual)}` };
}

/** Why a run that should print its output did not finish cleanly ("timed out", "exited with code 1" + stderr). */
export function runFailure(result: RunResult): string | undefined {
  if (result.timedOut) return "timed out";
  if (result.exitCode === 0) return undefined;
  const stderr = result.stderr.trim().split("\n").slice(0, 5).join("\n  ");
  return `exited with code ${result.exitCode}${stderr ? `\n  ${stderr}` : ""}`;
}

export type LineDifference = { index: number; expected: string; actual: string };

/**
 * The first line where two normalised outputs differ, or undefined when they agree. `matches` decides whether an
 * expected line accepts an actual one (the lab's expected outputs hold a pattern line for the timing).
 */
export function firstDifferentLine(expected: string, actual: string, matches = (want: string, got: string) => want === got): LineDifference | undefined {
  const want = expected.split("\n");
  const got = actual.split("\n");
  for (let i = 0; i < Math.max(want.length, got.length); i++) {
    if (want[i] === undefined || got[i] === undefined || !matches(want[i]!, got[i]!)) {
      return { index: i, expected: want[i] ?? "(end of output)", actual: got[i] ?? "(end of output)" };
    }
  }
  return undefined;
}

function firstDifference(expected: string, actual: string): string {
  const d = firstDifferentLine(expected, actual);
  return d ? `  line ${d.index + 1}: expected ${JSON.stringify(d.expected)}, got ${JSON.stringify(d.actual)}` : "";
}
