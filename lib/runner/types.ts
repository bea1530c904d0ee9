import { z } from "zod";
import { type CodeLanguage } from "@/lib/course/vocabulary";
import { codeLanguageSchema } from "@/lib/course/id-schemas";

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
  /** True when the compile step was skipped: this exact program was built before here and its binary was reused. */
  buildCached: z.boolean().optional(),
});
export type RunResult = z.infer<typeof runResultSchema>;

/**
 * Where a server run is, as it happens: waiting for a slot (`position`: its place in the waiting line when it joined,
 * 0 when a slot was free), compiling (Go, Rust), running (`compileMs` once a compile step finished).
 */
export const runPhaseSchema = z.discriminatedUnion("phase", [
  z.object({ phase: z.literal("queued"), position: z.number().int().min(0) }),
  z.object({ phase: z.literal("compiling") }),
  z.object({ phase: z.literal("running"), compileMs: z.number().optional() }),
]);
export type RunPhase = z.infer<typeof runPhaseSchema>;

/** The media type a client asks POST /api/run for to get the phases as they happen, one JSON line each. */
export const RUN_STREAM_TYPE = "application/x-ndjson";

/** One line of the streamed answer: a phase, then the result, or an error met after the stream started. */
export const runStreamLineSchema = z.union([
  runPhaseSchema,
  z.object({ result: runResultSchema }),
  z.object({ error: z.string(), status: z.number().int() }),
]);
export type RunStreamLine = z.infer<typeof runStreamLineSchema>;

/**
 * A runnable example as written (the scratchpad's starters). The in-page editor (components/editor/playground.tsx)
 * takes its id and language, and its code highlighted (lib/content/highlight.ts), which carries the code itself.
 */
export type PlaygroundExample = {
  /** Stable id, e.g. "go/01-why-go/hello": the key drafts are saved under. */
  id: string;
  language: CodeLanguage;
  code: string;
  /** What the lesson says it prints (the content check verifies it). */
  expectedOutput?: string;
};
