// The course's words, each defined once. Two lists are easy to confuse and are kept apart on purpose:
// - a *code language* is what a program is written in and what a runner executes (javascript … rust);
// - a *track* is a part of the course: "choosing" plus one track per backend language (node … rust).
// The Node.js track teaches both JavaScript and TypeScript, so the two lists do not map one to one.
// The patterns of lesson, quiz, exercise and topic ids are defined here; their zod schemas, built from these, are in
// ./id-schemas.ts. This file imports nothing, so the browser can use the words without loading zod (issue 15: the
// lesson page's first JavaScript).

export const CODE_LANGUAGES = ["javascript", "typescript", "python", "go", "rust"] as const;
export type CodeLanguage = (typeof CODE_LANGUAGES)[number];

export const CODE_LANGUAGE_LABELS: Record<CodeLanguage, string> = {
  javascript: "JavaScript",
  typescript: "TypeScript",
  python: "Python",
  go: "Go",
  rust: "Rust",
};

/** The backend languages the course compares, in the order the course presents them. */
export const LANGUAGE_TRACKS = ["node", "python", "go", "rust"] as const;
export type LanguageTrack = (typeof LANGUAGE_TRACKS)[number];

/** Every track, as the folders under lessons/ are named; the content check refuses a folder not listed here. */
export const TRACKS = ["choosing", ...LANGUAGE_TRACKS] as const;
export type Track = (typeof TRACKS)[number];

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
export type LessonId = string;

/** "<lesson id>/<name>", e.g. "go/03-goroutines/fan-in". */
export const EXERCISE_ID_PATTERN = new RegExp(`^[a-z]+/\\d{2}-${SLUG}/${SLUG}$`);

export function isCodeLanguage(value: unknown): value is CodeLanguage {
  return (CODE_LANGUAGES as readonly unknown[]).includes(value);
}

export function isTrack(value: unknown): value is Track {
  return (TRACKS as readonly unknown[]).includes(value);
}

/** The track a lesson, quiz or exercise id belongs to, or null when its first segment names no track. */
export function trackOf(id: string): Track | null {
  const first = id.split("/", 1)[0];
  return isTrack(first) ? first : null;
}

/** The lesson an exercise id belongs to. */
export function lessonOfExercise(exerciseId: string): string {
  return exerciseId.split("/").slice(0, 2).join("/");
}
