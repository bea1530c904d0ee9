import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkLab, loadLab } from "@/lib/content/lab";
import type { Lesson } from "@/lib/content/load";
import { checkOutputQuestions, outputQuestions } from "@/lib/content/output-questions";
import { validateQuiz } from "@/lib/content/quiz-validate";
import { runCode } from "@/lib/runner/run-code";

// What `npm run content:check` runs beyond the examples, through the real sandbox: the lab's programs, and every
// "what does this print" question, whose mismatches name the quiz.yaml line to fix.

const repo = fs.mkdtempSync(path.join(os.tmpdir(), "bp-output-q-"));
afterAll(() => fs.rmSync(repo, { recursive: true, force: true }));

const QUIZ = `passMark: 0.8
questions:
  - id: right
    kind: output
    prompt: What does this print?
    language: python
    code: |
      for word in ["go", "rust"]:
          print(word.upper())
    answer: |
      GO
      RUST
    explanation: Each word, upper-cased.
    topics: [t]
  - id: wrong-second-line
    kind: output
    prompt: What does this print?
    language: go
    code: |
      package main
      import "fmt"
      func main() { fmt.Println(1 + 1); fmt.Println(7 / 2) }
    answer: |
      2
      3.5
    explanation: Integer division.
    topics: [t]
  - id: wrong-inline
    kind: output
    prompt: What does this print?
    language: typescript
    code: "const n: number = 6 * 7; console.log(n)"
    answer: "41"
    explanation: Six times seven.
    topics: [t]
  - id: not-a-print
    kind: true-false
    prompt: Output questions are checked.
    answer: true
    explanation: By this test.
    topics: [t]
`;

function lessonWithQuiz(source: string): Lesson {
  const file = "lessons/t/01-x/quiz.yaml";
  fs.mkdirSync(path.join(repo, "lessons/t/01-x"), { recursive: true });
  fs.writeFileSync(path.join(repo, file), source);
  const { quiz, issues } = validateQuiz(source, file, new Set());
  expect(issues).toEqual([]);
  return { file: "lessons/t/01-x/index.mdx", quiz } as Lesson;
}

describe("output questions", () => {
  it("runs each in the sandbox and names the quiz.yaml line of the first answer line that differs", async () => {
    const questions = outputQuestions([lessonWithQuiz(QUIZ)], repo);
    expect(questions.map((q) => q.id)).toEqual(["right", "wrong-second-line", "wrong-inline"]);
    const results = await checkOutputQuestions(questions, (req) => runCode(req));
    expect(results.map((r) => [r.question.id, r.ok, r.message])).toEqual([
      ["right", true, undefined],
      ["wrong-second-line", false, 'lessons/t/01-x/quiz.yaml:25: question "wrong-second-line": answer line 2 is "3.5" but the code prints "3"'],
      ["wrong-inline", false, 'lessons/t/01-x/quiz.yaml:33: question "wrong-inline": answer line 1 is "41" but the code prints "42"'],
    ]);
    const lines = QUIZ.split("\n");
    expect(lines[24]).toBe("      3.5");
    expect(lines[32]).toContain('answer: "41"');
  });

  it("reports a question whose code does not run, at its answer", async () => {
    const source = QUIZ.replace('print(word.upper())', 'print(word.upper()');
    const [result] = await checkOutputQuestions(outputQuestions([lessonWithQuiz(source)], repo).slice(0, 1), (req) => runCode(req));
    expect(result!.ok).toBe(false);
    expect(result!.message).toMatch(/^lessons\/t\/01-x\/quiz\.yaml:11: question "right": the code exited with code 1\n {2}.*SyntaxError/s);
  });
});

describe("the lab's programs", () => {
  it("all print their expected output in the four languages", async () => {
    const results = await checkLab(loadLab().programs, (req) => runCode(req));
    expect(results.filter((r) => !r.ok).map((r) => r.message)).toEqual([]);
    expect(results).toHaveLength(8);
  }, 120_000);

  it("an edited program that prints another result is reported at the expected.out line", async () => {
    const fib = loadLab().programs.find((p) => p.id === "fib")!;
    const python = fib.sources.find((s) => s.language === "python")!;
    const edited = { ...fib, sources: [{ ...python, code: python.code.replace("N = 30", "N = 29") }] };
    const [result] = await checkLab([edited], (req) => runCode(req));
    expect(result!.message).toBe('lessons/_lab/fib/expected.out:1: lessons/_lab/fib/main.py prints "fib(29) = 514229", expected "fib(30) = 832040"');
  });
});
