import { AppError } from "../errors";
import { handle } from "../http/handle";
import { readJson } from "../http/json-body";
import { advise } from "./advisor";
import { advisorInputSchema, type AdvisorInput, type AdvisorResult } from "./advisor-schema";
import { getPathCatalog } from "./catalog-source";
import { buildPath } from "./engine";
import { gradePlacement, placementSubmissionSchema, unknownPlacementLessons, type PlacementLesson } from "./placement";
import { pathPreviewRequestSchema, type CatalogEntry, type LearnerState, type OnboardingAnswers } from "./schema";

// The route handlers, kept out of app/ so tests can build them with a real database and a known user: route files
// only wire in the session and the store.

export const PREVIEW_BODY_LIMIT = 128 * 1024;
export const ADVISOR_BODY_LIMIT = 8 * 1024;
export const PLACEMENT_BODY_LIMIT = 64 * 1024;

type User = { id: string };

export function createPreviewHandler(deps: { getCatalog?: () => CatalogEntry[]; now?: () => Date } = {}) {
  const getCatalog = deps.getCatalog ?? getPathCatalog;
  const now = deps.now ?? (() => new Date());
  return handle(async (request: Request) => {
    const body = await readJson(request, pathPreviewRequestSchema, PREVIEW_BODY_LIMIT);
    return Response.json(buildPath({ answers: body.answers, learner: body.learner, catalog: getCatalog(), now: now() }));
  });
}

export function createAdvisorHandler(deps: {
  currentUser: () => Promise<User | null>;
  saveAdvisorResult: (args: { userId: string; input: AdvisorInput; result: AdvisorResult }) => Promise<unknown>;
  getCatalog?: () => CatalogEntry[];
}) {
  const getCatalog = deps.getCatalog ?? getPathCatalog;
  return handle(async (request: Request) => {
    const input = await readJson(request, advisorInputSchema, ADVISOR_BODY_LIMIT);
    const result = advise(input, getCatalog());
    const user = await deps.currentUser();
    if (user) await deps.saveAdvisorResult({ userId: user.id, input, result });
    return Response.json({ ...result, saved: Boolean(user) });
  });
}

export function createPathHandler(deps: {
  currentUser: () => Promise<User | null>;
  getOnboardingAnswers: (args: { userId: string }) => Promise<OnboardingAnswers | null>;
  getLearnerState: (args: { userId: string }) => Promise<LearnerState>;
  getCatalog?: () => CatalogEntry[];
  now?: () => Date;
}) {
  const getCatalog = deps.getCatalog ?? getPathCatalog;
  const now = deps.now ?? (() => new Date());
  return handle(async () => {
    const user = await deps.currentUser();
    if (!user) throw new AppError("unauthorized:session", "Sign in to see your learning path, or use POST /api/path/preview.");
    const answers = await deps.getOnboardingAnswers({ userId: user.id });
    if (!answers) throw new AppError("not_found:resource", "You have not answered the onboarding questions yet: start at /onboarding.");
    const learner = await deps.getLearnerState({ userId: user.id });
    return Response.json(buildPath({ answers, learner, catalog: getCatalog(), now: now() }));
  });
}

/**
 * POST /api/path/placement: grades the placement quiz on the server and answers per lesson whether it was passed.
 * A signed-in learner who has onboarding answers gets the result saved into them at once (a retake replaces the
 * previous result); a guest keeps it in the browser's answers.
 */
export function createPlacementHandler(deps: {
  currentUser: () => Promise<User | null>;
  getPlacement: () => PlacementLesson[] | Promise<PlacementLesson[]>;
  getOnboardingAnswers: (args: { userId: string }) => Promise<OnboardingAnswers | null>;
  saveOnboardingAnswers: (args: { userId: string; answers: OnboardingAnswers }) => Promise<unknown>;
}) {
  return handle(async (request: Request) => {
    const { answers } = await readJson(request, placementSubmissionSchema, PLACEMENT_BODY_LIMIT);
    const lessons = await deps.getPlacement();
    const unknown = unknownPlacementLessons(lessons, answers);
    if (unknown.length > 0) {
      throw new AppError("bad_request:body", `Not in the placement quiz: ${unknown.slice(0, 5).join(", ")}. Reload the page for the current questions.`);
    }
    const result = gradePlacement(lessons, answers);
    const user = await deps.currentUser();
    const saved = user ? await deps.getOnboardingAnswers({ userId: user.id }) : null;
    if (user && saved) {
      await deps.saveOnboardingAnswers({ userId: user.id, answers: { ...saved, placement: { passedLessonIds: result.passedLessonIds } } });
    }
    return Response.json({ ...result, saved: Boolean(user && saved) });
  });
}
