"use client";

import { useSession } from "next-auth/react";
import { useState, type FormEvent } from "react";
import type { PublicQuestion } from "@/lib/content/quiz-schema";
import { recordGuestQuizAttempt } from "@/lib/progress/guest-store";
import { initialOrder, QuestionField, type AnswerValue } from "./question-field";
import "../progress/progress.css";

/** Order questions start shuffled, and that starting order is already an answer the learner may submit. */
function initialAnswers(idPrefix: string, questions: PublicQuestion[]): Record<string, AnswerValue> {
  return Object.fromEntries(questions.flatMap((q) => (q.kind === "order" ? [[q.id, initialOrder(`${idPrefix}-${q.id}`, q.items)]] : [])));
}

type Result = { questionId: string; correct: boolean; credit?: number; expected: string; explanation: string; topics?: string[]; section?: string };
type Graded = { score: number; passed: boolean; results: Result[]; saved?: boolean; completed?: boolean; bestScore?: number };

export type QuizFormProps = {
  /** The lesson id, `<track>/<nn-slug>`; the quiz has the same id. */
  lessonId: string;
  questions: PublicQuestion[];
  /** Whether the lesson has exercises, which must pass too before a guest's passing quiz completes the lesson. */
  hasExercises?: boolean;
};

/** A lesson's quiz: answers go to the server for grading; results, right answers and explanations come back. */
export function QuizForm({ lessonId, questions, hasExercises = false }: QuizFormProps) {
  const { status } = useSession();
  const [answers, setAnswers] = useState<Record<string, AnswerValue>>(() => initialAnswers(`quiz-${lessonId}`, questions));
  const [graded, setGraded] = useState<Graded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [round, setRound] = useState(0);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const response = await fetch(`/api/quizzes/${lessonId}/attempts`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ answers }),
      });
      const body = await response.json().catch(() => null);
      if (!response.ok || !body) {
        setError(body?.error ?? `The quiz could not be graded (${response.status}). Try again.`);
        return;
      }
      const result = body as Graded;
      if (!result.saved && status !== "authenticated") {
        recordGuestQuizAttempt({
          quizId: lessonId,
          lessonId,
          answers,
          score: result.score,
          passed: result.passed,
          results: result.results.map((r) => ({ questionId: r.questionId, correct: r.correct, topics: r.topics ?? [] })),
          completes: !hasExercises,
        });
      }
      setGraded(result);
      requestAnimationFrame(() => document.getElementById(`quiz-result-${lessonId}`)?.focus());
    } catch {
      setError("No connection to the server: your answers are still here. Try again when you are back online.");
    } finally {
      setPending(false);
    }
  }

  function retry() {
    setGraded(null);
    setAnswers(initialAnswers(`quiz-${lessonId}`, questions));
    setRound((r) => r + 1);
    requestAnimationFrame(() => document.getElementById(`quiz-${lessonId}-${questions[0]?.id}`)?.focus());
  }

  const byId = new Map(graded?.results.map((r) => [r.questionId, r]));
  return (
    <form className="quiz" onSubmit={submit} aria-labelledby={`quiz-title-${lessonId}`} noValidate>
      <h2 id={`quiz-title-${lessonId}`}>Check your understanding</h2>
      {graded && (
        <div id={`quiz-result-${lessonId}`} tabIndex={-1} className={`alert ${graded.passed ? "alert-success" : "alert-error"}`} data-testid="quiz-score">
          <p>
            <strong>
              Score: {Math.round(graded.score * 100)}% — {graded.passed ? "passed" : "not passed yet"}.
            </strong>{" "}
            {graded.bestScore !== undefined && `Best so far: ${Math.round(graded.bestScore * 100)}%. `}
            {graded.saved === false && status !== "authenticated" && "Saved in this browser; sign up to keep it on every device."}
          </p>
        </div>
      )}
      <ol className="quiz-questions">
        {questions.map((question, index) => (
          <li key={`${round}-${question.id}`} className="quiz-question card">
            <QuestionField
              idPrefix={`quiz-${lessonId}`}
              number={index + 1}
              question={question}
              value={answers[question.id]}
              disabled={Boolean(graded) || pending}
              onChange={(value) => setAnswers((a) => ({ ...a, [question.id]: value }))}
            />
            {byId.get(question.id) && <QuestionFeedback result={byId.get(question.id)!} />}
          </li>
        ))}
      </ol>
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      <div className="quiz-actions">
        {graded ? (
          <button type="button" className="button" onClick={retry}>
            Try again
          </button>
        ) : (
          <button type="submit" className="button" disabled={pending}>
            {pending ? "Checking…" : "Check answers"}
          </button>
        )}
      </div>
    </form>
  );
}

function QuestionFeedback({ result }: { result: Result }) {
  const partial = !result.correct && (result.credit ?? 0) > 0;
  return (
    <div className={`quiz-feedback ${result.correct ? "is-correct" : "is-wrong"}`} data-testid={`feedback-${result.questionId}`}>
      <p>
        <strong>{result.correct ? "✓ Correct" : partial ? `◐ Partly right (${Math.round((result.credit ?? 0) * 100)}%)` : "✗ Not quite"}</strong>
      </p>
      {!result.correct && (
        <p>
          Correct answer: <span className="quiz-expected">{result.expected}</span>
        </p>
      )}
      <p>{result.explanation}</p>
      {result.section && (
        <p>
          <a href={`#${result.section}`}>Review this in the lesson</a>
        </p>
      )}
    </div>
  );
}
