import "server-only";
import path from "node:path";
import { ContentError } from "./issues";
import { loadContent, type Catalog, type Lesson, type Track } from "./load";

// The pages' view of lessons/. Built once per process in production (the pages are static anyway); re-read on every
// request in development so an edited lesson shows up on the next render.

const LESSONS_ROOT = path.join(process.cwd(), "lessons");
let cached: Catalog | undefined;

export function getCatalog(): Catalog {
  if (cached && process.env.NODE_ENV === "production") return cached;
  const { catalog, issues } = loadContent(LESSONS_ROOT);
  if (issues.length) throw new ContentError(issues);
  cached = catalog;
  return catalog;
}

export function getTrack(trackId: string): Track | undefined {
  return getCatalog().tracks.find((t) => t.id === trackId);
}

export function getLesson(trackId: string, slug: string): Lesson | undefined {
  return getCatalog().lessons.find((l) => l.trackId === trackId && l.slug === slug);
}

export function getLessonById(id: string): Lesson | undefined {
  return getCatalog().lessons.find((l) => l.id === id);
}

export function trackLessons(trackId: string): Lesson[] {
  return getCatalog().lessons.filter((l) => l.trackId === trackId);
}

/** Previous and next lesson in catalog order, crossing from one track into the next. */
export function lessonNeighbours(id: string): { previous?: Lesson; next?: Lesson } {
  const { lessons } = getCatalog();
  const i = lessons.findIndex((l) => l.id === id);
  if (i < 0) return {};
  return { previous: lessons[i - 1], next: lessons[i + 1] };
}
