import { z } from "zod";
import { codeLanguageSchema } from "@/lib/course/id-schemas";

// lessons/<track>/<lesson>/exercises/<name>.yaml:
//   title, prompt, language, starter, solution, hints (optional), harness, and tests, each with
//     name:   what the learner reads next to the result (no tabs or newlines, unique)
//     expect: the value the check must observe, as YAML (JSON-shaped: null, true, 2, "text", [..], {key: ..})
//     what:   optional, opens the failure message, e.g. `parse_query("a=1")` -> `parse_query("a=1"): got {}, expected {"a":["1"]}`
// The harness runs with the learner's code in the sandbox (JavaScript/TypeScript and Rust: after it in one file;
// Python: after it in main.py; Go: harness.go beside main.go, with its own `func main`). For each test it calls the
// server's helper once:  __check("<test name>", <function of no arguments that calls the learner's code>)
//   JavaScript/TypeScript: await __check("empty", () => mapInOrder([], f))        (may return a promise)
//   Python:                __check("empty", lambda: parse_query(""))
//   Go:                    __check("empty", func() any { return ParallelSum(nil, 3) })
//   Rust:                  __check("empty", || longest_word(""))                  (returns anything serde can serialise)
// The helper reports what the function returned, or the error it raised, and the server compares that with
// `expect`. Expectations never enter the sandbox, so learner code that rewrites the output has nothing to copy.
// forbidden (optional): approaches the exercise rules out, each {pattern: a regular expression over the learner's
// code without its comments, reason: what the learner reads}; code that matches one fails the check with the reason
// (lib/grading/forbidden.ts).
// Call the learner's code only inside __check. `npm run content:check` runs the solution, so a wrong `expect` is
// reported with the value the solution gave.

const NO_VERDICTS = "the harness reports observations with __check(name, fn); it must not print @@TEST verdict lines or {{NONCE}}";

function isJsonValue(value: unknown): boolean {
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJsonValue);
  return typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype && Object.values(value).every(isJsonValue);
}

const testSchema = z.strictObject({
  name: z.string().min(1).regex(/^[^\t\n]+$/, "no tabs or newlines in test names"),
  expect: z.unknown().refine(isJsonValue, 'needs the value the check must observe: null, true, 2, "text", a list or a mapping'),
  what: z.string().min(1).optional(),
});

const forbiddenRuleSchema = z.strictObject({
  pattern: z.string().min(1).refine((pattern) => {
    try {
      new RegExp(pattern, "m");
      return true;
    } catch {
      return false;
    }
  }, "needs a valid regular expression"),
  reason: z.string().min(1),
});

export const exerciseSchema = z.strictObject({
  title: z.string().min(1),
  prompt: z.string().min(1),
  language: codeLanguageSchema,
  starter: z.string(),
  solution: z.string().min(1),
  harness: z.string().superRefine((harness, ctx) => {
    if (harness.includes("{{NONCE}}") || harness.includes("@@TEST")) ctx.addIssue({ code: "custom", message: NO_VERDICTS });
    else if (!harness.includes("__check(")) ctx.addIssue({ code: "custom", message: "the harness must report each test with __check(name, fn)" });
  }),
  tests: z.array(testSchema).min(1),
  hints: z.array(z.string().min(1)).default([]),
  forbidden: z.array(forbiddenRuleSchema).default([]),
});
export type ExerciseFile = z.infer<typeof exerciseSchema>;

export type Exercise = ExerciseFile & { id: string };

/**
 * What the exercise's client component is given: never the solution, the harness or what the tests expect, and not
 * the prompt or hints either — those arrive rendered (components/editor/exercise-text.tsx), and every prop of a client
 * component is copied into the page's payload, so the Markdown would travel a second time.
 */
export type PublicExercise = Pick<Exercise, "id" | "title" | "language" | "starter">;

export function publicExercise({ id, title, language, starter }: Exercise): PublicExercise {
  return { id, title, language, starter };
}

export const checkRequestSchema = z.object({ language: codeLanguageSchema, code: z.string() });

/** A value a test observed or expected: its JSON as written, its type as a learner reads it, and whether it was cut. */
export const observedValueSchema = z.object({ json: z.string(), type: z.string(), cut: z.boolean().optional() });
export type ObservedValue = z.infer<typeof observedValueSchema>;

export const testResultSchema = z.object({
  name: z.string(),
  passed: z.boolean(),
  message: z.string(),
  /** On a wrong value: the call that was checked (the test's `what`), and both values, so the page can compare them. */
  what: z.string().optional(),
  expected: observedValueSchema.optional(),
  got: observedValueSchema.optional(),
});
export type TestResult = z.infer<typeof testResultSchema>;

export const checkResultSchema = z.object({
  passed: z.boolean(),
  tests: z.array(testResultSchema),
  stdout: z.string(),
  stderr: z.string(),
  durationMs: z.number(),
  /** The reasons of the forbidden approaches the code uses; any one fails the check. */
  forbidden: z.array(z.string()).optional(),
  /** Present once the learner has passed or failed enough times. */
  solution: z.string().optional(),
  failedChecks: z.number().int().optional(),
  /** True when the check was stored for a signed-in learner; false for a guest, whose browser keeps it. */
  saved: z.boolean().optional(),
  /** Whether the lesson is now completed (signed-in learners only). */
  completed: z.boolean().optional(),
  /** What completes the exercise's lesson: a guest's browser settles completion with it. */
  lesson: z.object({ hasQuiz: z.boolean(), exerciseIds: z.array(z.string()) }).optional(),
});
export type CheckResult = z.infer<typeof checkResultSchema>;
