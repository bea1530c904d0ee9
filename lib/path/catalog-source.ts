import "server-only";
import { getCatalog } from "../content/catalog";
import type { CatalogEntry } from "./schema";

/** The lesson catalog as the path engine and the advisor see it: lessons/ front matter, in course order. */
export function getPathCatalog(): CatalogEntry[] {
  return getCatalog().lessons.map((lesson) => ({
    id: lesson.id,
    track: lesson.trackId,
    title: lesson.title,
    minutes: lesson.minutes,
    topics: lesson.topics,
    prerequisites: lesson.prerequisites,
  }));
}
