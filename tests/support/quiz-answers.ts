import type { Question, SubmittedAnswers } from "../../lib/content/quiz-schema";

/** The right answer to any question, as the quiz form would send it. */
export function rightAnswer(question: Question): SubmittedAnswers[string] {
  switch (question.kind) {
    case "order":
      return question.answer.flatMap((slot) => (typeof slot === "string" ? [slot] : slot));
    case "fill-blank":
      return question.answer.map((accepted) => accepted[0]!);
    default:
      return question.answer;
  }
}
