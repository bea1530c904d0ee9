import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { quizSchema } from "@/lib/content/quiz-schema";
import { gradeQuiz } from "@/lib/grading/quiz";

// Every quiz in lessons/ as written: it parses, its choices are exactly what the author typed (a comma in an unquoted
// YAML flow mapping silently cuts a choice's text and adds a stray key, which the schema would strip), and its own
// answers score 100% while an empty submission fails.

const root = path.join(process.cwd(), "lessons");
const quizFiles = fs
  .readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((track) => fs.readdirSync(path.join(root, track.name)).map((lesson) => path.join(track.name, lesson, "quiz.yaml")))
  .filter((file) => fs.existsSync(path.join(root, file)));

describe.each(quizFiles)("lessons/%s", (file) => {
  const raw = parse(fs.readFileSync(path.join(root, file), "utf8")) as { questions: Record<string, unknown>[] };

  it("has choices and items made of exactly an id and a text", () => {
    for (const question of raw.questions) {
      for (const list of [question.choices, question.items].filter(Array.isArray) as Record<string, unknown>[][]) {
        for (const entry of list) expect(Object.keys(entry).sort(), `${question.id}: ${JSON.stringify(entry)}`).toEqual(["id", "text"]);
      }
    }
  });

  it("passes with its own answers and fails with none", () => {
    const quiz = quizSchema.parse(raw);
    const answers = Object.fromEntries(
      quiz.questions.map((q) => [q.id, q.kind === "fill-blank" ? q.answer.map((a) => a[0]!) : q.kind === "order" ? q.answer.flat() : q.answer]),
    );
    expect(gradeQuiz(quiz, answers)).toMatchObject({ score: 1, passed: true });
    expect(gradeQuiz(quiz, {}).passed).toBe(false);
  });
});

it("finds the course's quizzes", () => {
  expect(quizFiles.length).toBeGreaterThanOrEqual(5);
});
