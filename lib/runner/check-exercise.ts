import "server-only";
import { randomBytes } from "node:crypto";
import type { CheckResult, Exercise } from "@/lib/content/exercise-schema";
import { gradeExercise } from "@/lib/grading/exercise";
import { exerciseProgram } from "./exercise-program";
import { runQueued } from "./service";

/**
 * Runs the learner's code with the exercise's harness in the sandbox and compares what it observed with the
 * expectations, which never enter the sandbox. The nonce goes in on stdin only (see exercise-program.ts).
 */
export async function checkExercise(exercise: Exercise, code: string, client: string): Promise<Omit<CheckResult, "solution" | "failedChecks">> {
  const nonce = randomBytes(12).toString("hex");
  const program = exerciseProgram(exercise.language, code, exercise.harness);
  const request = { language: exercise.language, code: program.code, stdin: `${nonce}\n` };
  const result = await runQueued(client, request, { extraFiles: program.extraFiles });
  const grade = gradeExercise({ tests: exercise.tests, nonce, ...result });
  return { passed: grade.passed, tests: grade.tests, stdout: grade.stdout, stderr: result.stderr, durationMs: result.durationMs };
}
