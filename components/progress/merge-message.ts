import { eventKey } from "@/lib/progress/events";
import type { GuestState } from "@/lib/progress/guest-schema";
import { exerciseDraftKey } from "@/lib/progress/model";

// What the learner is told once their guest progress is in their account: what came over, in their words.

export type MergeAnswer = { events: number; skipped: string[]; unconfirmedExercises: string[] };

/** Exercise code is kept as a draft under this prefix: it counts with the exercise, not as an edited example. */
const EXERCISE_DRAFTS = exerciseDraftKey("");

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function listed(parts: string[]): string {
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

/** What the guest's events amount to, leaving out those the server skipped. */
function cameOver(guest: GuestState, skipped: Set<string>): string[] {
  const events = guest.entries.map((e) => e.event).filter((e) => !skipped.has(eventKey(e)));
  const distinct = (values: string[]) => new Set(values).size;
  const lessons = distinct(events.flatMap((e) => (e.type === "visit" ? [e.lessonId] : [])));
  const quizzes = events.filter((e) => e.type === "quiz").length;
  const drafts = events.flatMap((e) => (e.type === "draft" && e.code !== null ? [e.key] : []));
  const exercises = distinct([
    ...events.flatMap((e) => (e.type === "exercise" ? [e.exerciseId] : [])),
    ...drafts.filter((key) => key.startsWith(EXERCISE_DRAFTS)).map((key) => key.slice(EXERCISE_DRAFTS.length)),
  ]);
  const examples = drafts.filter((key) => !key.startsWith(EXERCISE_DRAFTS)).length;
  return [
    ...(events.some((e) => e.type === "onboarding") ? ["your onboarding answers"] : []),
    ...(events.some((e) => e.type === "placement") ? ["your placement quiz"] : []),
    ...(lessons ? [count(lessons, "lesson opened", "lessons opened")] : []),
    ...(quizzes ? [count(quizzes, "quiz attempt", "quiz attempts")] : []),
    ...(exercises ? [count(exercises, "exercise", "exercises")] : []),
    ...(examples ? [count(examples, "edited example", "edited examples")] : []),
  ];
}

/** A pass counts only when the server's own check of the code passes; older browsers did not keep the code. */
function unconfirmedNote(exerciseIds: string[]): string {
  if (exerciseIds.length === 0) return "";
  const them = exerciseIds.length === 1 ? "it" : "them";
  return ` ${count(exerciseIds.length, "exercise pass", "exercise passes")} could not be confirmed (this browser did not keep the code, or it does not pass the server's check): check ${them} again to record ${them}.`;
}

export function mergeMessage(guest: GuestState, merged: MergeAnswer): string {
  const parts = cameOver(guest, new Set(merged.skipped));
  const what = parts.length ? `Saved to your account from this browser: ${listed(parts)}.` : "Your progress from this browser is now saved to your account.";
  // Skipped events name lessons or questions the course no longer has: nothing the learner can act on, not an error.
  const skipped = merged.skipped.length ? ` (${count(merged.skipped.length, "entry", "entries")} about content no longer in the course left out.)` : "";
  return `${what}${skipped}${unconfirmedNote(merged.unconfirmedExercises)}`;
}
