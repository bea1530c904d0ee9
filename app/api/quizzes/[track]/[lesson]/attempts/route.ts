import { z } from "zod";
import { route } from "@/lib/http/route";
import { quizAttemptBodySchema } from "@/lib/progress/api-schemas";
import { attemptQuiz } from "@/lib/progress/use-cases";

// POST /api/quizzes/<track>/<nn-slug>/attempts: the quiz id is the lesson id, so its slash is a path separator.
// Guests are graded and nothing is stored (their browser keeps it); signed-in learners' attempts are recorded.

export const dynamic = "force-dynamic";

const segment = z.string().regex(/^[a-z0-9-]+$/, "not a quiz id");

export const POST = route(
  { auth: "optional", params: z.object({ track: segment, lesson: segment }), body: { schema: quizAttemptBodySchema, limit: 64 * 1024 } },
  async ({ user, params, body, db }) =>
    attemptQuiz({ userId: user?.id ?? null, quizId: `${params.track}/${params.lesson}`, answers: body.answers, attemptId: body.attemptId, reveal: body.reveal }, { db }),
);
