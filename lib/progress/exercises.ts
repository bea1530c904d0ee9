import "server-only";
import type { Db } from "../db/client";
import { settleCompletion, touchLesson } from "./attempts";
import { bumpActivity, clientOr } from "./store";

export type RecordExerciseSubmissionInput = {
  userId: string;
  exerciseId: string;
  language: string;
  code: string;
  passed: boolean;
  results: unknown;
  /** The lesson the exercise belongs to, with all its exercise ids and whether it has a quiz, to settle completion. */
  lesson?: { lessonId: string; exerciseIds: string[]; quizId: string | null };
  at?: Date;
};

export async function recordExerciseSubmission(input: RecordExerciseSubmissionInput, client?: Db) {
  const at = input.at ?? new Date();
  return clientOr(client).$transaction(async (tx) => {
    const submission = await tx.exerciseSubmission.create({
      data: {
        userId: input.userId,
        exerciseId: input.exerciseId,
        language: input.language,
        code: input.code,
        passed: input.passed,
        results: JSON.stringify(input.results ?? null),
        createdAt: at,
      },
      select: { id: true },
    });
    await bumpActivity(tx, { userId: input.userId, at, seconds: 0, actions: 1 });
    let completed = false;
    if (input.lesson) {
      const { lessonId, exerciseIds, quizId } = input.lesson;
      await touchLesson(tx, { userId: input.userId, lessonId, at });
      const requirements = { lessonId, hasQuiz: quizId !== null, exerciseIds: [...new Set([...exerciseIds, input.exerciseId])] };
      completed = (await settleCompletion(tx, input.userId, requirements)) !== null;
    }
    return { submissionId: submission.id, completed };
  });
}
