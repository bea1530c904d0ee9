import "server-only";
import type { Db } from "../db/client";
import { bumpActivity, claimEvent, clientOr } from "./store";
import { touchLesson } from "./attempts";

export type RecordLessonVisitInput = {
  userId: string;
  lessonId: string;
  /** Time spent since the last save from this page; 0 when the lesson was just opened. */
  secondsSpent: number;
  /** Client-made id of this save, so a retry after a lost response is not counted twice. */
  eventId?: string;
  at?: Date;
};

export async function recordLessonVisit(input: RecordLessonVisitInput, client?: Db): Promise<{ applied: boolean }> {
  const at = input.at ?? new Date();
  return clientOr(client).$transaction(async (tx) => {
    if (input.eventId && !(await claimEvent(tx, { userId: input.userId, eventId: `visit:${input.eventId}` }))) {
      return { applied: false };
    }
    await touchLesson(tx, { userId: input.userId, lessonId: input.lessonId, at, completes: false, seconds: input.secondsSpent });
    await bumpActivity(tx, { userId: input.userId, at, seconds: input.secondsSpent, actions: input.secondsSpent === 0 ? 1 : 0 });
    return { applied: true };
  });
}
