import { describe, expect, it } from "vitest";
import { quizSchema, type Quiz } from "@/lib/content/quiz-schema";
import { gradeQuiz } from "@/lib/grading/quiz";

const common = { prompt: "Question?", explanation: "Because.", topics: ["t"] };

function quizOf(question: Record<string, unknown>, passMark?: number): Quiz {
  return quizSchema.parse({ ...(passMark === undefined ? {} : { passMark }), questions: [{ id: "q", ...common, ...question }] });
}

const choices = [
  { id: "a", text: "Alpha" },
  { id: "b", text: "Beta" },
  { id: "c", text: "Gamma" },
  { id: "d", text: "Delta" },
];

const single = quizOf({ kind: "single", choices, answer: "b" });
const multiple = quizOf({ kind: "multiple", choices, answer: ["a", "c"] });
const trueFalse = quizOf({ kind: "true-false", answer: false });
const numeric = quizOf({ kind: "numeric", answer: 100, tolerance: 10, unit: "ms" });
const numericExact = quizOf({ kind: "numeric", answer: 0.3, tolerance: 0.1 });
const order = quizOf({
  kind: "order",
  items: [
    { id: "parse", text: "Parse" },
    { id: "auth", text: "Authenticate" },
    { id: "log", text: "Log" },
    { id: "respond", text: "Respond" },
  ],
  answer: ["parse", ["auth", "log"], "respond"],
});
const output = quizOf({ kind: "output", language: "python", code: "print(1)\nprint(2)", answer: "1\n2\n" });
const fill = quizOf({
  kind: "fill-blank",
  language: "go",
  code: "x ___ 1\nfmt.___(x)",
  answer: [[":="], ["Println", "Print"]],
});
const fillOne = quizOf({ kind: "fill-blank", language: "rust", code: "let ___ x = 1;", answer: [["mut"]] });

type Row = { name: string; quiz: Quiz; answer: unknown; correct: boolean; credit: number };

