import type { TestResult } from "@/lib/content/exercise-schema";

// Pure: the program's output and exit -> per-test results. Marker lines are taken out of the stdout shown to the
// learner; a declared test with no marker failed, and the message says why as far as we can tell.

export type GradeInput = {
  testNames: string[];
  nonce: string;
  stdout: string;
  stderr: string;
  exitCode: number | null;
  timedOut: boolean;
  truncated: boolean;
};

export type Grade = { passed: boolean; tests: TestResult[]; stdout: string };

export function gradeExercise(input: GradeInput): Grade {
  const reported = new Map<string, TestResult>();
  const kept: string[] = [];
  for (const line of input.stdout.split("\n")) {
    const parts = line.split("\t");
    if (parts[0] === "@@TEST" && parts[1] === input.nonce && (parts[2] === "PASS" || parts[2] === "FAIL") && parts[3]) {
      const name = parts[3];
      // The first verdict for a test counts: a later line cannot turn a failure into a pass.
      if (!reported.has(name)) reported.set(name, { name, passed: parts[2] === "PASS", message: parts.slice(4).join("\t").trim() });
    } else {
      kept.push(line);
    }
  }
  const missingReason = input.timedOut
    ? "Not run: the program was stopped at the time limit."
    : input.truncated
      ? "Not run: the program printed too much output."
      : input.exitCode !== 0
        ? "Not run: the program stopped with an error (see the errors below)."
        : "Not run.";
  const tests = input.testNames.map((name) => reported.get(name) ?? { name, passed: false, message: missingReason });
  const passed = tests.length > 0 && tests.every((test) => test.passed) && !input.timedOut;
  return { passed, tests, stdout: kept.join("\n") };
}
