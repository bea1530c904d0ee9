import { z } from "zod";
import { currentUser } from "@/lib/auth/session";
import { lessonExerciseIds, loadQuiz } from "@/lib/content/quiz-source";
import { AppError } from "@/lib/errors";
import { gradeQuiz } from "@/lib/grading/quiz";
import { handle } from "@/lib/http/handle";
import { readJson } from "@/lib/http/json-body";
import { quizAttemptBodySchema } from "@/lib/progress/api-schemas";
import { recordQuizAttempt } from "@/lib/progress/attempts";

// POST /api/quizzes/<track>/<nn-slug>/attempts: the quiz id is the lesson id, so its slash is a path separator.
// Guests are graded and nothing is stored (their browser keeps it); signed-in learners' attempts are recorded.

export const dynamic = "force-dynamic";

const segment = z.string().regex(/^[a-z0-9-]+$/);
const paramsSchema = z.object({ track: segment, lesson: segment });

type Context = { params: Promise<{ track: string; lesson: string }> };

export const POST = handle(async (request: Request, context: Context) => {
  const params = paramsSchema.safeParse(await context.params);
  if (!params.success) throw new AppError("not_found:resource", "There is no quiz with this id.");
  const { answers, attemptId } = await readJson(request, quizAttemptBodySchema, 64 * 1024);
  const quizId = `${params.data.track}/${params.data.lesson}`;
  const user = await currentUser();
  const quiz = await loadQuiz(quizId);
  if (!quiz) throw new AppError("not_found:resource", "There is no quiz with this id.");
  const graded = gradeQuiz(quiz, answers);
  const exerciseIds = await lessonExerciseIds(quizId);
  // A guest's browser keeps the attempt; the exercise ids let it tell whether a passing quiz completes the lesson.
  if (!user) return Response.json({ quizId, ...graded, saved: false, exerciseIds });
  const saved = await recordQuizAttempt({ userId: user.id, quizId, lessonId: quizId, answers, graded, exerciseIds, eventId: attemptId });
  return Response.json({ quizId, ...graded, saved: true, ...saved });
});
