import { z } from "zod";
import { languageSchema } from "@/lib/runner/types";

// lessons/<track>/<lesson>/exercises/<name>.yaml. The harness is test code joined with the learner's code (Go: a
// second file, harness.go, in package main). It prints one line per test:
//   @@TEST<TAB>{{NONCE}}<TAB>PASS|FAIL<TAB><test name><TAB><message on one line>
// {{NONCE}} is replaced by a fresh random value for every check, so code that merely prints marker lines it
// guessed does not pass.

export const exerciseSchema = z.strictObject({
  title: z.string().min(1),
  prompt: z.string().min(1),
  language: languageSchema,
  starter: z.string(),
  solution: z.string().min(1),
  harness: z.string().includes("{{NONCE}}", { message: "the harness must print the {{NONCE}} in its marker lines" }),
  tests: z.array(z.object({ name: z.string().min(1).regex(/^[^\t\n]+$/, "no tabs or newlines in test names") })).min(1),
  hints: z.array(z.string().min(1)).default([]),
});
export type ExerciseFile = z.infer<typeof exerciseSchema>;

export const exerciseIdSchema = z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+\/[a-z0-9-]+$/, "an exercise id is <track>/<lesson>/<name>");

export type Exercise = ExerciseFile & { id: string };

/** What the page may see before the learner has earned the solution. */
export type PublicExercise = Omit<Exercise, "solution" | "harness">;

export function publicExercise(exercise: Exercise): PublicExercise {
  const { solution: _solution, harness: _harness, ...rest } = exercise;
  return rest;
}

export const checkRequestSchema = z.object({ language: languageSchema, code: z.string() });

export const testResultSchema = z.object({ name: z.string(), passed: z.boolean(), message: z.string() });
export type TestResult = z.infer<typeof testResultSchema>;

export const checkResultSchema = z.object({
  passed: z.boolean(),
  tests: z.array(testResultSchema),
  stdout: z.string(),
  stderr: z.string(),
  durationMs: z.number(),
  /** Present once the learner has passed or failed enough times. */
  solution: z.string().optional(),
  failedChecks: z.number().int().optional(),
  /** True when the check was stored for a signed-in learner; false for a guest, whose browser keeps it. */
  saved: z.boolean().optional(),
  /** Whether the lesson is now completed (signed-in learners only). */
  completed: z.boolean().optional(),
});
export type CheckResult = z.infer<typeof checkResultSchema>;