const rows: Row[] = [
  // single
  { name: "single: right choice", quiz: single, answer: "b", correct: true, credit: 1 },
  { name: "single: wrong choice", quiz: single, answer: "a", correct: false, credit: 0 },
  { name: "single: unknown id", quiz: single, answer: "zzz", correct: false, credit: 0 },
  { name: "single: array instead of id", quiz: single, answer: ["b"], correct: false, credit: 0 },
  { name: "single: missing", quiz: single, answer: undefined, correct: false, credit: 0 },
  // multiple: (hits - misses) / right, floored at 0; correct only when exact
  { name: "multiple: exact set", quiz: multiple, answer: ["c", "a"], correct: true, credit: 1 },
  { name: "multiple: one of two right", quiz: multiple, answer: ["a"], correct: false, credit: 0.5 },
  { name: "multiple: both right plus one wrong", quiz: multiple, answer: ["a", "c", "b"], correct: false, credit: 0.5 },
  { name: "multiple: one right one wrong", quiz: multiple, answer: ["a", "b"], correct: false, credit: 0 },
  { name: "multiple: everything ticked", quiz: multiple, answer: ["a", "b", "c", "d"], correct: false, credit: 0 },
  { name: "multiple: only wrong floors at 0", quiz: multiple, answer: ["b", "d"], correct: false, credit: 0 },
  { name: "multiple: duplicates count once", quiz: multiple, answer: ["a", "a", "c"], correct: true, credit: 1 },
  { name: "multiple: nothing ticked", quiz: multiple, answer: [], correct: false, credit: 0 },
  { name: "multiple: a string instead of a list", quiz: multiple, answer: "a", correct: false, credit: 0 },
  // true-false
  { name: "true-false: right", quiz: trueFalse, answer: false, correct: true, credit: 1 },
  { name: "true-false: wrong", quiz: trueFalse, answer: true, correct: false, credit: 0 },
  { name: "true-false: the string 'false' is not a boolean", quiz: trueFalse, answer: "false", correct: false, credit: 0 },
  { name: "true-false: missing", quiz: trueFalse, answer: undefined, correct: false, credit: 0 },
  // numeric, tolerance bounds inclusive
  { name: "numeric: exact", quiz: numeric, answer: 100, correct: true, credit: 1 },
  { name: "numeric: lower bound", quiz: numeric, answer: 90, correct: true, credit: 1 },
  { name: "numeric: upper bound", quiz: numeric, answer: 110, correct: true, credit: 1 },
  { name: "numeric: just below", quiz: numeric, answer: 89.999, correct: false, credit: 0 },
  { name: "numeric: just above", quiz: numeric, answer: 110.001, correct: false, credit: 0 },
  { name: "numeric: numeric text", quiz: numeric, answer: " 105 ", correct: true, credit: 1 },
  { name: "numeric: thousands separator", quiz: quizOf({ kind: "numeric", answer: 100000 }), answer: "100,000", correct: true, credit: 1 },
  { name: "numeric: words", quiz: numeric, answer: "a hundred", correct: false, credit: 0 },
  { name: "numeric: empty text", quiz: numeric, answer: "", correct: false, credit: 0 },
  { name: "numeric: boolean", quiz: numeric, answer: true, correct: false, credit: 0 },
  { name: "numeric: float bound 0.4 for 0.3±0.1", quiz: numericExact, answer: 0.4, correct: true, credit: 1 },
  { name: "numeric: float bound 0.2 for 0.3±0.1", quiz: numericExact, answer: 0.2, correct: true, credit: 1 },
  { name: "numeric: zero tolerance wants exact", quiz: quizOf({ kind: "numeric", answer: 4 }), answer: 4.01, correct: false, credit: 0 },
  // order with ties
  { name: "order: canonical", quiz: order, answer: ["parse", "auth", "log", "respond"], correct: true, credit: 1 },
  { name: "order: tie swapped", quiz: order, answer: ["parse", "log", "auth", "respond"], correct: true, credit: 1 },
  { name: "order: tie member out of its slot", quiz: order, answer: ["auth", "parse", "log", "respond"], correct: false, credit: 0 },
  { name: "order: last two swapped", quiz: order, answer: ["parse", "auth", "respond", "log"], correct: false, credit: 0 },
  { name: "order: an item missing", quiz: order, answer: ["parse", "auth", "log"], correct: false, credit: 0 },
  { name: "order: an item repeated", quiz: order, answer: ["parse", "auth", "auth", "respond"], correct: false, credit: 0 },
  { name: "order: unknown item", quiz: order, answer: ["parse", "auth", "log", "nope"], correct: false, credit: 0 },
  { name: "order: not a list", quiz: order, answer: "parse,auth,log,respond", correct: false, credit: 0 },
  // output, line by line
  { name: "output: exact", quiz: output, answer: "1\n2\n", correct: true, credit: 1 },
  { name: "output: no final newline", quiz: output, answer: "1\n2", correct: true, credit: 1 },
  { name: "output: CRLF", quiz: output, answer: "1\r\n2\r\n", correct: true, credit: 1 },
  { name: "output: trailing spaces and tabs", quiz: output, answer: "1  \n2\t\n\n", correct: true, credit: 1 },
  { name: "output: leading space matters", quiz: output, answer: " 1\n2", correct: false, credit: 0 },
  { name: "output: one line instead of two", quiz: output, answer: "1 2", correct: false, credit: 0 },
  { name: "output: a blank line in between matters", quiz: output, answer: "1\n\n2", correct: false, credit: 0 },
  { name: "output: a number instead of text", quiz: output, answer: 12, correct: false, credit: 0 },
  // fill-blank
  { name: "fill-blank: all right", quiz: fill, answer: [":=", "Println"], correct: true, credit: 1 },
  { name: "fill-blank: alternative accepted answer", quiz: fill, answer: [":=", "Print"], correct: true, credit: 1 },
  { name: "fill-blank: whitespace around blanks", quiz: fill, answer: ["  :=\t", " Println\n"], correct: true, credit: 1 },
  { name: "fill-blank: half right", quiz: fill, answer: ["=", "Println"], correct: false, credit: 0.5 },
  { name: "fill-blank: case matters", quiz: fill, answer: [":=", "println"], correct: false, credit: 0.5 },
  { name: "fill-blank: too few blanks", quiz: fill, answer: [":="], correct: false, credit: 0 },
  { name: "fill-blank: too many blanks", quiz: fill, answer: [":=", "Println", "x"], correct: false, credit: 0 },
  { name: "fill-blank: one blank as a string", quiz: fillOne, answer: " mut ", correct: true, credit: 1 },
  { name: "fill-blank: two blanks as one string", quiz: fill, answer: ":=", correct: false, credit: 0 },
];

describe("gradeQuiz: every kind, every edge", () => {
  it.each(rows)("$name", ({ quiz, answer, correct, credit }) => {
    const graded = gradeQuiz(quiz, answer === undefined ? {} : { q: answer as never });
    expect(graded.results).toHaveLength(1);
    expect(graded.results[0]!.correct).toBe(correct);
    expect(graded.results[0]!.credit).toBeCloseTo(credit, 10);
    expect(graded.score).toBeCloseTo(credit, 10);
  });
});

