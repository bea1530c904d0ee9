import { z } from "zod";
import { quizIdSchema } from "@/lib/course/id-schemas";
import { route } from "@/lib/http/route";
import { parseInput } from "@/lib/http/use-case";
import { attemptHistory, MAX_HISTORY_PAGE } from "@/lib/progress/use-cases";

export const dynamic = "force-dynamic";

const query = z.object({
  quizId: quizIdSchema.optional(),
  before: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_HISTORY_PAGE).optional(),
});

/** GET /api/progress/attempts?quizId=&before=&limit=: the signed-in learner's quiz attempts, newest first, paged. */
export const GET = route({ auth: "required" }, async ({ user, request, db }) => {
  const params = parseInput(query, Object.fromEntries(new URL(request.url).searchParams), "bad_request:query");
  return Response.json(await attemptHistory({ userId: user.id, ...params }, { db }), { headers: { "Cache-Control": "private, no-store" } });
});
