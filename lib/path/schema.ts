import { z } from "zod";
import { LANGUAGE_TRACKS, type LanguageTrack } from "@/lib/course/vocabulary";
import { languageTrackSchema, lessonIdSchema, topicSchema, trackSchema } from "@/lib/course/id-schemas";

// Every shape the path engine and the advisor accept or return. The engine is pure: callers parse input here first,
// so the engine itself can trust its arguments. Tracks, ids and topics are the course vocabulary's.

export const BACKGROUNDS = ["new-to-backend", "frontend-js", "data-ml", "systems", "other-backend"] as const;
export const backgroundSchema = z.enum(BACKGROUNDS);
export type Background = z.infer<typeof backgroundSchema>;

export const GOALS = ["first-job", "max-salary", "startup-mvp", "real-time", "ml-serving", "cloud-infra", "performance-critical"] as const;
export const goalSchema = z.enum(GOALS);
export type Goal = z.infer<typeof goalSchema>;

const ratingSchema = z.number().int().min(0).max(5).optional();

/** 0–5 per language track, each optional; an object (not a record) so that unknown keys are dropped, not refused. */
export const selfRatingSchema = z.object(
  Object.fromEntries(LANGUAGE_TRACKS.map((track) => [track, ratingSchema])) as Record<LanguageTrack, typeof ratingSchema>,
);
export type SelfRating = z.infer<typeof selfRatingSchema>;

export const placementSchema = z.object({
  passedLessonIds: z.array(lessonIdSchema).max(200).default([]),
});

// Unknown keys are accepted and dropped: the API promises that new optional questions will not break old clients.
export const onboardingAnswersSchema = z.object({
  background: backgroundSchema,
  goals: z
    .array(goalSchema)
    .max(GOALS.length * 2)
    .default([])
    .transform((goals) => [...new Set(goals)]),
  hoursPerWeek: z.number().min(0.5, "At least half an hour a week.").max(80, "At most 80 hours a week."),
  selfRating: selfRatingSchema.optional(),
  placement: placementSchema.optional(),
});
export type OnboardingAnswers = z.infer<typeof onboardingAnswersSchema>;

export const catalogEntrySchema = z.object({
  id: lessonIdSchema,
  track: trackSchema,
  title: z.string().min(1).max(200),
  minutes: z.number().int().min(1).max(600),
  topics: z.array(topicSchema).max(50),
  prerequisites: z.array(lessonIdSchema).max(50),
});
export type CatalogEntry = z.infer<typeof catalogEntrySchema>;
export const catalogSchema = z.array(catalogEntrySchema).max(2000);

export const masterySchema = z.object({
  correct: z.number().int().min(0),
  total: z.number().int().min(0),
});
export type Mastery = z.infer<typeof masterySchema>;

export const reviewItemSchema = z.object({
  topic: topicSchema,
  dueAt: z.coerce.date(),
  lapses: z.number().int().min(0).default(0),
  /** The lesson whose quiz the topic was missed in, when known: it is the lesson to go back to. */
  lessonId: lessonIdSchema.nullable().optional(),
  /** What the review's reason tells the learner (lib/progress/review-schedule.ts reviewReason); optional so that
   *  inputs from before FSRS still parse. */
  misses: z.number().int().min(0).default(0),
  lastMissedAt: z.coerce.date().nullable().default(null),
  reps: z.number().int().min(0).default(0),
  lastReviewAt: z.coerce.date().nullable().default(null),
});
export type ReviewItem = z.infer<typeof reviewItemSchema>;

export const learnerStateSchema = z.object({
  mastery: z.record(topicSchema, masterySchema).default({}),
  completedLessonIds: z.array(lessonIdSchema).max(2000).default([]),
  placementPassedLessonIds: z.array(lessonIdSchema).max(2000).default([]),
  reviewItems: z.array(reviewItemSchema).max(2000).default([]),
});
export type LearnerState = z.infer<typeof learnerStateSchema>;

export const EMPTY_LEARNER: LearnerState = { mastery: {}, completedLessonIds: [], placementPassedLessonIds: [], reviewItems: [] };

export type PathInput = {
  answers: OnboardingAnswers;
  catalog: CatalogEntry[];
  learner?: LearnerState;
  /** The engine never reads the clock: "now" decides which reviews are due. */
  now: Date;
};

export const stepStatusSchema = z.enum(["done", "next", "later"]);
export type StepStatus = z.infer<typeof stepStatusSchema>;

export const pathStepSchema = z.object({
  lessonId: lessonIdSchema,
  title: z.string(),
  track: trackSchema,
  reason: z.string(),
  status: stepStatusSchema,
  minutes: z.number(),
});
export type PathStep = z.infer<typeof pathStepSchema>;

export const dueReviewSchema = z.object({
  topic: z.string(),
  dueAt: z.string(),
  lapses: z.number(),
  lessonId: z.string().nullable(),
  /** Why it is due or when it comes back, in the learner's words: "Due today: you missed it twice, last on 3 November." */
  reason: z.string(),
});
export type DueReview = z.infer<typeof dueReviewSchema>;

export const pathSchema = z.object({
  primary: languageTrackSchema,
  secondary: languageTrackSchema,
  reasons: z.array(z.string()),
  steps: z.array(pathStepSchema),
  minutesLeft: z.number(),
  weeksLeft: z.number(),
  whyThisOrder: z.string(),
  /** Review items due now, oldest first. */
  reviewQueue: z.array(dueReviewSchema),
  /** Review items scheduled for later, soonest first: a missed topic shows up at once, not only once it is due. */
  upcomingReviews: z.array(dueReviewSchema),
});
export type Path = z.infer<typeof pathSchema>;

// The preview route: answers plus, for guests whose progress lives in the browser, an optional learner state.
export const pathPreviewRequestSchema = z.object({
  answers: onboardingAnswersSchema,
  learner: learnerStateSchema.optional(),
});
export type PathPreviewRequest = z.infer<typeof pathPreviewRequestSchema>;
