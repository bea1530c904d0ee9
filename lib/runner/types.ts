import { z } from "zod";
import { codeLanguageSchema, type CodeLanguage } from "@/lib/course/vocabulary";

// The contract every engine honours (browser worker, Pyodide worker, server sandbox) and POST /api/run speaks.

export const MAX_CODE_BYTES = 64 * 1024;

export const runRequestSchema = z.object({
  language: codeLanguageSchema,
  code: z.string(),
  stdin: z.string().max(64 * 1024, "stdin is limited to 64 KiB").optional(),
});
export type RunRequest = z.infer<typeof runRequestSchema>;

export const runResultSchema = z.object({
  stdout: z.string(),
  stderr: z.string(),
  exitCode: z.number().int().nullable(),
  timedOut: z.boolean(),
  truncated: z.boolean(),
  durationMs: z.number(),
  /** Milliseconds the compile step took in the sandbox; absent where there is none (interpreters, browser engines). */
  compileMs: z.number().optional(),
  /** Milliseconds from the program's start to its end, compiling excluded; absent when it never started. */
  runMs: z.number().optional(),
});
export type RunResult = z.infer<typeof runResultSchema>;

/** Props of the in-page editor for one runnable example (rendered by lessons, implemented in components/editor). */
export type PlaygroundExample = {
  /** Stable id, e.g. "go/01-why-go/hello": the key drafts are saved under. */
  id: string;
  language: CodeLanguage;
  code: string;
  /** What the lesson says it prints (the content check verifies it). */
  expectedOutput?: string;
};
