import { describe, expect, it } from "vitest";
import { listExerciseIds, loadExercise } from "@/lib/content/exercises";
import { LANGUAGE_TRACKS } from "@/lib/course/vocabulary";
import { checkExercise } from "@/lib/grading/check-exercise";

// checkExercise end to end through each language's real toolchain, on the first exercise of each track: its
// reference solution passes cleanly and its starter does not. `npm run content:check` does the same for every
// exercise in the course, so this file does not repeat all of them.
describe("exercises", async () => {
  const ids = await listExerciseIds();
  const firstPerTrack = LANGUAGE_TRACKS.map((track) => ids.find((id) => id.startsWith(`${track}/`))!);

  it("has one exercise per track at least", () => {
    for (const track of LANGUAGE_TRACKS) expect(ids.some((id) => id.startsWith(`${track}/`))).toBe(true);
  });

  it.each(firstPerTrack)("%s: the solution passes and the starter fails", async (id) => {
    const exercise = (await loadExercise(id))!;
    const solved = await checkExercise(exercise, exercise.solution, "test");
    expect(solved.stderr).toBe("");
    expect(solved.tests.filter((test) => !test.passed)).toEqual([]);
    expect(solved.passed).toBe(true);
    const started = await checkExercise(exercise, exercise.starter, "test");
    expect(started.passed).toBe(false);
    expect(started.tests.some((test) => !test.passed && test.message.length > 0)).toBe(true);
  });

  it("rejects ids that try to leave the lessons folder", async () => {
    expect(await loadExercise("../../etc")).toBeNull();
    expect(await loadExercise("node/../../x")).toBeNull();
  });
});
