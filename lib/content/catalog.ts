import "server-only";
import path from "node:path";
import { ContentError } from "./issues";
import { loadContent, type Catalog, type CourseTrack, type Lesson } from "./load";

// The one view of lessons/ for pages, routes and tools. Built once per process in production (the pages are static
// anyway); re-read on every request in development so an edited lesson shows up on the next render.

const LESSONS_ROOT = path.join(process.cwd(), "lessons");
let cached: Catalog | undefined;

/** The catalog of a content root; any author error is a ContentError listing every problem with file and line. */
export function loadCatalog(root: string): Catalog {
  const { catalog, issues } = loadContent(root);
  if (issues.length) throw new ContentError(issues);
  return catalog;
}

export function getCatalog(): Catalog {
  if (cached && process.env.NODE_ENV === "production") return cached;
  cached = loadCatalog(LESSONS_ROOT);
  return cached;
}

export function getTrack(trackId: string): CourseTrack | undefined {
  return getCatalog().tracks.find((t) => t.id === trackId);
}

export function getLesson(trackId: string, slug: string): Lesson | undefined {
  return getCatalog().lessons.find((l) => l.trackId === trackId && l.slug === slug);
}

export function getLessonById(id: string, catalog: Catalog = getCatalog()): Lesson | undefined {
  return catalog.lessons.find((l) => l.id === id);
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
