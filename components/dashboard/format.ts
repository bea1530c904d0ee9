import type { CourseIndex } from "@/lib/content/course-index";

/** A lesson's title and track from the catalog; a lesson no longer in the course still gets a readable label. */
export function lessonLabel(course: CourseIndex, lessonId: string): { track: string; title: string; href: string } {
  const lesson = course.lessons[lessonId];
  if (lesson) {
    const track = course.tracks.find((t) => t.id === lesson.trackId)?.title ?? lesson.trackId;
    return { track, title: lesson.title, href: lesson.href };
  }
  const [track = lessonId, slug = ""] = lessonId.split("/");
  return { track, title: slug.replace(/-/g, " ") || lessonId, href: `/learn/${lessonId}` };
}

export function formatDuration(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return `${hours} h ${minutes % 60} min`;
}

export const percent = (score: number) => `${Math.round(score * 100)}%`;
