import { z } from "zod";
import { codeLanguageSchema, exerciseIdSchema, lessonIdSchema, quizIdSchema } from "../course/id-schemas";
import { submittedAnswersSchema } from "../content/quiz-schema";
import { onboardingAnswersSchema } from "../path/schema";
import { MAX_CODE_BYTES } from "../runner/types";
import { EVENT_ID_PATTERN, newEventId } from "./event-id";

// Everything a learner does is one event of this schema: opening a lesson and the time spent on it, a quiz attempt,
// an exercise check, a draft of edited code, the onboarding answers, a placement quiz. A signed-in learner's events
// go to the server one at a time (each route turns its request into one event); a guest's browser keeps them and
// sends them all on sign-in. Either way the server applies them with the same pure rules (lib/progress/model.ts).
//
// Every event carries a client-made id, so the server recognises an event it has applied before: a retried save or a
// second merge of the same browser changes nothing. Events carry what the learner did, never a verdict: quiz answers
// are graded, exercise code checked and placement answers graded again by the server (lib/progress/verify.ts).

export const eventIdSchema = z.string().regex(EVENT_ID_PATTERN, "event ids are 8-64 letters, digits, _ or -");
const instantSchema = z.iso.datetime({ offset: true });

/** Four hours: a tab left open overnight is not study time. */
export const MAX_VISIT_SECONDS = 4 * 60 * 60;

const codeSchema = z.string().refine((code) => new TextEncoder().encode(code).length <= MAX_CODE_BYTES, "code is limited to 64 KiB");

export const draftKeySchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[a-z0-9][a-z0-9/_.-]*$/i, "a draft key is letters, digits and / _ . -");

/** The shown result of the last run or check of a draft's code: the learner's own display, never a verdict. */
export const draftResultSchema = z
  .object({
    passed: z.boolean().optional(),
    summary: z.string().max(2000).optional(),
  })
  .strict();
export type DraftResult = z.infer<typeof draftResultSchema>;

const base = { id: eventIdSchema, at: instantSchema };

export const visitEventSchema = z.object({
  ...base,
  type: z.literal("visit"),
  lessonId: lessonIdSchema,
  /** Time spent since the last save from this page; 0 when the lesson was just opened. */
  seconds: z.number().int().min(0).max(MAX_VISIT_SECONDS),
});

export const quizEventSchema = z.object({ ...base, type: z.literal("quiz"), quizId: quizIdSchema, answers: submittedAnswersSchema });

export const exerciseEventSchema = z.object({
  ...base,
  type: z.literal("exercise"),
  exerciseId: exerciseIdSchema,
  language: codeLanguageSchema,
  /** The code that was checked: a pass counts only when the server's own check of this code passes. */
  code: codeSchema,
});

export const draftEventSchema = z
  .object({
    ...base,
    type: z.literal("draft"),
    key: draftKeySchema,
    /** null: the learner went back to the original code, so the draft is removed. */
    code: codeSchema.nullable(),
    /** The code's language; only a removal may leave it out. */
    language: codeLanguageSchema.optional(),
    result: draftResultSchema.nullable().default(null),
  })
  .refine((draft) => draft.code === null || draft.language !== undefined, { message: "a draft with code names its language", path: ["language"] });

export const onboardingEventSchema = z.object({ ...base, type: z.literal("onboarding"), answers: onboardingAnswersSchema });

export const placementEventSchema = z.object({
  ...base,
  type: z.literal("placement"),
  /** Per placement lesson, the answers to its questions; graded again by the server. */
  answers: z.record(lessonIdSchema, submittedAnswersSchema),
});

export const progressEventSchema = z.discriminatedUnion("type", [
  visitEventSchema,
  quizEventSchema,
  exerciseEventSchema,
  draftEventSchema,
  onboardingEventSchema,
  placementEventSchema,
]);

export type VisitEvent = z.infer<typeof visitEventSchema>;
export type QuizEvent = z.infer<typeof quizEventSchema>;
export type ExerciseEvent = z.infer<typeof exerciseEventSchema>;
export type DraftEvent = z.infer<typeof draftEventSchema>;
export type OnboardingEvent = z.infer<typeof onboardingEventSchema>;
export type PlacementEvent = z.infer<typeof placementEventSchema>;
export type ProgressEvent = z.infer<typeof progressEventSchema>;
export type ProgressEventType = ProgressEvent["type"];

/**
 * What the browser was told when it made an event (the server's grading or check at the time): a guest's own
 * dashboard shows it, and a merge uses `passed` only to choose which exercise code to check again. Never stored as
 * a result: the server grades and checks again.
 */
export const shownSchema = z
  .object({
    score: z.number().min(0).max(1).optional(),
    passed: z.boolean().optional(),
    results: z
      .array(z.object({ questionId: z.string().max(100), correct: z.boolean(), topics: z.array(z.string().max(60)).max(20) }))
      .max(200)
      .optional(),
    passedLessonIds: z.array(lessonIdSchema).max(200).optional(),
    /** What completes the event's lesson, as the server said: lets a guest's browser settle completion offline. */
    lesson: z.object({ hasQuiz: z.boolean(), exerciseIds: z.array(exerciseIdSchema).max(50) }).optional(),
  })
  .strict();
export type Shown = z.infer<typeof shownSchema>;

/** The key an applied event is remembered by (ProgressEvent.eventId): its kind and its client-made id. */
export function eventKey(event: Pick<ProgressEvent, "type" | "id">): string {
  return `${event.type}:${event.id}`;
}

export { newEventId };
