import { z } from "zod";
import { submittedAnswersSchema } from "../content/quiz-schema";

// What a guest's browser keeps (localStorage) and sends to POST /api/progress/merge on sign-in. Every record carries
// its own client-made id, so the server recognises what it has merged before and never counts it twice. Scores are
// not trusted from here: quiz attempts carry the answers and the server grades them again; exercise passes carry the
// code and the server checks it again; completion is never sent (the server works it out from what it stored).

export const GUEST_STATE_VERSION = 1;

export const lessonIdSchema = z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, "a lesson id looks like <track>/<nn-slug>");
export const eventIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "event ids are 8-64 letters, digits, _ or -");
const instantSchema = z.iso.datetime({ offset: true });

/** Four hours: a tab left open overnight is not study time. */
export const MAX_VISIT_SECONDS = 4 * 60 * 60;

export const guestLessonSchema = z.object({
  lessonId: lessonIdSchema,
  firstOpenedAt: instantSchema,
  lastOpenedAt: instantSchema,
  /** Shown on the guest dashboard; the merge ignores it. */
  completedAt: instantSchema.nullable().default(null),
});

export const guestVisitSchema = z.object({
  id: eventIdSchema,
  lessonId: lessonIdSchema,
  seconds: z.number().int().min(0).max(MAX_VISIT_SECONDS),
  at: instantSchema,
});

export const guestQuizAttemptSchema = z.object({
  id: eventIdSchema,
  quizId: lessonIdSchema,
  lessonId: lessonIdSchema,
  answers: submittedAnswersSchema,
  at: instantSchema,
  /** What the server said when the guest submitted; shown on the guest dashboard, ignored by the merge. */
  score: z.number().min(0).max(1).optional(),
  passed: z.boolean().optional(),
  results: z
    .array(z.object({ questionId: z.string().max(100), correct: z.boolean(), topics: z.array(z.string().max(100)).max(20) }))
    .max(200)
    .optional(),
});

export const guestExerciseSchema = z.object({
  id: eventIdSchema,
  exerciseId: z.string().min(1).max(200),
  lessonId: lessonIdSchema.optional(),
  language: z.string().min(1).max(40),
  passed: z.boolean(),
  /** The code that was checked: a pass is merged only when the server's own check of this code passes. */
  code: z.string().max(50_000).default(""),
  at: instantSchema,
});

/** When the store was born, sealed by the server (lib/progress/guest-birth.ts); stores from before seals have none. */
export const guestBirthSchema = z.object({ at: instantSchema, seal: z.string().max(100) });

export const guestStateSchema = z.object({
  version: z.literal(GUEST_STATE_VERSION),
  guestId: eventIdSchema,
  birth: guestBirthSchema.optional(),
  lessons: z.array(guestLessonSchema).max(1000).default([]),
  visits: z.array(guestVisitSchema).max(5000).default([]),
  quizAttempts: z.array(guestQuizAttemptSchema).max(1000).default([]),
  exercises: z.array(guestExerciseSchema).max(1000).default([]),
});

export type GuestLesson = z.infer<typeof guestLessonSchema>;
export type GuestVisit = z.infer<typeof guestVisitSchema>;
export type GuestQuizAttempt = z.infer<typeof guestQuizAttemptSchema>;
export type GuestExercise = z.infer<typeof guestExerciseSchema>;
export type GuestBirth = z.infer<typeof guestBirthSchema>;
export type GuestState = z.infer<typeof guestStateSchema>;
