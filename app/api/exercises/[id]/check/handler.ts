import "server-only";
import { createRateLimiter } from "@/lib/auth/rate-limit";
import type { SessionUser } from "@/lib/auth/session";
import { checkRequestSchema } from "@/lib/content/exercise-schema";
import { findExercise } from "@/lib/content/exercises";
import type { Catalog } from "@/lib/content/load";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { handle } from "@/lib/http/handle";
import { decodeSegment } from "@/lib/http/path-segment";
import { readJson } from "@/lib/http/json-body";
import { recordExerciseSubmission } from "@/lib/progress/exercises";
import { checkExercise } from "@/lib/runner/check-exercise";
import { clientAddress } from "@/lib/http/client-address";
import { takeRunToken } from "@/lib/runner/service";
import { MAX_CODE_BYTES } from "@/lib/runner/types";

// POST /api/exercises/<id>/check, built here so tests can give it a known user and a throwaway database; route.ts
// only wires in the session. Anyone may check; only a signed-in learner's checks are stored (a guest's browser
// keeps its own).

export const FAILS_BEFORE_SOLUTION = 3;

type Deps = {
  currentUser: () => Promise<Pick<SessionUser, "id"> | null>;
  /** The database to record in; the app's own when absent. */
  client?: Db;
  catalog?: () => Catalog;
};

type Context = { params: Promise<{ id: string }> };

export function createCheckHandler(deps: Deps) {
  // Failed checks per learner (user id, or address for guests) and exercise. In memory, like the rate limits: the
  // worst a restart does is ask a learner for three more tries.
  const failures = createRateLimiter({ max: FAILS_BEFORE_SOLUTION, windowMs: 24 * 60 * 60_000 });

  return handle(async (request: Request, context: Context) => {
    const key = clientAddress(request);
    takeRunToken(key);
    const user = await deps.currentUser();
    const id = decodeSegment((await context.params).id);
    const found = findExercise(id, deps.catalog?.());
    if (!found) throw new AppError("not_found:resource", "There is no exercise with this id.");
    const { exercise, lesson } = found;
    const body = await readJson(request, checkRequestSchema, 4 * MAX_CODE_BYTES);
    if (Buffer.byteLength(body.code, "utf8") > MAX_CODE_BYTES) throw new AppError("payload_too_large:body", "Code is limited to 64 KiB.");
    if (body.language !== exercise.language) throw new AppError("bad_request:body", `This exercise is solved in ${exercise.language}.`);

    const result = await checkExercise(exercise, body.code, key);
    const failKey = `${user?.id ?? key}:${id}`;
    if (!result.passed) failures.fail(failKey);
    const unlocked = result.passed || failures.retryAfterMs(failKey) > 0;
    const answer = { ...result, ...(unlocked ? { solution: exercise.solution } : {}) };
    if (!user) return Response.json({ ...answer, saved: false });

    const recorded = await recordExerciseSubmission(
      {
        userId: user.id,
        exerciseId: exercise.id,
        language: body.language,
        code: body.code,
        passed: result.passed,
        results: result.tests,
        lesson: { lessonId: lesson.id, exerciseIds: lesson.exercises.map((e) => e.id), quizId: lesson.quiz ? lesson.id : null },
      },
      deps.client,
    );
    return Response.json({ ...answer, saved: true, completed: recorded.completed });
  });
}
