import "server-only";
import { getCatalog } from "../content/catalog";
import { buildPlacement, type PlacementLesson } from "./placement";

// The placement quiz from the real lessons, in course order, each lesson's questions from its own quiz.yaml.
// Server-only because the result holds the answers; pages get publicPlacement() of it.

export function getPlacement(): PlacementLesson[] {
  return buildPlacement(
    getCatalog().lessons.map((lesson) => ({ lessonId: lesson.id, title: lesson.title, track: lesson.trackId, quiz: lesson.quiz ?? null })),
  );
}
