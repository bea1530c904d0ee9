import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { lessonExerciseIds, lessonExists, loadQuiz } from "@/lib/content/quiz-source";
import { gradeQuiz } from "@/lib/grading/quiz";

beforeAll(() => {
  process.env.LESSONS_DIR = path.join(import.meta.dirname, "fixtures/lessons");
});

describe("quiz source", () => {
  it("reads and validates a lesson's quiz.yaml", async () => {
    const quiz = await loadQuiz("python/03-gil");
    expect(quiz?.passMark).toBe(0.5);
    expect(quiz?.questions.map((q) => q.id)).toEqual(["gil-threads", "throughput"]);
    expect(gradeQuiz(quiz!, { "gil-threads": false, throughput: "1,050" }).score).toBe(1);
  });

  it("is null for a lesson without a quiz, an unknown lesson and a path outside lessons/", async () => {
    expect(await loadQuiz("go/02-no-quiz")).toBeNull();
    expect(await loadQuiz("go/99-missing")).toBeNull();
    expect(await loadQuiz("../etc")).toBeNull();
    expect(await loadQuiz("python/../../x")).toBeNull();
  });

  it("throws on a quiz file that breaks the schema (a content bug, not a learner's)", async () => {
    await expect(loadQuiz("go/01-broken")).rejects.toThrow(/go\/01-broken\/quiz.yaml is not a valid quiz/);
  });

  it("knows which lessons exist and their exercises", async () => {
    expect(await lessonExists("go/02-no-quiz")).toBe(true);
    expect(await lessonExists("go/03-nothing")).toBe(false);
    expect(await lessonExists("go")).toBe(false);
    expect(await lessonExerciseIds("python/03-gil")).toEqual(["python/03-gil/counter", "python/03-gil/sum"]);
    expect(await lessonExerciseIds("go/02-no-quiz")).toEqual([]);
  });
});
