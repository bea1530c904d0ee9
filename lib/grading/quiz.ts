import { normaliseOutput } from "../content/examples";
import type { Question, Quiz, SubmittedAnswers } from "../content/quiz-schema";

// Pure quiz grading: quiz + submitted answers -> score and per-question results. It never throws on what a learner
// sends: a missing or ill-typed answer is simply wrong.
//
// Credit per question (the quiz score is the mean credit):
// - multiple: (right selections - wrong selections) / number of right choices, floored at 0; a question is
//   `correct` only when the selection is exactly the right set. Guessing every box therefore earns nothing.
// - fill-blank: the share of blanks filled correctly; `correct` only when every blank is.
// - every other kind: 1 or 0.
//
// The right answer is in a result only for the questions the caller reveals: a learner who sees it after one wrong
// try copies instead of thinking again. The quiz form asks for it after a second wrong try, or when the learner
// presses "Show answer"; the explanation is always there.

export type QuestionResult = {
  questionId: string;
  correct: boolean;
  /** 0..1, partial credit for multiple choice and fill-blank. */
  credit: number;
  /** The right answer, written for a person; only for revealed questions. */
  expected?: string;
  explanation: string;
  topics: string[];
  section?: string;
};

export type GradedQuiz = { score: number; passed: boolean; results: QuestionResult[] };

export type GradeQuizOptions = {
  /** Ids of the questions whose right answer the result may carry; none by default. */
  reveal?: readonly string[];
};

/** Scores within this distance of the pass mark count as passing, so 4/5 passes a 0.8 mark despite float error. */
const SCORE_EPSILON = 1e-9;

export function gradeQuiz(quiz: Quiz, answers: SubmittedAnswers | Record<string, unknown>, options: GradeQuizOptions = {}): GradedQuiz {
  const reveal = new Set(options.reveal ?? []);
  const results = quiz.questions.map((question) => {
    const submitted = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
    const credit = clamp01(creditFor(question, submitted));
    return {
      questionId: question.id,
      correct: credit === 1,
      credit,
      ...(reveal.has(question.id) ? { expected: renderExpected(question) } : {}),
      explanation: question.explanation,
      topics: question.topics,
      ...(question.section ? { section: question.section } : {}),
    };
  });
  const score = results.reduce((sum, r) => sum + r.credit, 0) / Math.max(1, results.length);
  return { score, passed: score + SCORE_EPSILON >= quiz.passMark, results };
}

function clamp01(n: number): number {
  return Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === "string");
}

function creditFor(question: Question, submitted: unknown): number {
  switch (question.kind) {
    case "single":
      return submitted === question.answer ? 1 : 0;
    case "multiple":
      return multipleCredit(question.answer, submitted);
    case "true-false":
      return submitted === question.answer ? 1 : 0;
    case "numeric":
      return numericCorrect(question.answer, question.tolerance, submitted) ? 1 : 0;
    case "order":
      return orderCorrect(question.answer, question.items.map((i) => i.id), submitted) ? 1 : 0;
    case "output":
      return typeof submitted === "string" && normaliseOutput(submitted) === normaliseOutput(question.answer) ? 1 : 0;
    case "fill-blank":
      return fillBlankCredit(question.answer, submitted);
  }
}

function multipleCredit(answer: string[], submitted: unknown): number {
  if (!isStringArray(submitted)) return 0;
  const right = new Set(answer);
  const chosen = new Set(submitted);
  let hits = 0;
  let misses = 0;
  for (const id of chosen) {
    if (right.has(id)) hits += 1;
    else misses += 1;
  }
  return Math.max(0, (hits - misses) / right.size);
}

function parseNumber(submitted: unknown): number | null {
  if (typeof submitted === "number") return Number.isFinite(submitted) ? submitted : null;
  // A text box sends text; "1,000" and "1 000" are how people write thousands.
  if (typeof submitted === "string" && submitted.trim() !== "") {
    const n = Number(submitted.trim().replace(/[,_\s]/g, ""));
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

function numericCorrect(answer: number, tolerance: number, submitted: unknown): boolean {
  const value = parseNumber(submitted);
  if (value === null) return false;
  // Bounds are inclusive; the slack absorbs binary float error so 0.3 ± 0.1 accepts 0.4.
  const slack = 1e-9 * Math.max(1, Math.abs(answer), tolerance);
  return Math.abs(value - answer) <= tolerance + slack;
}

function orderCorrect(answer: (string | string[])[], itemIds: string[], submitted: unknown): boolean {
  if (!isStringArray(submitted) || submitted.length !== itemIds.length) return false;
  if (new Set(submitted).size !== submitted.length) return false;
  let position = 0;
  for (const slot of answer) {
    const group = typeof slot === "string" ? [slot] : slot;
    const given = new Set(submitted.slice(position, position + group.length));
    if (group.length !== given.size || !group.every((id) => given.has(id))) return false;
    position += group.length;
  }
  return position === submitted.length;
}

function fillBlankCredit(answer: string[][], submitted: unknown): number {
  // A single blank may arrive as a plain string from a simple form.
  const given = typeof submitted === "string" && answer.length === 1 ? [submitted] : submitted;
  if (!isStringArray(given) || given.length !== answer.length) return 0;
  const right = answer.filter((accepted, i) => accepted.some((a) => a.trim() === given[i]!.trim())).length;
  return right / answer.length;
}

function choiceText(choices: { id: string; text: string }[], id: string): string {
  return choices.find((c) => c.id === id)?.text ?? id;
}

function trimNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(12)));
}

export function renderExpected(question: Question): string {
  switch (question.kind) {
    case "single":
      return choiceText(question.choices, question.answer);
    case "multiple":
      return question.answer.map((id) => choiceText(question.choices, id)).join("; ");
    case "true-false":
      return question.answer ? "True" : "False";
    case "numeric": {
      const unit = question.unit ? ` ${question.unit}` : "";
      const range = question.tolerance > 0 ? ` (anything from ${trimNumber(question.answer - question.tolerance)} to ${trimNumber(question.answer + question.tolerance)}${unit})` : "";
      return `${trimNumber(question.answer)}${unit}${range}`;
    }
    case "order":
      return question.answer
        .map((slot) =>
          typeof slot === "string"
            ? choiceText(question.items, slot)
            : `${slot.map((id) => choiceText(question.items, id)).join(" / ")} (in any order)`,
        )
        .join(" → ");
    case "output":
      return question.answer;
    case "fill-blank":
      return question.answer
        .map((accepted, i) => `${question.answer.length > 1 ? `blank ${i + 1}: ` : ""}${accepted.join(" or ")}`)
        .join("; ");
  }
}