describe("expected answers are written for a person", () => {
  it.each([
    { quiz: single, expected: "Beta" },
    { quiz: multiple, expected: "Alpha; Gamma" },
    { quiz: trueFalse, expected: "False" },
    { quiz: numeric, expected: "100 ms (anything from 90 to 110 ms)" },
    { quiz: numericExact, expected: "0.3 (anything from 0.2 to 0.4)" },
    { quiz: order, expected: "Parse → Authenticate / Log (in any order) → Respond" },
    { quiz: output, expected: "1\n2\n" },
    { quiz: fill, expected: "blank 1: :=; blank 2: Println or Print" },
    { quiz: fillOne, expected: "mut" },
  ])("$expected", ({ quiz, expected }) => {
    expect(gradeQuiz(quiz, {}, { reveal: ["q"] }).results[0]!.expected).toBe(expected);
  });
});

describe("the right answer is sent only for revealed questions", () => {
  const two = quizSchema.parse({
    questions: [
      { id: "x", ...common, kind: "single", choices, answer: "b" },
      { id: "y", ...common, kind: "true-false", answer: true },
    ],
  });

  it("reveals nothing by default, wrong answers included, but always explains", () => {
    const graded = gradeQuiz(two, { x: "a", y: false });
    for (const result of graded.results) {
      expect(result).not.toHaveProperty("expected");
      expect(result.explanation).toBe("Because.");
    }
    expect(JSON.stringify(graded)).not.toContain("Beta");
  });

  it("reveals exactly the questions asked for, whatever the answers", () => {
    const graded = gradeQuiz(two, { x: "a", y: true }, { reveal: ["y"] });
    expect(graded.results.map((r) => r.expected)).toEqual([undefined, "True"]);
    expect(gradeQuiz(two, { x: "a" }, { reveal: ["x", "y"] }).results.map((r) => r.expected)).toEqual(["Beta", "True"]);
  });

  it("ignores ids the quiz does not have, and revealing changes no score", () => {
    const plain = gradeQuiz(two, { x: "b", y: false });
    const revealed = gradeQuiz(two, { x: "b", y: false }, { reveal: ["nope", "__proto__", "x"] });
    expect(revealed.results.map((r) => r.expected)).toEqual(["Beta", undefined]);
    expect({ score: revealed.score, passed: revealed.passed }).toEqual({ score: plain.score, passed: plain.passed });
  });
});

describe("quiz score and pass mark", () => {
  const five = quizSchema.parse({
    questions: ["a", "b", "c", "d", "e"].map((id) => ({ id, ...common, kind: "true-false", answer: true })),
  });
  const answersRight = (n: number) => Object.fromEntries(["a", "b", "c", "d", "e"].map((id, i) => [id, i < n]));

  it("passes at exactly the default 80% mark", () => {
    const graded = gradeQuiz(five, answersRight(4));
    expect(graded.score).toBeCloseTo(0.8, 10);
    expect(graded.passed).toBe(true);
  });

  it("fails just under the mark", () => {
    expect(gradeQuiz(five, answersRight(3)).passed).toBe(false);
  });

  it("honours a lesson's own pass mark", () => {
    const lenient = { ...five, passMark: 0.6 };
    expect(gradeQuiz(lenient, answersRight(3)).passed).toBe(true);
  });

  it("counts partial credit in the score but not as correct", () => {
    const quiz = quizSchema.parse({
      questions: [
        { id: "m", ...common, kind: "multiple", choices, answer: ["a", "c"] },
        { id: "t", ...common, kind: "true-false", answer: true },
      ],
    });
    const graded = gradeQuiz(quiz, { m: ["a"], t: true });
    expect(graded.score).toBeCloseTo(0.75, 10);
    expect(graded.results.map((r) => r.correct)).toEqual([false, true]);
  });

  it("ignores answers to questions the quiz does not have, and prototype keys", () => {
    const graded = gradeQuiz(single, JSON.parse('{"__proto__": "b", "other": "b"}'));
    expect(graded.score).toBe(0);
  });

  it("carries explanation, topics and section through", () => {
    const quiz = quizSchema.parse({
      questions: [{ id: "s", ...common, topics: ["gil", "threads"], section: "the-gil", kind: "true-false", answer: true }],
    });
    expect(gradeQuiz(quiz, { s: false }, { reveal: ["s"] }).results[0]).toMatchObject({
      questionId: "s",
      correct: false,
      expected: "True",
      explanation: "Because.",
      topics: ["gil", "threads"],
      section: "the-gil",
    });
  });
});
