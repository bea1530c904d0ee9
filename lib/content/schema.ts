import { z } from "zod";
import { codeLanguageSchema, lessonIdSchema, topicSchema } from "@/lib/course/id-schemas";

// The shapes authors write: lesson front matter (index.mdx) and track metadata (track.yaml). Types come from here.
// Ids, topics and languages are the course vocabulary's, so what passes here is what the rest of the app accepts.

const text = z.string().trim().min(1, "must not be empty");

export const frontMatterSchema = z.strictObject({
  title: text.max(120, "must be at most 120 characters"),
  summary: text.max(300, "must be at most 300 characters"),
  objectives: z.array(text).min(1, "list at least one objective"),
  minutes: z.number().int("must be a whole number of minutes").min(1, "must be at least 1").max(240, "must be at most 240"),
  topics: z.array(topicSchema).min(1, "list at least one topic"),
  prerequisites: z.array(lessonIdSchema).default([]),
  languages: z.array(codeLanguageSchema).min(1, "list at least one language"),
});
export type FrontMatter = z.infer<typeof frontMatterSchema>;

export const trackMetaSchema = z.strictObject({
  title: text.max(60, "must be at most 60 characters"),
  pitch: text.max(160, "must be at most 160 characters"),
  order: z.number().int("must be a whole number").min(0, "must be 0 or more"),
});
export type TrackMeta = z.infer<typeof trackMetaSchema>;
