import "server-only";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { advise } from "./advisor";
import type { AdvisorInput } from "./advisor-schema";
import { getPathCatalog } from "./catalog-source";
import { buildPath } from "./engine";
import { gradePlacement, unknownPlacementLessons, type PlacementLesson, type PlacementSubmission } from "./placement";
import { savePlacement } from "../progress/use-cases";
import { getPlacement } from "./placement-source";
import type { CatalogEntry, OnboardingAnswers, Path, PathPreviewRequest } from "./schema";
import { getLearnerState, getOnboardingAnswers, saveAdvisorResult } from "./store";

// What the path routes and pages do, on plain data: the routes add HTTP around these, the pages render them. The
// catalog and the clock can be given, so tests can use a small catalog and a fixed day.

export type PathOptions = { catalog?: CatalogEntry[]; now?: Date };

/** A guest's path from answers (and progress) sent by the browser. */
export function previewPath({ answers, learner }: PathPreviewRequest, { catalog = getPathCatalog(), now = new Date() }: PathOptions = {}): Path {
  return buildPath({ answers, learner, catalog, now });
}

/** A signed-in learner's path from their saved answers and progress, or null before they have answered. */
export async function learnerPath(
  { userId }: { userId: string },
  db: Db,
  { catalog = getPathCatalog(), now = new Date() }: PathOptions = {},
): Promise<{ path: Path; answers: OnboardingAnswers } | null> {
  const answers = await getOnboardingAnswers({ userId }, db);
  if (!answers) return null;
  const learner = await getLearnerState({ userId }, db);
  return { path: buildPath({ answers, learner, catalog, now }), answers };
}

/** The stack advisor's recommendation; a signed-in learner's is kept (the latest is shown on /advisor). */
export async function adviseFor({ input, userId }: { input: AdvisorInput; userId: string | null }, db: Db, { catalog = getPathCatalog() }: PathOptions = {}) {
  const result = advise(input, catalog);
  if (userId) await saveAdvisorResult({ userId, input, result }, db);
  return { ...result, saved: userId !== null };
}

/**
 * Grades the placement quiz per lesson. A signed-in learner who has onboarding answers gets the result saved into
 * them at once (a retake replaces the previous result); a guest keeps it in the browser's answers.
 */
export async function gradePlacementFor(
  { answers, userId }: PlacementSubmission & { userId: string | null },
  db: Db,
  lessons: PlacementLesson[] = getPlacement(),
) {
  const unknown = unknownPlacementLessons(lessons, answers);
  if (unknown.length > 0) {
    throw new AppError("bad_request:body", `Not in the placement quiz: ${unknown.slice(0, 5).join(", ")}. Reload the page for the current questions.`);
  }
  const result = gradePlacement(lessons, answers);
  // A placement event of the learner's progress: kept in their onboarding answers once they have some.
  const saved = userId ? await savePlacement({ userId, answers, passedLessonIds: result.passedLessonIds }, { db }) : false;
  return { ...result, saved };
}
