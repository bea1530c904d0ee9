import { randomUUID } from "node:crypto";
import { getCatalog } from "@/lib/content/catalog";
import type { SubmittedAnswers } from "@/lib/content/quiz-schema";
import { rightAnswer } from "../support/quiz-answers";

// What the simulated learners work on: the real lessons and quizzes of the course, answered right (as a learner who
// read the lesson would) so that attempts also complete lessons, the heavier write.

const catalog = getCatalog();
const withQuiz = catalog.lessons.filter((lesson) => lesson.quiz);

export const lessons = catalog.lessons.map((lesson) => lesson.id);

export const quizzes = withQuiz.map((lesson) => ({
  id: lesson.id,
  attemptsPath: `/api/quizzes/${lesson.id}/attempts`,
  answers: Object.fromEntries(lesson.quiz!.questions.map((q) => [q.id, rightAnswer(q)])) as SubmittedAnswers,
}));

export function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)]!;
}

/** A client-made event id, as the browser's save queue makes them. */
export function eventId(): string {
  return randomUUID().replaceAll("-", "");
}
