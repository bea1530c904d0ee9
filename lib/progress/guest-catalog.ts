import "server-only";
import { getLessonById } from "../content/catalog";
import type { Exercise } from "../content/exercise-schema";
import { findExercise } from "../content/exercises";
import type { Catalog, Lesson } from "../content/load";
import { AppError } from "../errors";
import type { GuestState } from "./guest-schema";
import type { LessonRequirements } from "./rules";

// A guest state names lessons, quizzes and exercises; before a merge stores anything, every one of them must be in
// the course. A made-up id is refused with a 400 that names it, so it never becomes a stored record.

const refuse = (detail: string) => new AppError("bad_request:body", detail);

/** The lessons the state touches with what completes each, and its exercises by id; throws on an unknown id. */
export function resolveGuestIds(guest: GuestState, catalog: Catalog): { lessons: LessonRequirements[]; exercises: Map<string, Exercise> } {
  const touched = new Map<string, Lesson>();
  const lesson = (id: string) => {
    const found = getLessonById(id, catalog);
    if (!found) throw refuse(`There is no lesson "${id}" in the course.`);
    touched.set(id, found);
    return found;
  };
  for (const l of guest.lessons) lesson(l.lessonId);
  for (const v of guest.visits) lesson(v.lessonId);
  for (const a of guest.quizAttempts) {
    if (!getLessonById(a.quizId, catalog)?.quiz) throw refuse(`There is no quiz "${a.quizId}" in the course.`);
    if (a.lessonId !== a.quizId) throw refuse(`Quiz attempt "${a.id}": the quiz "${a.quizId}" is not in the lesson "${a.lessonId}".`);
    lesson(a.lessonId);
  }
  const exercises = new Map<string, Exercise>();
  for (const e of guest.exercises) {
    const found = findExercise(e.exerciseId, catalog);
    if (!found) throw refuse(`There is no exercise "${e.exerciseId}" in the course.`);
    if (e.lessonId !== undefined && e.lessonId !== found.lesson.id) throw refuse(`The exercise "${e.exerciseId}" is not in the lesson "${e.lessonId}".`);
    if (e.language !== found.exercise.language) throw refuse(`The exercise "${e.exerciseId}" is solved in ${found.exercise.language}, not ${e.language}.`);
    touched.set(found.lesson.id, found.lesson);
    exercises.set(found.exercise.id, found.exercise);
  }
  const lessons = [...touched.values()].map((l) => ({ lessonId: l.id, hasQuiz: Boolean(l.quiz), exerciseIds: l.exercises.map((e) => e.id) }));
  return { lessons, exercises };
}
