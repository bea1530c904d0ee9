/** Until the lesson catalog is wired in, a lesson is named by its id: "python/03-gil" -> track "python", "03 gil". */
export function lessonLabel(lessonId: string): { track: string; title: string; href: string } {
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
