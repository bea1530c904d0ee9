import "server-only";
import { getCatalog } from "./catalog";
import type { Exercise } from "./exercise-schema";
import type { Catalog, Lesson } from "./load";

// Exercises as the catalog has them (lessons/<track>/<lesson>/exercises/<name>.yaml, validated by the loader).
// Lookups only: an id that is not in the catalog, including one that tries to leave lessons/, is simply not found.

export function findExercise(id: string, catalog: Catalog = getCatalog()): { exercise: Exercise; lesson: Lesson } | null {
  for (const lesson of catalog.lessons) {
    const exercise = lesson.exercises.find((e) => e.id === id);
    if (exercise) return { exercise, lesson };
  }
  return null;
}

export function loadExercise(id: string, catalog: Catalog = getCatalog()): Exercise | null {
  return findExercise(id, catalog)?.exercise ?? null;
}

/** Every exercise id in the course, sorted. */
export function listExerciseIds(catalog: Catalog = getCatalog()): string[] {
  return catalog.lessons.flatMap((l) => l.exercises.map((e) => e.id)).sort();
}
