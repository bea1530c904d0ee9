import fs from "node:fs";
import { z } from "zod";
import { SLUG_PATTERN } from "@/lib/course/vocabulary";
import type { ContentIssue } from "./issues";
import { describeZodIssues, isYamlSyntaxError, parseYamlSource } from "./yaml-source";

// lessons/sources.yaml: every source the course cites. Lessons cite with <Cite source="<id>" />, the loader rejects
// an unknown id (with file:line), and /sources lists them all, so a figure is never further than one click from
// where it came from and when.

const text = z.string().trim().min(1, "must not be empty");

export const sourceSchema = z.strictObject({
  id: z.string().regex(SLUG_PATTERN, "must be a kebab-case id"),
  title: text,
  /** Who published it (a site, a company, an author), when the source says. */
  publisher: text.optional(),
  /** As precise as the source itself is: 2025-07-09, 2025-05, or 2025 when only the year is known. */
  date: z.union([z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "must be YYYY, YYYY-MM or YYYY-MM-DD"), z.date()]).transform((d) =>
    d instanceof Date ? d.toISOString().slice(0, 10) : d,
  ),
  kind: z.enum(["article", "benchmark", "survey", "report", "documentation", "talk", "book"]),
  url: z.url().optional(),
  /** What a reader should know about it: what it is based on, what it leaves out, where it disagrees. */
  note: text.optional(),
});
export type Source = z.infer<typeof sourceSchema>;

const sourcesFileSchema = z.strictObject({ sources: z.array(sourceSchema) });

/**
 * The sources file ([] when there is none, as in fixture trees), or undefined when it is broken: every problem goes
 * to `issues` with its line, and citations are then not checked, so one mistake gives one message.
 */
export function readSources(file: string, relFile: string, issues: ContentIssue[]): Source[] | undefined {
  if (!fs.existsSync(file)) return [];
  const yaml = parseYamlSource(fs.readFileSync(file, "utf8"));
  if (isYamlSyntaxError(yaml)) {
    issues.push({ file: relFile, line: yaml.line, message: yaml.message });
    return undefined;
  }
  const parsed = sourcesFileSchema.safeParse(yaml.data ?? {});
  if (!parsed.success) {
    for (const d of describeZodIssues(parsed.error.issues, yaml, "sources")) issues.push({ file: relFile, ...d });
    return undefined;
  }
  const seen = new Set<string>();
  parsed.data.sources.forEach((source, i) => {
    if (seen.has(source.id)) issues.push({ file: relFile, line: yaml.lineOf(["sources", i, "id"]), message: `duplicate source id "${source.id}"` });
    seen.add(source.id);
  });
  return parsed.data.sources;
}

/** "9 July 2025", "May 2025" or "2025": a date only as precise as the source gave it. */
export function formatSourceDate(date: string): string {
  const [year, month, day] = date.split("-").map(Number);
  if (!month) return String(year);
  const monthName = new Date(Date.UTC(year!, month - 1, 1)).toLocaleString("en-GB", { month: "long", timeZone: "UTC" });
  return day ? `${day} ${monthName} ${year}` : `${monthName} ${year}`;
}
