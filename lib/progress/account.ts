import "server-only";
import { db as defaultDb, type Db } from "../db/client";

export const EXPORT_FORMAT = "backend-paths-export/1";

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Everything the platform keeps about a learner, as JSON. Secrets stay out: no password hash, no OAuth tokens.
 * Returns null when the user does not exist.
 */
export async function exportUserData(input: { userId: string; now?: Date }, client?: Db) {
  const c = client ?? defaultDb();
  const where = { userId: input.userId };
  const user = await c.user.findUnique({
    where: { id: input.userId },
    select: { id: true, email: true, name: true, image: true, createdAt: true, updatedAt: true },
  });
  if (!user) return null;
  const [accounts, onboarding, lessonProgress, quizAttempts, exerciseSubmissions, codeDrafts, reviewItems, topicMastery, activityDays] =
    await Promise.all([
      c.account.findMany({ where, select: { provider: true, providerAccountId: true, type: true } }),
      c.onboardingAnswers.findUnique({ where }),
      c.lessonProgress.findMany({ where, orderBy: { startedAt: "asc" } }),
      c.quizAttempt.findMany({ where, orderBy: { createdAt: "asc" } }),
      c.exerciseSubmission.findMany({ where, orderBy: { createdAt: "asc" } }),
      c.codeDraft.findMany({ where, orderBy: { key: "asc" } }),
      c.reviewItem.findMany({ where, orderBy: { topic: "asc" } }),
      c.topicMastery.findMany({ where, orderBy: { topic: "asc" } }),
      c.activityDay.findMany({ where, orderBy: { day: "asc" } }),
    ]);
  return {
    format: EXPORT_FORMAT,
    exportedAt: (input.now ?? new Date()).toISOString(),
    user,
    accounts,
    onboarding: onboarding ? { answers: parseJson(onboarding.answers), updatedAt: onboarding.updatedAt } : null,
    lessonProgress,
    quizAttempts: quizAttempts.map((a) => ({ ...a, answers: parseJson(a.answers), results: parseJson(a.results) })),
    exerciseSubmissions: exerciseSubmissions.map((s) => ({ ...s, results: parseJson(s.results) })),
    codeDrafts,
    reviewItems,
    topicMastery,
    activityDays,
  };
}

export type UserExport = NonNullable<Awaited<ReturnType<typeof exportUserData>>>;

/** Deletes the account; every table that holds the learner's data cascades from User. False if there was none. */
export async function deleteUser(input: { userId: string }, client?: Db): Promise<boolean> {
  const { count } = await (client ?? defaultDb()).user.deleteMany({ where: { id: input.userId } });
  return count > 0;
}
