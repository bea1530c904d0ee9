import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import { lessonIdSchema } from "../progress/guest-schema";
import { quizSchema, type Quiz } from "./quiz-schema";

// Server-side access to quiz answers: lessons/<track>/<nn-slug>/quiz.yaml, where the quiz id is the lesson id.
// Only the grading routes read this; pages get publicQuestion() views without answers.

/** Resolves a lesson folder, or null for an id that is not a lesson id (which also keeps `..` out of the path). */
function lessonDir(lessonId: string): string | null {
  if (!lessonIdSchema.safeParse(lessonId).success) return null;
  const [track, lesson] = lessonId.split("/") as [string, string];
  // LESSONS_DIR points tests at fixture lessons; the app reads ./lessons (a fixed folder, so the build traces only it).
  const fixtures = process.env.LESSONS_DIR;
  if (fixtures) return path.join(/*turbopackIgnore: true*/ fixtures, track, lesson);
  return path.join(process.cwd(), "lessons", track, lesson);
}

const cache = new Map<string, Quiz | null>();

/** The quiz of a lesson, or null when the lesson has none. A quiz file that fails its schema is a content bug: it throws. */
export async function loadQuiz(quizId: string): Promise<Quiz | null> {
  const dir = lessonDir(quizId);
  if (!dir) return null;
  if (process.env.NODE_ENV === "production" && cache.has(quizId)) return cache.get(quizId)!;
  let text: string;
  try {
    text = await fs.readFile(/*turbopackIgnore: true*/ path.join(dir, "quiz.yaml"), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    cache.set(quizId, null);
    return null;
  }
  const parsed = quizSchema.safeParse(parse(text));
  if (!parsed.success) throw new Error(`lessons/${quizId}/quiz.yaml is not a valid quiz: ${parsed.error.message}`);
  cache.set(quizId, parsed.data);
  return parsed.data;
}

export async function lessonExists(lessonId: string): Promise<boolean> {
  const dir = lessonDir(lessonId);
  if (!dir) return false;
  return fs
    .stat(/*turbopackIgnore: true*/ dir)
    .then((s) => s.isDirectory())
    .catch(() => false);
}

/**
 * Exercise ids of a lesson: one per entry of lessons/<track>/<nn-slug>/exercises/, named `<lessonId>/<entry>`
 * (extension dropped). Until the lesson catalog is wired in, this folder convention is the contract.
 */
export async function lessonExerciseIds(lessonId: string): Promise<string[]> {
  const dir = lessonDir(lessonId);
  if (!dir) return [];
  const entries = await fs.readdir(/*turbopackIgnore: true*/ path.join(dir, "exercises")).catch(() => [] as string[]);
  return [...new Set(entries.filter((e) => !e.startsWith(".")).map((e) => `${lessonId}/${e.replace(/\.[^.]+$/, "")}`))].sort();
}
