import { describe, expect, it } from "vitest";
import { listExerciseIds, loadExercise } from "@/lib/content/exercises";
import { checkExercise } from "@/lib/runner/check-exercise";

// Every exercise in lessons/: its reference solution passes all its tests and its starter does not.
describe("exercises", async () => {
  const ids = await listExerciseIds();

  it("has one exercise per track at least", () => {
    for (const track of ["node", "python", "go", "rust"]) expect(ids.some((id) => id.startsWith(`${track}/`))).toBe(true);
  });

  it.each(ids)("%s: the solution passes and the starter fails", async (id) => {
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
