import "server-only";
import { getLessonById } from "../content/catalog";
import type { Exercise } from "../content/exercise-schema";
import { findExercise } from "../content/exercises";
import type { Catalog } from "../content/load";
import { gradeQuiz } from "../grading/quiz";
import { gradePlacement, unknownPlacementLessons, type PlacementLesson } from "../path/placement";
import { eventKey, type ExerciseEvent, type ProgressEvent, type Shown } from "./events";
import type { LessonRequirements, VerifiedEvent } from "./model";

// Nothing a browser says about how well it did is taken on its word: before events are applied, the server grades
// quiz answers and placement answers again and checks exercise code again. Events naming something that is not in
// the course (a lesson removed since, a made-up id) are skipped and reported, not stored.

export type Entry = { event: ProgressEvent; shown?: Shown };

export type Verification = {
  verified: VerifiedEvent[];
  /** Keys of events that name no lesson, quiz or exercise of the course. */
  skipped: string[];
  /** Exercises the browser was told it passed that were not confirmed: not checked (over the budget) or failing now. */
  unconfirmed: string[];
};

export type CheckCode = (exercise: Exercise, code: string) => Promise<{ passed: boolean; results: unknown }>;

/** Each re-check is a sandbox run; one merge may cause at most this many. */
export const MAX_MERGE_CHECKS = 8;

/** What completes each lesson of the catalog. */
export function requirementsFrom(catalog: Catalog): (lessonId: string) => LessonRequirements | null {
  return (lessonId) => {
    const lesson = getLessonById(lessonId, catalog);
    return lesson ? { lessonId, hasQuiz: Boolean(lesson.quiz), exerciseIds: lesson.exercises.map((e) => e.id).sort() } : null;
  };
}

/**
 * The exercise events whose code is checked again: of the passes the browser reports, the latest per exercise (one
 * proof per exercise is enough), newest first, at most `max`.
 */
export function exercisesToCheck(entries: Entry[], max = MAX_MERGE_CHECKS): Set<string> {
  const latest = new Map<string, ExerciseEvent>();
  for (const { event, shown } of entries) {
    if (event.type !== "exercise" || !shown?.passed) continue;
    const held = latest.get(event.exerciseId);
    if (!held || event.at > held.at || (event.at === held.at && event.id > held.id)) latest.set(event.exerciseId, event);
  }
  return new Set(
    [...latest.values()]
      .sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id))
      .slice(0, max)
      .map((e) => e.id),
  );
}

/**
 * The entries a merge still has to verify: those not applied before, less the claimed passes older than a claimed
 * pass of the same exercise that was applied before. The earlier merge checked only the latest (one proof per
 * exercise is enough), so checking the older ones now would run code, and add checks, on a repeated merge.
 */
export function entriesToVerify(entries: Entry[], applied: ReadonlySet<string>): Entry[] {
  const lastMergedPass = new Map<string, string>();
  for (const { event, shown } of entries) {
    if (event.type !== "exercise" || !shown?.passed || !applied.has(eventKey(event))) continue;
    if (event.at > (lastMergedPass.get(event.exerciseId) ?? "")) lastMergedPass.set(event.exerciseId, event.at);
  }
  return entries.filter(({ event, shown }) => {
    if (applied.has(eventKey(event))) return false;
    return !(event.type === "exercise" && shown?.passed && event.at <= (lastMergedPass.get(event.exerciseId) ?? ""));
  });
}

export async function verifyEvents(
  entries: Entry[],
  deps: { catalog: Catalog; placement: () => PlacementLesson[]; check: CheckCode; maxChecks?: number },
): Promise<Verification> {
  const verified: VerifiedEvent[] = [];
  const skipped: string[] = [];
  const claimed = new Set<string>();
  const confirmed = new Set<string>();
  const toCheck = exercisesToCheck(entries, deps.maxChecks);
  const lessonKnown = (id: string) => getLessonById(id, deps.catalog) !== undefined;

  // One at a time: each check is a sandbox run, queued behind the client's other runs.
  for (const { event, shown } of entries) {
    switch (event.type) {
      case "visit":
        if (lessonKnown(event.lessonId)) verified.push({ event });
        else skipped.push(eventKey(event));
        break;
      case "quiz": {
        const quiz = getLessonById(event.quizId, deps.catalog)?.quiz;
        if (quiz) verified.push({ event, graded: gradeQuiz(quiz, event.answers) });
        else skipped.push(eventKey(event));
        break;
      }
      case "exercise": {
        const found = findExercise(event.exerciseId, deps.catalog);
        if (!found || found.exercise.language !== event.language) {
          skipped.push(eventKey(event));
          break;
        }
        if (shown?.passed) claimed.add(event.exerciseId);
        if (toCheck.has(event.id)) {
          const checked = await deps.check(found.exercise, event.code);
          if (checked.passed) confirmed.add(event.exerciseId);
          verified.push({ event, checked });
        } else if (!shown?.passed) {
          // A failure costs nothing to believe; a pass counts only as the server's own check finds it.
          verified.push({ event, checked: { passed: false, results: null } });
        }
        break;
      }
      case "placement": {
        const lessons = deps.placement();
        if (unknownPlacementLessons(lessons, event.answers).length > 0) skipped.push(eventKey(event));
        else verified.push({ event, passedLessonIds: gradePlacement(lessons, event.answers).passedLessonIds });
        break;
      }
      case "draft":
        verified.push({ event });
        break;
      case "onboarding":
        verified.push({ event });
        break;
    }
  }
  return { verified, skipped: skipped.sort(), unconfirmed: [...claimed].filter((id) => !confirmed.has(id)).sort() };
}
