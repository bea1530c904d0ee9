import { z } from "zod";

// The course's words, each defined once. Two lists are easy to confuse and are kept apart on purpose:
// - a *code language* is what a program is written in and what a runner executes (javascript … rust);
// - a *track* is a part of the course: "choosing" plus one track per backend language (node … rust).
// The Node.js track teaches both JavaScript and TypeScript, so the two lists do not map one to one.
// Ids of lessons, quizzes, exercises and topics are validated here and nowhere else.

export const CODE_LANGUAGES = ["javascript", "typescript", "python", "go", "rust"] as const;
export const codeLanguageSchema = z.enum(CODE_LANGUAGES);
export type CodeLanguage = z.infer<typeof codeLanguageSchema>;

export const CODE_LANGUAGE_LABELS: Record<CodeLanguage, string> = {
  javascript: "JavaScript",
  typescript: "TypeScript",
  python: "Python",
  go: "Go",
  rust: "Rust",
};

/** The backend languages the course compares, in the order the course presents them. */
export const LANGUAGE_TRACKS = ["node", "python", "go", "rust"] as const;
export const languageTrackSchema = z.enum(LANGUAGE_TRACKS);
export type LanguageTrack = z.infer<typeof languageTrackSchema>;

/** Every track, as the folders under lessons/ are named; the content check refuses a folder not listed here. */
export const TRACKS = ["choosing", ...LANGUAGE_TRACKS] as const;
export const trackSchema = z.enum(TRACKS);
export type Track = z.infer<typeof trackSchema>;

export const TRACK_LABELS: Record<Track, string> = {
  choosing: "Choosing your backend",
  node: "Node.js",
  python: "Python",
  go: "Go",
  rust: "Rust",
};

/** The code language each language track's examples and exercises are written in by default. */
export const TRACK_CODE_LANGUAGE = {
  node: "typescript",
  python: "python",
  go: "go",
  rust: "rust",
} as const satisfies Record<LanguageTrack, CodeLanguage>;

const SLUG = "[a-z0-9]+(?:-[a-z0-9]+)*";

/** A kebab-case name: an exercise's file name, a topic, the slug part of a lesson folder. */
export const SLUG_PATTERN = new RegExp(`^${SLUG}$`);

/** A lesson's folder under lessons/<track>/: "<nn>-<slug>", e.g. "03-goroutines" (groups: number, slug). */
export const LESSON_FOLDER_PATTERN = new RegExp(`^(\\d{2})-(${SLUG})$`);

/** "<track>/<nn>-<slug>", e.g. "go/03-goroutines"; a quiz's id is its lesson's id. */
export const LESSON_ID_PATTERN = new RegExp(`^[a-z]+/\\d{2}-${SLUG}$`);
export const lessonIdSchema = z.string().max(120).regex(LESSON_ID_PATTERN, "A lesson id looks like <track>/<nn>-<slug>, e.g. go/03-goroutines.");
export type LessonId = z.infer<typeof lessonIdSchema>;

export const quizIdSchema = lessonIdSchema;

/** "<lesson id>/<name>", e.g. "go/03-goroutines/fan-in". */
export const exerciseIdSchema = z
  .string()
  .max(200)
  .regex(new RegExp(`^[a-z]+/\\d{2}-${SLUG}/${SLUG}$`), "An exercise id looks like <track>/<nn>-<slug>/<name>.");

/** A kebab-case tag a quiz question tests, e.g. "event-loop". */
export const topicSchema = z.string().max(60).regex(SLUG_PATTERN, "A topic is a kebab-case tag like event-loop.");

/** The track a lesson, quiz or exercise id belongs to, or null when its first segment names no track. */
export function trackOf(id: string): Track | null {
  const parsed = trackSchema.safeParse(id.split("/", 1)[0]);
  return parsed.success ? parsed.data : null;
}

/** The lesson an exercise id belongs to. */
export function lessonOfExercise(exerciseId: string): string {
  return exerciseId.split("/").slice(0, 2).join("/");
}
