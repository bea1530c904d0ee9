import path from "node:path";
import { describe, expect, it } from "vitest";
import { getCatalog, loadCatalog } from "@/lib/content/catalog";
import { findExercise, listExerciseIds, loadExercise } from "@/lib/content/exercises";
import { ContentError } from "@/lib/content/issues";
import { lessonExerciseIds, lessonExists, loadQuiz } from "@/lib/content/quiz-source";
import { gradeQuiz } from "@/lib/grading/quiz";

// Quizzes and exercises are looked up in the catalog: the same validated content the pages are built from.

const fixtures = path.resolve(import.meta.dirname, "../../fixtures/content");
const catalog = loadCatalog(path.join(fixtures, "valid", "lessons"));

describe("quiz lookups", () => {
  it("finds a lesson's quiz, answers included, for grading", async () => {
    const quiz = await loadQuiz("node/01-first", catalog);
    expect(quiz?.passMark).toBe(0.8);
    expect(quiz?.questions.map((q) => q.id)).toEqual(["pick-one", "both"]);
    expect(gradeQuiz(quiz!, {}).score).toBe(0);
  });

  it("is null for a lesson without a quiz, an unknown lesson and a path outside lessons/", async () => {
    expect(await loadQuiz("python/01-second", catalog)).toBeNull();
    expect(await loadQuiz("node/99-missing", catalog)).toBeNull();
    expect(await loadQuiz("../etc", catalog)).toBeNull();
    expect(await loadQuiz("node/../../x", catalog)).toBeNull();
  });

  it("knows which lessons exist and their exercises", async () => {
    expect(await lessonExists("python/01-second", catalog)).toBe(true);
    expect(await lessonExists("python/03-nothing", catalog)).toBe(false);
    expect(await lessonExists("node", catalog)).toBe(false);
    expect(await lessonExerciseIds("node/01-first", catalog)).toEqual(["node/01-first/double", "node/01-first/greet"]);
    expect(await lessonExerciseIds("python/01-second", catalog)).toEqual([]);
    expect(await lessonExerciseIds("node/99-missing", catalog)).toEqual([]);
  });
});

describe("exercise lookups", () => {
  it("finds an exercise with its lesson", () => {
    const found = findExercise("node/01-first/greet", catalog);
    expect(found?.exercise).toMatchObject({ id: "node/01-first/greet", language: "python", title: "Greet by name" });
    expect(found?.lesson.id).toBe("node/01-first");
    expect(listExerciseIds(catalog)).toEqual(["node/01-first/double", "node/01-first/greet"]);
  });

  it("does not find unknown ids or ids that try to leave the lessons folder", () => {
    expect(loadExercise("node/01-first/triple", catalog)).toBeNull();
    expect(loadExercise("../../etc", catalog)).toBeNull();
    expect(loadExercise("node/../../x", catalog)).toBeNull();
    expect(loadExercise("node/01-first", catalog)).toBeNull();
  });

  it("reads the course's own lessons by default", { timeout: 30_000 }, () => {
    expect(listExerciseIds()).toEqual(getCatalog().lessons.flatMap((l) => l.exercises.map((e) => e.id)).sort());
    expect(loadExercise("node/01-event-loop/in-order")?.language).toBe("javascript");
  });
});

describe("broken content", () => {
  it("is a content bug, not a learner's: the catalog refuses to load and names every problem", () => {
    expect(() => loadCatalog(path.join(fixtures, "broken", "quiz-without-answer", "lessons"))).toThrow(ContentError);
    expect(() => loadCatalog(path.join(fixtures, "broken", "exercise-without-tests", "lessons"))).toThrow(
      /lessons\/node\/01-first\/exercises\/double\.yaml: exercise has no tests/,
    );
  });
});
