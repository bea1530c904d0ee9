import fs from "node:fs";
import path from "node:path";
import type { RunRequest, RunResult } from "@/lib/runner/types";
import { firstDifferentLine, normaliseOutput, runFailure } from "./examples";
import type { Lesson } from "./load";
import { isYamlSyntaxError, parseYamlSource } from "./yaml-source";

// "What does this print?" quiz questions are checked like examples: the code runs in the real runner and its stdout
// must equal the answer line by line (trailing whitespace ignored), so a quiz never marks the truth wrong. A
// mismatch names the quiz.yaml line of the answer line that differs.

export type OutputQuestion = {
  id: string;
  /** Repository-relative path of the quiz.yaml. */
  file: string;
  language: RunRequest["language"];
  code: string;
  answer: string;
  /** File line of the answer's line `index` (0-based). */
  answerLine: (index: number) => number;
};

/** Every question of kind "output" in these lessons. `base` is the folder lesson paths are relative to. */
export function outputQuestions(lessons: readonly Lesson[], base = process.cwd()): OutputQuestion[] {
  return lessons.flatMap((lesson) => {
    const questions = lesson.quiz?.questions ?? [];
    if (!questions.some((q) => q.kind === "output")) return [];
    const file = `${path.posix.dirname(lesson.file)}/quiz.yaml`;
    const source = fs.readFileSync(path.join(base, file), "utf8");
    const yaml = parseYamlSource(source);
    // The loader accepted this file moments ago; a syntax error now means it changed underneath.
    if (isYamlSyntaxError(yaml)) throw new Error(`${file}:${yaml.line}: ${yaml.message}`);
    const lines = source.split("\n");
    return questions.flatMap((q, i) => {
      if (q.kind !== "output") return [];
      const valueLine = yaml.lineOf(["questions", i, "answer"]);
      // A block scalar (`answer: |`) starts on the line after its indicator, one file line per answer line.
      const block = /:\s*[|>][-+0-9]*\s*(#.*)?$/.test(lines[valueLine - 1] ?? "");
      return [{ id: q.id, file, language: q.language, code: q.code, answer: q.answer, answerLine: (index: number) => (block ? valueLine + 1 + index : valueLine) }];
    });
  });
}

export type OutputQuestionCheck = { question: OutputQuestion; ok: boolean; message?: string };

/** Runs each question's code through `run` (which bounds how many run at once) and compares with its answer. */
export async function checkOutputQuestions(
  questions: readonly OutputQuestion[],
  run: (req: RunRequest) => Promise<RunResult>,
): Promise<OutputQuestionCheck[]> {
  return Promise.all(questions.map((question) => checkOne(question, run)));
}

async function checkOne(question: OutputQuestion, run: (req: RunRequest) => Promise<RunResult>): Promise<OutputQuestionCheck> {
  const at = (index: number) => `${question.file}:${question.answerLine(index)}: question "${question.id}"`;
  const result = await run({ language: question.language, code: question.code });
  const failure = runFailure(result);
  if (failure) return { question, ok: false, message: `${at(0)}: the code ${failure}` };
  const answer = normaliseOutput(question.answer);
  const difference = firstDifferentLine(answer, normaliseOutput(result.stdout));
  if (!difference) return { question, ok: true };
  // Output past the answer's end is reported on the answer's last line, not on whatever field follows it.
  const line = Math.min(difference.index, answer.split("\n").length - 1);
  return {
    question,
    ok: false,
    message: `${at(line)}: answer line ${difference.index + 1} is ${JSON.stringify(difference.expected)} but the code prints ${JSON.stringify(difference.actual)}`,
  };
}
