import "server-only";
import { db as defaultDb, type Db } from "../db/client";
import { advisorInputSchema, advisorResultSchema, type AdvisorInput, type AdvisorResult } from "./advisor-schema";
import { learnerStateOf, saveOnboarding } from "../progress/use-cases";
import { onboardingAnswersSchema, type LearnerState, type OnboardingAnswers } from "./schema";

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

/** Saves the answers as an onboarding event of the learner's progress (lib/progress/use-cases.ts). */
export async function saveOnboardingAnswers({ userId, answers }: { userId: string; answers: OnboardingAnswers }, db: Db = defaultDb()) {
  return saveOnboarding({ userId, answers: onboardingAnswersSchema.parse(answers) }, { db });
}

/** What the learner has done and how well: the engine's second input, from the progress model. */
export async function getLearnerState({ userId }: { userId: string }, db: Db = defaultDb()): Promise<LearnerState> {
  return learnerStateOf({ userId }, { db });
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
