import { z } from "zod";
import { type Track } from "@/lib/course/vocabulary";
import { lessonIdSchema } from "@/lib/course/id-schemas";
import { publicQuestion, submittedAnswersSchema, type PublicQuestion, type Question, type QuestionKind, type Quiz, type SubmittedAnswers } from "../content/quiz-schema";
import { gradeQuiz } from "../grading/quiz";

// The optional placement quiz: a few questions from each lesson's own quiz. A lesson whose placement questions are
// all answered right counts as passed and leaves the path. Pure: the quizzes come in as arguments, and grading is
// lib/grading's, so placement can never disagree with the lesson's own quiz about what is right.

/**
 * Two questions on each of a track's first two lessons: with five tracks, twenty questions, about seven minutes. The
 * first lessons are where prior knowledge most often lies; a learner who passes them skips them, and the path engine
 * pulls any later lesson forward as soon as its own quiz shows a gap.
 */
export const PLACEMENT_QUESTIONS_PER_LESSON = 2;
export const PLACEMENT_LESSONS_PER_TRACK = 2;

/** Kinds a person answers in seconds; reading code for an output question takes longer, so those come last. */
const QUICK_KINDS: readonly QuestionKind[] = ["single", "true-false", "multiple", "numeric"];

export type PlacementSource = { lessonId: string; title: string; track: Track; quiz: Quiz | null };
export type PlacementLesson = { lessonId: string; title: string; track: Track; questions: Question[] };
export type PublicPlacementLesson = Omit<PlacementLesson, "questions"> & { questions: PublicQuestion[] };

/**
 * Picks `count` questions from a quiz: quick kinds first, and each pick adds a topic not covered yet when it can,
 * so two questions test two different things. Returned in the quiz's own order; the same quiz always gives the same
 * pick.
 */
export function selectPlacementQuestions(quiz: Quiz, count = PLACEMENT_QUESTIONS_PER_LESSON): Question[] {
  const rank = (q: Question) => (QUICK_KINDS.includes(q.kind) ? 0 : 1);
  const candidates = quiz.questions.map((q, index) => ({ q, index })).sort((a, b) => rank(a.q) - rank(b.q) || a.index - b.index);
  const picked: typeof candidates = [];
  const covered = new Set<string>();
  for (const candidate of candidates) {
    if (picked.length >= count) break;
    if (candidate.q.topics.every((t) => covered.has(t))) continue;
    picked.push(candidate);
    candidate.q.topics.forEach((t) => covered.add(t));
  }
  for (const candidate of candidates) {
    if (picked.length >= count) break;
    if (!picked.includes(candidate)) picked.push(candidate);
  }
  return picked.sort((a, b) => a.index - b.index).map((c) => c.q);
}

/** The placement quiz from the catalog's lessons in course order: the first lessons with a quiz in each track. */
export function buildPlacement(sources: readonly PlacementSource[]): PlacementLesson[] {
  const perTrack = new Map<string, number>();
  const lessons: PlacementLesson[] = [];
  for (const source of sources) {
    if (!source.quiz || source.quiz.questions.length === 0) continue;
    const taken = perTrack.get(source.track) ?? 0;
    if (taken >= PLACEMENT_LESSONS_PER_TRACK) continue;
    perTrack.set(source.track, taken + 1);
    lessons.push({ lessonId: source.lessonId, title: source.title, track: source.track, questions: selectPlacementQuestions(source.quiz) });
  }
  return lessons;
}

/** What the page may see: the questions without answers or explanations. */
export function publicPlacement(lessons: readonly PlacementLesson[]): PublicPlacementLesson[] {
  return lessons.map((lesson) => ({ ...lesson, questions: lesson.questions.map(publicQuestion) }));
}

/** Answers per lesson, then per question id: question ids are only unique inside one lesson's quiz. */
export const placementSubmissionSchema = z.object({
  answers: z.record(lessonIdSchema, submittedAnswersSchema).refine((a) => Object.keys(a).length <= 200, "At most 200 lessons."),
});
export type PlacementSubmission = z.infer<typeof placementSubmissionSchema>;

export const placementOutcomeSchema = z.object({
  lessonId: z.string(),
  title: z.string(),
  track: z.string(),
  passed: z.boolean(),
  correct: z.number(),
  total: z.number(),
});
export type PlacementOutcome = z.infer<typeof placementOutcomeSchema>;

export const placementResultSchema = z.object({
  lessons: z.array(placementOutcomeSchema),
  passedLessonIds: z.array(z.string()),
  saved: z.boolean().optional(),
});
export type PlacementResult = z.infer<typeof placementResultSchema>;

/** Lesson ids in a submission that are not in the placement quiz (a typo or a stale page): the route refuses them. */
export function unknownPlacementLessons(lessons: readonly PlacementLesson[], answers: Record<string, unknown>): string[] {
  const known = new Set(lessons.map((l) => l.lessonId));
  return Object.keys(answers).filter((id) => !known.has(id)).sort();
}

/**
 * Grades every lesson of the placement quiz. A lesson passes only when each of its questions is exactly right
 * (partial credit is not enough to skip a lesson); a lesson left unanswered simply does not pass.
 */
export function gradePlacement(lessons: readonly PlacementLesson[], answers: Record<string, SubmittedAnswers>): Omit<PlacementResult, "saved"> {
  const outcomes = lessons.map((lesson) => {
    const given = Object.hasOwn(answers, lesson.lessonId) ? answers[lesson.lessonId]! : {};
    const graded = gradeQuiz({ passMark: 1, questions: lesson.questions }, given);
    const correct = graded.results.filter((r) => r.correct).length;
    return { lessonId: lesson.lessonId, title: lesson.title, track: lesson.track, passed: correct === lesson.questions.length && correct > 0, correct, total: lesson.questions.length };
  });
  return { lessons: outcomes, passedLessonIds: outcomes.filter((o) => o.passed).map((o) => o.lessonId) };
}
