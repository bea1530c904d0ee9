import { z } from "zod";
import { SLUG_PATTERN } from "@/lib/course/vocabulary";
import { codeLanguageSchema, topicSchema } from "@/lib/course/id-schemas";

// The format of lessons/<track>/<nn-slug>/quiz.yaml. The server grades against the full schema; the page only ever
// receives `publicQuestion` (no answers), so nothing in the HTML or JavaScript gives the answer away.

const text = z.string().trim().min(1);
const topicsSchema = z.array(topicSchema).min(1, "every question tests at least one topic");

const base = {
  id: z.string().regex(SLUG_PATTERN, "question ids are kebab-case"),
  prompt: text,
  explanation: text.describe("shown after submitting, right or wrong"),
  topics: topicsSchema,
  /** Heading id in the lesson that teaches this, for the "review this" link. */
  section: z.string().regex(/^[a-z0-9-]+$/).optional(),
};

// Strict: in a YAML flow mapping `{ id: a, text: One, two }` the comma makes "two" a key of its own; the author
// must hear about it (quote the text) instead of the choice silently losing half its words.
const choiceSchema = z.strictObject({ id: z.string().regex(/^[a-z0-9-]+$/), text });

export const singleChoiceSchema = z.object({
  ...base,
  kind: z.literal("single"),
  choices: z.array(choiceSchema).min(2),
  answer: z.string(),
});

export const multipleChoiceSchema = z.object({
  ...base,
  kind: z.literal("multiple"),
  choices: z.array(choiceSchema).min(2),
  answer: z.array(z.string()).min(1, "a multiple-choice question needs at least one correct choice"),
});

export const trueFalseSchema = z.object({ ...base, kind: z.literal("true-false"), answer: z.boolean() });

export const numericSchema = z.object({
  ...base,
  kind: z.literal("numeric"),
  answer: z.number(),
  /** Accepted distance from the answer, absolute. */
  tolerance: z.number().nonnegative().default(0),
  unit: z.string().optional(),
});

export const orderSchema = z.object({
  ...base,
  kind: z.literal("order"),
  items: z.array(choiceSchema).min(2),
  /** Item ids in the right order; items in one inner list may come in any order among themselves (ties). */
  answer: z.array(z.union([z.string(), z.array(z.string()).min(2)])).min(2),
});

export const outputSchema = z.object({
  ...base,
  kind: z.literal("output"),
  language: codeLanguageSchema,
  code: text,
  /** Exactly what the program prints; compared line by line, ignoring trailing whitespace. */
  answer: z.string(),
});

export const fillBlankSchema = z.object({
  ...base,
  kind: z.literal("fill-blank"),
  language: codeLanguageSchema,
  /** Code with each blank written as ___ (three underscores). */
  code: text,
  /** Per blank, the accepted answers (compared with surrounding whitespace ignored). */
  answer: z.array(z.array(z.string().min(1)).min(1)).min(1),
});

export const questionSchema = z.discriminatedUnion("kind", [
  singleChoiceSchema,
  multipleChoiceSchema,
  trueFalseSchema,
  numericSchema,
  orderSchema,
  outputSchema,
  fillBlankSchema,
]);
export type Question = z.infer<typeof questionSchema>;
export type QuestionKind = Question["kind"];

export const quizSchema = z.object({
  /** Share of points needed to pass, 0..1. */
  passMark: z.number().min(0).max(1).default(0.8),
  questions: z.array(questionSchema).min(1),
});
export type Quiz = z.infer<typeof quizSchema>;

/** What the browser may see of a question: everything but the answer and the explanation. */
export type PublicQuestion =
  | Omit<z.infer<typeof singleChoiceSchema>, "answer" | "explanation">
  | Omit<z.infer<typeof multipleChoiceSchema>, "answer" | "explanation">
  | Omit<z.infer<typeof trueFalseSchema>, "answer" | "explanation">
  | Omit<z.infer<typeof numericSchema>, "answer" | "explanation" | "tolerance">
  | Omit<z.infer<typeof orderSchema>, "answer" | "explanation">
  | Omit<z.infer<typeof outputSchema>, "answer" | "explanation">
  | (Omit<z.infer<typeof fillBlankSchema>, "answer" | "explanation"> & { blanks: number });

export function publicQuestion(q: Question): PublicQuestion {
  switch (q.kind) {
    case "numeric": {
      const { answer: _a, explanation: _e, tolerance: _t, ...rest } = q;
      return rest;
    }
    case "fill-blank": {
      const { answer, explanation: _e, ...rest } = q;
      return { ...rest, blanks: answer.length };
    }
    default: {
      const { answer: _a, explanation: _e, ...rest } = q;
      return rest as PublicQuestion;
    }
  }
}

/** Answers as the learner submits them, keyed by question id. */
export const submittedAnswerSchema = z.union([
  z.string().max(10_000),
  z.number().finite(),
  z.boolean(),
  z.array(z.string().max(10_000)).max(100),
]);
export const submittedAnswersSchema = z.record(z.string().max(100), submittedAnswerSchema);
export type SubmittedAnswers = z.infer<typeof submittedAnswersSchema>;
