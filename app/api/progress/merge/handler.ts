import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { getCatalog } from "@/lib/content/catalog";
import type { Catalog } from "@/lib/content/load";
import type { SubmittedAnswers } from "@/lib/content/quiz-schema";
import { loadQuiz } from "@/lib/content/quiz-source";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { gradeQuiz } from "@/lib/grading/quiz";
import { clientAddress } from "@/lib/http/client-address";
import { handle } from "@/lib/http/handle";
import { readJson } from "@/lib/http/json-body";
import { verifiedGuestBirth } from "@/lib/progress/guest-birth";
import { resolveGuestIds } from "@/lib/progress/guest-catalog";
import { guestStateSchema } from "@/lib/progress/guest-schema";
import { mergeGuestIntoAccount } from "@/lib/progress/merge";
import { checkExercise } from "@/lib/runner/check-exercise";
import { takeRunToken } from "@/lib/runner/service";
import { MAX_CODE_BYTES } from "@/lib/runner/types";

// POST /api/progress/merge, built here so tests can give it a known user, a throwaway database and a catalog;
// route.ts only wires in the session.

type Deps = {
  currentUser: () => Promise<Pick<SessionUser, "id"> | null>;
  /** The database to merge into; the app's own when absent. */
  client?: Db;
  catalog?: () => Catalog;
};

/** Guest progress from the browser into the signed-in account. Idempotent: sending the same state again adds nothing. */
export function createMergeHandler(deps: Deps) {
  return handle(async (request: Request) => {
    const guest = await readJson(request, guestStateSchema, 2 * 1024 * 1024);
    const user = await deps.currentUser();
    if (!user) throw new AppError("unauthorized:session");
    const catalog = deps.catalog?.() ?? getCatalog();
    const { lessons, exercises } = resolveGuestIds(guest, catalog);
    const now = new Date();
    const address = clientAddress(request);
    const grade = async (quizId: string, answers: SubmittedAnswers) => {
      const quiz = await loadQuiz(quizId, catalog);
      return quiz ? gradeQuiz(quiz, answers) : null;
    };
    const check = async (exerciseId: string, code: string) => {
      if (Buffer.byteLength(code, "utf8") > MAX_CODE_BYTES) return null;
      // Each check is a run like any other: it counts against the client's run rate.
      takeRunToken(address);
      const result = await checkExercise(exercises.get(exerciseId)!, code, address);
      return { passed: result.passed, results: result.tests };
    };
    const window = { from: verifiedGuestBirth(guest, now) ?? now, to: now };
    const merged = await mergeGuestIntoAccount({ userId: user.id, guest, grade, check, lessons, window }, deps.client);
    return Response.json({ merged });
  });
}
