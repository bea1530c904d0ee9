import "server-only";
import { getCatalog, getLessonById } from "./catalog";
import type { Catalog } from "./load";
import type { Quiz } from "./quiz-schema";

// Server-side access to quiz answers, as lookups over the catalog (the quiz id is the lesson id). Only the grading
// routes read this; pages get publicQuestion() views without answers. An unknown id (or `..`) is not found.

/** The quiz of a lesson, or null when there is no such lesson or it has no quiz. */
export async function loadQuiz(quizId: string, catalog: Catalog = getCatalog()): Promise<Quiz | null> {
  return getLessonById(quizId, catalog)?.quiz ?? null;
}

export async function lessonExists(lessonId: string, catalog: Catalog = getCatalog()): Promise<boolean> {
  return getLessonById(lessonId, catalog) !== undefined;
}

/** The lesson's exercise ids, `<lessonId>/<name>`, sorted; a lesson completes only when each has passed. */
export async function lessonExerciseIds(lessonId: string, catalog: Catalog = getCatalog()): Promise<string[]> {
  return (getLessonById(lessonId, catalog)?.exercises ?? []).map((e) => e.id).sort();
}
