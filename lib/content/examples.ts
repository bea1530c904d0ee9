import type { Language, RunRequest, RunResult } from "@/lib/runner/types";

// Runnable examples are files: lessons/<track>/<lesson>/examples/<name>.<ext>, expected stdout in <name>.out
// (or <name>.<ext>.out when one language of a Compare set prints something different).

export const EXTENSION_LANGUAGE: Record<string, Language> = {
  js: "javascript",
  ts: "typescript",
  py: "python",
  go: "go",
  rs: "rust",
};

export const LANGUAGE_LABEL: Record<Language, string> = {
  javascript: "JavaScript",
  typescript: "TypeScript",
  python: "Python",
  go: "Go",
  rust: "Rust",
};

export type LessonExample = {
  /** `<lessonId>/<name>`; when several languages share a name (a Compare set) `<lessonId>/<name>.<ext>`. */
  id: string;
  lessonId: string;
  /** File name inside examples/, e.g. `fib.go`. */
  file: string;
  name: string;
  language: Language;
  code: string;
  expectedOutput: string;
  /** Repository-relative path, for error messages. */
  path: string;
};

/** Trailing whitespace on each line and trailing blank lines never count as a difference. */
export function normaliseOutput(text: string): string {
  return text
    .replace(/\r\n/g, "\n")
    .split("\n")
    .map((line) => line.replace(/\s+$/, ""))
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
  const results: ExampleCheck[] = [];
  for (const example of examples) {
    results.push(await checkExample(example, run));
  }
  return results;
}

async function checkExample(example: LessonExample, run: (req: RunRequest) => Promise<RunResult>): Promise<ExampleCheck> {
  let result: RunResult;
  try {
    result = await run({ language: example.language, code: example.code });
  } catch (error) {
    return { example, ok: false, message: `${example.path}: the runner failed: ${(error as Error).message}` };
  }
  if (result.timedOut) return { example, ok: false, message: `${example.path}: timed out` };
  if (result.exitCode !== 0) {
    const stderr = result.stderr.trim().split("\n").slice(0, 5).join("\n  ");
    return { example, ok: false, message: `${example.path}: exited with code ${result.exitCode}${stderr ? `\n  ${stderr}` : ""}` };
  }
  const actual = normaliseOutput(result.stdout);
  const expected = normaliseOutput(example.expectedOutput);
  if (actual === expected) return { example, ok: true };
  return { example, ok: false, message: `${example.path}: output differs from ${example.path.replace(/\.[a-z]+$/, ".out")}\n${firstDifference(expected, actual)}` };
}

function firstDifference(expected: string, actual: string): string {
  const want = expected.split("\n");
  const got = actual.split("\n");
  for (let i = 0; i < Math.max(want.length, got.length); i++) {
    if (want[i] !== got[i]) {
      return `  line ${i + 1}: expected ${JSON.stringify(want[i] ?? "(end of output)")}, got ${JSON.stringify(got[i] ?? "(end of output)")}`;
    }
  }
  return "";
}
