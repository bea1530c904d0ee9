import { z } from "zod";

// The shapes authors write: lesson front matter (index.mdx) and track metadata (track.yaml). Types come from here.

export const TRACK_ID_PATTERN = /^[a-z][a-z0-9-]*$/;
export const LESSON_FOLDER_PATTERN = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;
export const LESSON_ID_PATTERN = /^[a-z][a-z0-9-]*\/\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$/;

const text = z.string().trim().min(1, "must not be empty");
const kebab = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a kebab-case tag");

export const lessonLanguageSchema = z.enum(["javascript", "typescript", "python", "go", "rust"]);

export const frontMatterSchema = z.strictObject({
  title: text.max(120, "must be at most 120 characters"),
  summary: text.max(300, "must be at most 300 characters"),
  objectives: z.array(text).min(1, "list at least one objective"),
  minutes: z.number().int("must be a whole number of minutes").min(1, "must be at least 1").max(240, "must be at most 240"),
  topics: z.array(kebab).min(1, "list at least one topic"),
  prerequisites: z
    .array(z.string().regex(LESSON_ID_PATTERN, 'must be a lesson id like "go/01-goroutines"'))
    .default([]),
  languages: z.array(lessonLanguageSchema).min(1, "list at least one language"),
});
export type FrontMatter = z.infer<typeof frontMatterSchema>;

export const trackMetaSchema = z.strictObject({
  title: text.max(60, "must be at most 60 characters"),
  pitch: text.max(160, "must be at most 160 characters"),
  order: z.number().int("must be a whole number").min(0, "must be 0 or more"),
});
export type TrackMeta = z.infer<typeof trackMetaSchema>;
