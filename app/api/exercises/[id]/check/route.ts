import { z } from "zod";
import { exerciseIdSchema } from "@/lib/course/id-schemas";
import { checkRequestSchema } from "@/lib/content/exercise-schema";
import { AppError } from "@/lib/errors";
import { clientAddress } from "@/lib/http/client-address";
import { route } from "@/lib/http/route";
import { checkExerciseFor } from "@/lib/progress/use-cases";
import { CODE_BODY_LIMIT } from "@/lib/runner/code-size";
import { takeRunToken } from "@/lib/runner/run-limit";

// POST /api/exercises/<id>/check. Anyone may check; only a signed-in learner's checks are stored (a guest's browser
// keeps its own).

export const dynamic = "force-dynamic";

export const POST = route(
  {
    // A check is a run: a well-formed one counts against the client's run rate (route() guards after parsing).
    guard: (request) => takeRunToken(clientAddress(request)),
    auth: "optional",
    params: z.object({ id: z.string().max(200) }),
    body: { schema: checkRequestSchema, limit: CODE_BODY_LIMIT },
  },
  async ({ user, params, body, request, db }) => {
    if (!exerciseIdSchema.safeParse(params.id).success) return notFound();
    return checkExerciseFor({ userId: user?.id ?? null, clientKey: clientAddress(request), exerciseId: params.id, ...body }, { db });
  },
);

function notFound(): never {
  throw new AppError("not_found:resource", "There is no exercise with this id.");
}
