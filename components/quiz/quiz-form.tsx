"use client";

import { useSession } from "next-auth/react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import type { PublicQuestion } from "@/lib/content/quiz-schema";
import { guestBestScore, newEventId, readGuestState, recordGuestQuizAttempt } from "@/lib/progress/guest-store";
import { initialOrder, QuestionField, type AnswerValue } from "./question-field";
import "../progress/progress.css";

/** Order questions start shuffled, and that starting order is already an answer the learner may submit. */
function initialAnswers(idPrefix: string, questions: PublicQuestion[]): Record<string, AnswerValue> {
  return Object.fromEntries(questions.flatMap((q) => (q.kind === "order" ? [[q.id, initialOrder(`${idPrefix}-${q.id}`, q.items)]] : [])));
}

type Result = { questionId: string; correct: boolean; credit?: number; expected: string; explanation: string; topics?: string[]; section?: string };
type Graded = {
  score: number;
  passed: boolean;
  results: Result[];
  saved?: boolean;
  completed?: boolean;
  bestScore?: number;
  /** Sent to guests: the lesson's exercises, which must pass too before the lesson counts as completed. */
  exerciseIds?: string[];
};
type Waiting = { reason: string; seconds: number };

const MAX_RETRY_SECONDS = 30;

export type QuizFormProps = {
  /** The lesson id, `<track>/<nn-slug>`; the quiz has the same id. */
  lessonId: string;
  questions: PublicQuestion[];
};

/** A lesson's quiz: answers go to the server for grading; results, right answers and explanations come back. */
export function QuizForm({ lessonId, questions }: QuizFormProps) {
  const { status } = useSession();
  const [answers, setAnswers] = useState<Record<string, AnswerValue>>(() => initialAnswers(`quiz-${lessonId}`, questions));
  const [graded, setGraded] = useState<Graded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [waiting, setWaiting] = useState<Waiting | null>(null);
  const [round, setRound] = useState(0);
  const retryTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const retryNow = useRef<(() => void) | null>(null);

  useEffect(() => () => clearTimeout(retryTimer.current ?? undefined), []);

  // Focus goes where the learner's next step is, after the DOM shows it: the score once graded, the first question
  // on a new round. (The button they pressed is gone, so focus would otherwise fall back to the page.)
  const firstId = `quiz-${lessonId}-${questions[0]?.id}`;
  useEffect(() => {
    if (graded) document.getElementById(`quiz-result-${lessonId}`)?.focus();
    else if (round > 0) document.getElementById(firstId)?.focus();
  }, [graded, round, lessonId, firstId]);

  /**
   * Sends one submission until the server answers it. Network failures and 408/429/5xx are retried with backoff
   * under the same attempt id, so the server records the attempt once however many tries it takes.
   */
  async function send(attemptId: string, submitted: Record<string, AnswerValue>, tries: number): Promise<void> {
    retryTimer.current = null;
    let reason: string;
    try {
      const response = await fetch(`/api/quizzes/${lessonId}/attempts`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ answers: submitted, attemptId }),
      });
      const body = await response.json().catch(() => null);
      if (response.ok && body) return finish(attemptId, submitted, body as Graded);
      if (response.status !== 408 && response.status !== 429 && response.status < 500) {
        setWaiting(null);
        setPending(false);
        setError(body?.error ?? `The quiz could not be graded (${response.status}).`);
        return;
      }
      reason = `The server answered ${response.status}.`;
    } catch {
      reason = "No connection to the server.";
    }
    const seconds = Math.min(MAX_RETRY_SECONDS, 2 ** Math.min(tries, 5));
    setWaiting({ reason, seconds });
    const again = () => {
      clearTimeout(retryTimer.current ?? undefined);
      retryNow.current = null;
      void send(attemptId, submitted, tries + 1);
    };
    retryNow.current = again;
    retryTimer.current = setTimeout(again, seconds * 1000);
  }

  function finish(attemptId: string, submitted: Record<string, AnswerValue>, result: Graded) {
    let shown = result;
    if (!result.saved && status !== "authenticated") {
      recordGuestQuizAttempt({
        id: attemptId,
        quizId: lessonId,
        lessonId,
        answers: submitted,
        score: result.score,
        passed: result.passed,
        results: result.results.map((r) => ({ questionId: r.questionId, correct: r.correct, topics: r.topics ?? [] })),
        exerciseIds: result.exerciseIds ?? [],
      });
      const state = readGuestState();
      shown = {
        ...result,
        bestScore: guestBestScore(lessonId, state) ?? result.score,
        completed: Boolean(state?.lessons.find((l) => l.lessonId === lessonId)?.completedAt),
      };
    }
    setWaiting(null);
    setPending(false);
    setGraded(shown);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    setError(null);
    void send(newEventId(), answers, 0);
  }

  function retry() {
    setGraded(null);
    setAnswers(initialAnswers(`quiz-${lessonId}`, questions));
    setRound((r) => r + 1);
  }

  const byId = new Map(graded?.results.map((r) => [r.questionId, r]));
  return (
    <form className="quiz" onSubmit={submit} aria-labelledby={`quiz-title-${lessonId}`} noValidate>
      <h2 id={`quiz-title-${lessonId}`}>Check your understanding</h2>
      {graded && (
        <div id={`quiz-result-${lessonId}`} tabIndex={-1} className={`alert ${graded.passed ? "alert-success" : "alert-error"}`} data-testid="quiz-score">
          <p>
            <strong>
              Score: {Math.round(graded.score * 100)}% ({graded.results.filter((r) => r.correct).length} of {graded.results.length} right) —{" "}
              {graded.passed ? "passed" : "not passed yet"}.
            </strong>{" "}
            {graded.bestScore !== undefined && `Best so far: ${Math.round(graded.bestScore * 100)}%. `}
            {graded.completed && "Lesson completed. "}
            {graded.passed && !graded.completed && "The lesson is completed once its exercises pass too. "}
            {!graded.passed && "Read the explanations below, then try again. "}
          </p>
          {graded.saved === false && status !== "authenticated" && (
            <p>
              Saved in this browser only: <a href={`/signup?callbackUrl=${encodeURIComponent(`/learn/${lessonId}`)}`}>sign up</a> to keep
              your progress on every device.
            </p>
          )}
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
      {waiting && (
        <div className="alert alert-warning" role="status" data-testid="quiz-not-saved">
          <p>
            <strong>{status === "authenticated" ? "Not saved yet." : "Not checked yet."}</strong> {waiting.reason} Your answers are kept
            here; trying again in {waiting.seconds} s.{" "}
            <button type="button" className="button button-ghost button-small" onClick={() => retryNow.current?.()}>
              Retry now
            </button>
          </p>
        </div>
      )}
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      <div className="quiz-actions">
        {graded ? (
          // Distinct keys: reusing one <button> and flipping its type to "submit" mid-click would submit the form.
          <button key="retry" type="button" className="button" onClick={retry}>
            Try again
          </button>
        ) : (
          <button key="submit" type="submit" className="button" disabled={pending}>
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
