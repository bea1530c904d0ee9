import { currentUser } from "@/lib/auth/session";
import type { SubmittedAnswers } from "@/lib/content/quiz-schema";
import { loadQuiz } from "@/lib/content/quiz-source";
import { AppError } from "@/lib/errors";
import { gradeQuiz } from "@/lib/grading/quiz";
import { handle } from "@/lib/http/handle";
import { readJson } from "@/lib/http/json-body";
import { guestStateSchema } from "@/lib/progress/guest-schema";
import { mergeGuestIntoAccount } from "@/lib/progress/merge";

export const dynamic = "force-dynamic";

/** Guest progress from the browser into the signed-in account. Idempotent: sending the same state again adds nothing. */
export const POST = handle(async (request: Request) => {
  const guest = await readJson(request, guestStateSchema, 2 * 1024 * 1024);
  const user = await currentUser();
  if (!user) throw new AppError("unauthorized:session");
  const grade = async (quizId: string, answers: SubmittedAnswers) => {
    const quiz = await loadQuiz(quizId);
    return quiz ? gradeQuiz(quiz, answers) : null;
  };
  const merged = await mergeGuestIntoAccount({ userId: user.id, guest, grade });
  return Response.json({ merged });
});
