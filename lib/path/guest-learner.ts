import type { GuestState } from "../progress/guest-schema";
import { summarizeGuestState } from "../progress/guest-summary";
import { learnerStateSchema, lessonIdSchema, topicSchema, type LearnerState } from "./schema";

// A guest's learner state for the path engine, from the progress records in the browser. It goes through the same
// progress rules the server applies to an account (mastery counts, 1/3/7/16-day reviews, completion), so a guest's
// path adapts exactly as a signed-in learner's does. Anything the preview route would refuse is left out here.

const MAX_ITEMS = 2000;

export function guestLearnerState(guest: GuestState | null, now: Date): LearnerState | undefined {
  if (!guest) return undefined;
  const summary = summarizeGuestState(guest, now);
  const validTopic = (topic: string) => topicSchema.safeParse(topic).success;
  const validLesson = (id: string | null): id is string => id !== null && lessonIdSchema.safeParse(id).success;
  const reviews = [...summary.reviews.due, ...summary.reviews.upcoming].filter((r) => validTopic(r.topic)).slice(0, MAX_ITEMS);
  return learnerStateSchema.parse({
    mastery: Object.fromEntries(summary.topics.filter((t) => validTopic(t.topic)).map((t) => [t.topic, { correct: t.correct, total: t.total }])),
    completedLessonIds: summary.lessons
      .filter((l) => l.completedAt)
      .map((l) => l.lessonId)
      .filter(validLesson)
      .sort()
      .slice(0, MAX_ITEMS),
    placementPassedLessonIds: [],
    reviewItems: reviews.map((r) => ({ topic: r.topic, dueAt: r.dueAt, lapses: r.lapses, lessonId: validLesson(r.lessonId) ? r.lessonId : null })),
  });
}
