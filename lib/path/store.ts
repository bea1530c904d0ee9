import "server-only";
import { db as defaultDb, type Db } from "../db/client";
import { advisorInputSchema, advisorResultSchema, type AdvisorInput, type AdvisorResult } from "./advisor-schema";
import { MASTERED_INDEX } from "../progress/rules";
import { learnerStateSchema, lessonIdSchema, onboardingAnswersSchema, topicSchema, type LearnerState, type OnboardingAnswers } from "./schema";

// Data access for the path: onboarding answers, the learner state the engine needs, and saved advisor results.
// Every function takes the database last so integration tests can pass a throwaway one.

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export async function getOnboardingAnswers({ userId }: { userId: string }, db: Db = defaultDb()): Promise<OnboardingAnswers | null> {
  const row = await db.onboardingAnswers.findUnique({ where: { userId } });
  if (!row) return null;
  // Answers saved by an older version of the questions may not parse; the learner is then simply asked again.
  const parsed = onboardingAnswersSchema.safeParse(parseJson(row.answers));
  return parsed.success ? parsed.data : null;
}

export async function saveOnboardingAnswers({ userId, answers }: { userId: string; answers: OnboardingAnswers }, db: Db = defaultDb()) {
  const valid = onboardingAnswersSchema.parse(answers);
  const text = JSON.stringify(valid);
  await db.onboardingAnswers.upsert({ where: { userId }, create: { userId, answers: text }, update: { answers: text } });
  return valid;
}

/** What the learner has done and how well: the engine's second input, read from the progress tables. */
export async function getLearnerState({ userId }: { userId: string }, db: Db = defaultDb()): Promise<LearnerState> {
  const [lessons, mastery, reviews, answers] = await Promise.all([
    db.lessonProgress.findMany({ where: { userId, completedAt: { not: null } }, select: { lessonId: true }, orderBy: { lessonId: "asc" } }),
    db.topicMastery.findMany({ where: { userId }, select: { topic: true, correct: true, total: true } }),
    // The progress layer keeps a mastered topic's row (intervalIndex past the last interval) with its old dueAt:
    // only open items are reviews.
    db.reviewItem.findMany({
      where: { userId, intervalIndex: { lt: MASTERED_INDEX } },
      select: { topic: true, dueAt: true, lapses: true, lessonId: true },
      orderBy: { topic: "asc" },
    }),
    getOnboardingAnswers({ userId }, db),
  ]);
  // A tag the schema would reject (written by some future quiz) is skipped rather than failing the whole path.
  const validTopic = (topic: string) => topicSchema.safeParse(topic).success;
  return learnerStateSchema.parse({
    completedLessonIds: lessons.map((l) => l.lessonId),
    mastery: Object.fromEntries(mastery.filter((m) => validTopic(m.topic)).map((m) => [m.topic, { correct: m.correct, total: m.total }])),
    reviewItems: reviews
      .filter((r) => validTopic(r.topic))
      .map((r) => ({ ...r, lessonId: r.lessonId && lessonIdSchema.safeParse(r.lessonId).success ? r.lessonId : null })),
    placementPassedLessonIds: answers?.placement?.passedLessonIds ?? [],
  });
}

export async function saveAdvisorResult(
  { userId, input, result }: { userId: string; input: AdvisorInput; result: AdvisorResult },
  db: Db = defaultDb(),
) {
  return db.advisorResult.create({
    data: { userId, input: JSON.stringify(input), result: JSON.stringify(result) },
    select: { id: true, createdAt: true },
  });
}

export async function getLatestAdvisorResult({ userId }: { userId: string }, db: Db = defaultDb()) {
  const row = await db.advisorResult.findFirst({ where: { userId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  if (!row) return null;
  const input = advisorInputSchema.safeParse(parseJson(row.input));
  const result = advisorResultSchema.safeParse(parseJson(row.result));
  if (!input.success || !result.success) return null;
  return { id: row.id, createdAt: row.createdAt, input: input.data, result: result.data };
}
