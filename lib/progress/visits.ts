import "server-only";
import type { Db } from "../db/client";
import { touchLesson } from "./attempts";
import { creditForDay } from "./bounds";
import { dayKey } from "./rules";
import { bumpActivity, claimEvent, clientOr } from "./store";

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
    const day = await tx.activityDay.findUnique({ where: { userId_day: { userId: input.userId, day: dayKey(at) } }, select: { secondsSpent: true } });
    const seconds = creditForDay(day?.secondsSpent ?? 0, input.secondsSpent);
    await touchLesson(tx, { userId: input.userId, lessonId: input.lessonId, at, seconds });
    await bumpActivity(tx, { userId: input.userId, at, seconds, actions: input.secondsSpent === 0 ? 1 : 0 });
    return { applied: true };
  });
}
