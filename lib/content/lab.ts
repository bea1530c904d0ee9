import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { LANGUAGE_TRACKS, SLUG_PATTERN, TRACK_CODE_LANGUAGE } from "@/lib/course/vocabulary";
import type { RunRequest, RunResult } from "@/lib/runner/types";
import { runFailure } from "./examples";
import type { ContentIssue } from "./issues";
import { labOutputDifference } from "./lab-output";
import { describeZodIssues, isYamlSyntaxError, parseYamlSource } from "./yaml-source";

// The four-language lab's programs (/lab): lessons/_lab/lab.yaml names them, and each lives in
// lessons/_lab/<id>/main.{ts,py,go,rs} with the output all four must print in expected.out (see lab-output.ts).
// The folder starts with "_" so the lesson loader skips it.

/** One program per language track, in the track's own code language and the course's order. */
export const LAB_LANGUAGES = LANGUAGE_TRACKS.map((track) => TRACK_CODE_LANGUAGE[track]);
export type LabLanguage = (typeof TRACK_CODE_LANGUAGE)[keyof typeof TRACK_CODE_LANGUAGE];
const EXTENSION: Record<LabLanguage, string> = { typescript: "ts", python: "py", go: "go", rust: "rs" };

const text = z.string().trim().min(1, "must not be empty");
const labSchema = z.strictObject({
  programs: z
    .array(
      z.strictObject({
        id: z.string().regex(SLUG_PATTERN, "must be a kebab-case id (the folder's name)"),
        title: text,
        /** The input size, stated on the page next to the results (e.g. "fib(30)"). */
        input: text,
        summary: text,
      }),
    )
    .min(1),
});

export type LabSource = { language: LabLanguage; code: string; path: string };
export type LabProgram = z.infer<typeof labSchema>["programs"][number] & {
  sources: LabSource[];
  expectedOutput: string;
  /** Repository-relative path of expected.out, for file:line messages. */
  expectedPath: string;
};

export const LAB_ROOT = path.join(process.cwd(), "lessons", "_lab");

/** Every lab program with its four sources, or the problems that stop it loading (file:line where there is one). */
export function loadLab(root = LAB_ROOT, base = path.dirname(path.dirname(root))): { programs: LabProgram[]; issues: ContentIssue[] } {
  const rel = (p: string) => path.relative(base, p).split(path.sep).join("/");
  const manifest = path.join(root, "lab.yaml");
  if (!fs.existsSync(manifest)) return { programs: [], issues: [{ file: rel(manifest), message: "the lab has no lab.yaml" }] };
  const yaml = parseYamlSource(fs.readFileSync(manifest, "utf8"));
  if (isYamlSyntaxError(yaml)) return { programs: [], issues: [{ file: rel(manifest), line: yaml.line, message: yaml.message }] };
  const parsed = labSchema.safeParse(yaml.data ?? {});
  if (!parsed.success) {
    return { programs: [], issues: describeZodIssues(parsed.error.issues, yaml, "lab").map((d) => ({ file: rel(manifest), ...d })) };
  }

  const issues: ContentIssue[] = [];
  const programs: LabProgram[] = [];
  parsed.data.programs.forEach((meta, i) => {
    const dir = path.join(root, meta.id);
    const expectedFile = path.join(dir, "expected.out");
    const files = [...LAB_LANGUAGES.map((language) => path.join(dir, `main.${EXTENSION[language]}`)), expectedFile];
    const missing = files.filter((f) => !fs.existsSync(f));
    for (const file of missing) issues.push({ file: rel(manifest), line: yaml.lineOf(["programs", i, "id"]), message: `program "${meta.id}" has no ${rel(file)}` });
    if (missing.length) return;
    programs.push({
      ...meta,
      sources: LAB_LANGUAGES.map((language, k) => ({ language, code: fs.readFileSync(files[k]!, "utf8"), path: rel(files[k]!) })),
      expectedOutput: fs.readFileSync(expectedFile, "utf8"),
      expectedPath: rel(expectedFile),
    });
  });
  return { programs, issues };
}

export type LabCheck = { program: LabProgram; source: LabSource; ok: boolean; message?: string };

/** Runs every program in every language through `run` (which bounds how many run at once) against expected.out. */
export async function checkLab(programs: readonly LabProgram[], run: (req: RunRequest) => Promise<RunResult>): Promise<LabCheck[]> {
  const sources = programs.flatMap((program) => program.sources.map((source) => ({ program, source })));
  return Promise.all(
    sources.map(async ({ program, source }) => {
      const result = await run({ language: source.language, code: source.code });
      const problem = runFailure(result);
      const difference = problem ? undefined : labOutputDifference(program.expectedOutput, result.stdout);
      const message = problem
        ? `${source.path}: ${problem}`
        : difference && `${program.expectedPath}:${difference.index + 1}: ${source.path} prints ${JSON.stringify(difference.actual)}, expected ${JSON.stringify(difference.expected)}`;
      return { program, source, ok: !message, message };
    }),
  );
}
