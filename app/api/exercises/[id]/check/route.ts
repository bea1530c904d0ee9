import { createRateLimiter } from "@/lib/auth/rate-limit";
import { currentUser } from "@/lib/auth/session";
import { checkRequestSchema } from "@/lib/content/exercise-schema";
import { loadExercise } from "@/lib/content/exercises";
import { AppError } from "@/lib/errors";
import { handle } from "@/lib/http/handle";
import { readJson } from "@/lib/http/json-body";
import { checkExercise } from "@/lib/runner/check-exercise";
import { clientKey, takeRunToken } from "@/lib/runner/service";
import { MAX_CODE_BYTES } from "@/lib/runner/types";

export const dynamic = "force-dynamic";

const FAILS_BEFORE_SOLUTION = 3;
// Failed checks per learner (user id, or address for guests) and exercise. In memory, like the rate limits: the
// worst a restart does is ask a learner for three more tries.
const failures = createRateLimiter({ max: FAILS_BEFORE_SOLUTION, windowMs: 24 * 60 * 60_000 });

type Context = { params: Promise<{ id: string }> };

export const POST = handle(async (request: Request, context: Context) => {
  const key = clientKey(request);
  takeRunToken(key);
  const id = decodeURIComponent((await context.params).id);
  const exercise = await loadExercise(id);
  if (!exercise) throw new AppError("not_found:resource", "There is no exercise with this id.");
  const body = await readJson(request, checkRequestSchema, 4 * MAX_CODE_BYTES);
  if (Buffer.byteLength(body.code, "utf8") > MAX_CODE_BYTES) throw new AppError("payload_too_large:body", "Code is limited to 64 KiB.");
  if (body.language !== exercise.language) throw new AppError("bad_request:body", `This exercise is solved in ${exercise.language}.`);
  const learner = (await currentUser().catch(() => null))?.id ?? key;
  const failKey = `${learner}:${id}`;
  const result = await checkExercise(exercise, body.code);
  if (!result.passed) failures.fail(failKey);
  const unlocked = result.passed || failures.retryAfterMs(failKey) > 0;
  return Response.json({ ...result, ...(unlocked ? { solution: exercise.solution } : {}) });
});
