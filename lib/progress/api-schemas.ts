import { z } from "zod";
import { codeLanguageSchema, lessonIdSchema } from "../course/id-schemas";
import { submittedAnswersSchema } from "../content/quiz-schema";
import { draftResultSchema, eventIdSchema, MAX_VISIT_SECONDS } from "./events";

// Request bodies of the progress, quiz, draft and account routes, shared with the browser code that sends them.

export const quizAttemptBodySchema = z.object({
  answers: submittedAnswersSchema,
  /** Client-made id of this submission: a retry after a lost response is graded again but recorded once. */
  attemptId: eventIdSchema.optional(),
  /** Questions whose correct answer the learner asked to see (or missed twice): only these carry it. */
  reveal: z.array(z.string().max(100)).max(200).optional(),
});
export type QuizAttemptBody = z.infer<typeof quizAttemptBodySchema>;

export const lessonVisitBodySchema = z.object({
  lessonId: lessonIdSchema,
  secondsSpent: z.number().int().min(0).max(MAX_VISIT_SECONDS),
  /** Makes retries safe: the same id is applied once. */
  eventId: eventIdSchema.optional(),
});
export type LessonVisitBody = z.infer<typeof lessonVisitBodySchema>;

export const draftBodySchema = z.object({
  language: codeLanguageSchema,
  code: z.string(),
  /** What the last run or check of this code showed, restored with it. */
  result: draftResultSchema.nullable().optional(),
});

export const deleteAccountBodySchema = z.object({
  /** The account's email, typed by the learner: deleting everything should never be one stray click. */
  confirm: z.string().trim().toLowerCase().min(1, "Type your email address to confirm.").max(320),
});
export type DeleteAccountBody = z.infer<typeof deleteAccountBodySchema>;
