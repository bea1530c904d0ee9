import { route } from "@/lib/http/route";
import { lessonVisitBodySchema } from "@/lib/progress/api-schemas";
import { progressSummary, recordVisit } from "@/lib/progress/use-cases";

export const dynamic = "force-dynamic";

/** The signed-in learner's own summary; there is no way to name another learner. */
export const GET = route({ auth: "required" }, async ({ user, db }) =>
  Response.json(await progressSummary({ userId: user.id }, { db }), { headers: { "Cache-Control": "private, no-store" } }),
);

/** A lesson opened, or time spent on it since the last save. */
export const POST = route({ auth: "required", body: { schema: lessonVisitBodySchema, limit: 4 * 1024 } }, async ({ user, body, db }) =>
  recordVisit({ userId: user.id, lessonId: body.lessonId, seconds: body.secondsSpent, eventId: body.eventId }, { db }),
);
