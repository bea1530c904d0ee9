import "server-only";
import { randomBytes } from "node:crypto";
import type { CheckResult, Exercise } from "@/lib/content/exercise-schema";
import { exerciseProgram } from "@/lib/runner/exercise-program";
import { runQueued } from "@/lib/runner/service";
import { gradeExercise } from "./exercise";

/**
 * The "check an exercise" use case: runs the learner's code with the exercise's harness through the runner (which
 * only runs programs) and grades what it observed against the expectations, which never enter the sandbox. The
 * nonce goes in on stdin only (see lib/runner/exercise-program.ts). The one impure part of lib/grading.
 */
export async function checkExercise(exercise: Exercise, code: string, client: string): Promise<Omit<CheckResult, "solution" | "failedChecks">> {
  const nonce = randomBytes(12).toString("hex");
  const program = exerciseProgram(exercise.language, code, exercise.harness);
  const request = { language: exercise.language, code: program.code, stdin: `${nonce}\n` };
  const result = await runQueued(client, request, { extraFiles: program.extraFiles });
  const source = { language: exercise.language, code, forbidden: exercise.forbidden };
  const grade = gradeExercise({ tests: exercise.tests, nonce, ...result, source });
  return { passed: grade.passed, tests: grade.tests, stdout: grade.stdout, stderr: result.stderr, durationMs: result.durationMs, forbidden: grade.forbidden };
}
