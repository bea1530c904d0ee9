import "server-only";
import { getCatalog } from "./catalog";

/** The small, answer-free view of the catalog that client components (dashboard, progress bars) need. */
export type CourseIndex = {
  lessons: Record<string, { title: string; trackId: string; href: string; exercises: { id: string; title: string }[] }>;
  tracks: { id: string; title: string; lessonIds: string[] }[];
};

export function getCourseIndex(): CourseIndex {
  const { lessons, tracks } = getCatalog();
  return {
    lessons: Object.fromEntries(
      lessons.map((l) => [l.id, { title: l.title, trackId: l.trackId, href: l.href, exercises: l.exercises.map((e) => ({ id: e.id, title: e.title })) }]),
    ),
    tracks: tracks.map((t) => ({ id: t.id, title: t.title, lessonIds: t.lessonIds })),
  };
}
