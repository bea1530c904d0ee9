import { clientAddress } from "@/lib/http/client-address";
import { route } from "@/lib/http/route";
import { guestStateSchema } from "@/lib/progress/guest-schema";
import { mergeGuest } from "@/lib/progress/use-cases";
import { checkExercise } from "@/lib/grading/check-exercise";
import { codeFits } from "@/lib/runner/code-size";
import { takeRunToken } from "@/lib/runner/run-limit";

// POST /api/progress/merge: a guest's browser progress into the signed-in account. Idempotent: sending the same
// state again adds nothing.

export const dynamic = "force-dynamic";

export const POST = route({ auth: "required", body: { schema: guestStateSchema, limit: 2 * 1024 * 1024 } }, async ({ user, body, request, db }) => {
  const address = clientAddress(request);
  const merged = await mergeGuest(
    {
      userId: user.id,
      guest: body,
      check: async (exercise, code) => {
        if (!codeFits(code)) return { passed: false, results: null };
        // Each check is a run like any other: it counts against the client's run rate.
        await takeRunToken(address);
        const result = await checkExercise(exercise, code, address);
        return { passed: result.passed, results: result.tests };
      },
    },
    { db },
  );
  return { merged };
});
