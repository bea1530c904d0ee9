import "server-only";
import { randomBytes } from "node:crypto";
import type { CheckResult, Exercise } from "@/lib/content/exercise-schema";
import { gradeExercise } from "@/lib/grading/exercise";
import { runQueued } from "./service";

/** Runs the learner's code with the exercise's harness in the sandbox and grades the marker lines. */
export async function checkExercise(exercise: Exercise, code: string, client: string): Promise<Omit<CheckResult, "solution" | "failedChecks">> {
  const nonce = randomBytes(12).toString("hex");
  const harness = exercise.harness.replaceAll("{{NONCE}}", nonce);
  const separate = exercise.language === "go";
  const request = { language: exercise.language, code: separate ? code : `${code}\n\n${harness}\n` };
  const result = await runQueued(client, request, { extraFiles: separate ? [{ path: "harness.go", content: harness }] : undefined });
  const grade = gradeExercise({ testNames: exercise.tests.map((test) => test.name), nonce, ...result });
  return { passed: grade.passed, tests: grade.tests, stdout: grade.stdout, stderr: result.stderr, durationMs: result.durationMs };
}
