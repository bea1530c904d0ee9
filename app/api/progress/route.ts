import { currentUser } from "@/lib/auth/session";
import { lessonExists } from "@/lib/content/quiz-source";
import { AppError } from "@/lib/errors";
import { handle } from "@/lib/http/handle";
import { readJson } from "@/lib/http/json-body";
import { lessonVisitBodySchema } from "@/lib/progress/api-schemas";
import { getProgressSummary } from "@/lib/progress/summary";
import { recordLessonVisit } from "@/lib/progress/visits";

export const dynamic = "force-dynamic";

/** The signed-in learner's own summary; there is no way to name another learner. */
export const GET = handle(async () => {
  const user = await currentUser();
  if (!user) throw new AppError("unauthorized:session");
  return Response.json(await getProgressSummary({ userId: user.id }), { headers: { "Cache-Control": "private, no-store" } });
});

export const POST = handle(async (request: Request) => {
  const body = await readJson(request, lessonVisitBodySchema, 4 * 1024);
  const user = await currentUser();
  if (!user) throw new AppError("unauthorized:session");
  if (!(await lessonExists(body.lessonId))) throw new AppError("not_found:resource", "There is no lesson with this id.");
  const result = await recordLessonVisit({ userId: user.id, ...body });
  return Response.json(result);
});
