"use client";

import { useSession } from "@/components/auth/session-provider";
import { useEffect, useRef, useState, type FormEvent } from "react";
import type { PublicQuestion } from "@/lib/content/quiz-schema";
import { newEventId } from "@/lib/progress/event-id";
import { initialOrder, QuestionField, type AnswerValue } from "./question-field";
import "../progress/progress.css";

/** Order questions start shuffled, and that starting order is already an answer the learner may submit. */
function initialAnswers(idPrefix: string, questions: PublicQuestion[]): Record<string, AnswerValue> {
  return Object.fromEntries(questions.flatMap((q) => (q.kind === "order" ? [[q.id, initialOrder(`${idPrefix}-${q.id}`, q.items)]] : [])));
}

/** `expected` comes only for questions the submission asked to reveal (lib/grading/quiz.ts). */
type Result = { questionId: string; correct: boolean; credit?: number; expected?: string; explanation: string; topics?: string[]; section?: string };
type Graded = {
  score: number;
  passed: boolean;
  results: Result[];
  saved?: boolean;
  completed?: boolean;
  bestScore?: number;
  /** What completes the lesson (its quiz, its exercises): a guest's browser settles completion with it. */
  lesson?: { hasQuiz: boolean; exerciseIds: string[] };
};
type Waiting = { reason: string; seconds: number };
/**
 * One submission as the server sees it. A new attempt gets a new id; "Show answer" sends the same one again with the
 * question added to `reveal`, so the server grades it again but records it once (the id makes it idempotent).
 */
type Submission = { attemptId: string; answers: Record<string, AnswerValue>; reveal: string[] };

const MAX_RETRY_SECONDS = 30;

export type QuizFormProps = {
  /** The lesson id, `<track>/<nn-slug>`; the quiz has the same id. */
  lessonId: string;
  questions: PublicQuestion[];
};

/**
 * A lesson's quiz: answers go to the server for grading; results and explanations come back. A wrong answer's right
 * answer comes back only after a second wrong try on that question, or when the learner asks ("Show answer"), and
 * "Try again" keeps the right answers, so a retry is thinking again, not copying.
 */
export function QuizForm({ lessonId, questions }: QuizFormProps) {
  const { status } = useSession();
  const [answers, setAnswers] = useState<Record<string, AnswerValue>>(() => initialAnswers(`quiz-${lessonId}`, questions));
  const [graded, setGraded] = useState<Graded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [waiting, setWaiting] = useState<Waiting | null>(null);
  const [round, setRound] = useState(0);
  /** After "Try again": the last results stay beside the questions while the learner answers again. */
  const [retrying, setRetrying] = useState(false);
  /** Wrong tries per question, over every round: the second one brings the right answer. */
  const [wrongTries, setWrongTries] = useState<Record<string, number>>({});
  const [submission, setSubmission] = useState<Submission | null>(null);
  const [revealing, setRevealing] = useState<string | null>(null);
  const retryTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const retryNow = useRef<(() => void) | null>(null);
  const focusNext = useRef<string | null>(null);

  useEffect(() => () => clearTimeout(retryTimer.current ?? undefined), []);

  // Focus goes where the learner's next step is, after the DOM shows it: the score once graded, the revealed answer,
  // the first question to answer again on a new round. (The button they pressed is gone, so focus would otherwise
  // fall back to the page.)
  useEffect(() => {
    if (focusNext.current) document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  }, [graded, round]);

  const questionId = (id: string) => `quiz-${lessonId}-${id}`;
  const answerId = (id: string) => `quiz-answer-${lessonId}-${id}`;

  /**
   * Sends one submission until the server answers it. Network failures and 408/429/5xx are retried with backoff
   * under the same attempt id, so the server records the attempt once however many tries it takes.
   */
  async function send(sent: Submission, tries: number, revealed?: string): Promise<void> {
    retryTimer.current = null;
    let reason: string;
    try {
      const response = await fetch(`/api/quizzes/${lessonId}/attempts`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(sent),
      });
      const body = await response.json().catch(() => null);
      if (response.ok && body) return await (revealed ? showAnswer(sent, body as Graded, revealed) : finish(sent, body as Graded));
      if (response.status !== 408 && response.status !== 429 && response.status < 500) {
        setWaiting(null);
        setPending(false);
        setRevealing(null);
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
      void send(sent, tries + 1, revealed);
    };
    retryNow.current = again;
    retryTimer.current = setTimeout(again, seconds * 1000);
  }

  async function finish(sent: Submission, result: Graded) {
    let shown = result;
    if (!result.saved && status !== "authenticated") {
      // The guest store (its checks and the progress model) loads with a guest's first graded attempt, not the page.
      const { recordGuestQuizAttempt } = await import("@/lib/progress/guest-store");
      const standing = recordGuestQuizAttempt({ attemptId: sent.attemptId, quizId: lessonId, answers: sent.answers, graded: result, lesson: result.lesson });
      shown = { ...result, ...standing };
    }
    setWaiting(null);
    setPending(false);
    setSubmission(sent);
    setWrongTries((tries) => {
      const next = { ...tries };
      for (const r of result.results) if (!r.correct) next[r.questionId] = (next[r.questionId] ?? 0) + 1;
      return next;
    });
    setRetrying(false);
    focusNext.current = `quiz-result-${lessonId}`;
    setGraded(shown);
  }

  /** The same submission graded again with one more question revealed: only its right answer is new. */
  function showAnswer(sent: Submission, result: Graded, revealed: string) {
    setWaiting(null);
    setRevealing(null);
    setSubmission(sent);
    focusNext.current = answerId(revealed);
    setGraded((shown) => shown && { ...shown, results: result.results });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    setError(null);
    // A question answered wrong before is on its second try: if it is wrong again, its right answer comes back.
    const reveal = questions.filter((q) => (wrongTries[q.id] ?? 0) > 0).map((q) => q.id);
    void send({ attemptId: newEventId(), answers, reveal }, 0);
  }

  function reveal(id: string) {
    if (!submission || revealing || pending) return;
    setRevealing(id);
    setError(null);
    void send({ ...submission, reveal: [...new Set([...submission.reveal, id])] }, 0, id);
  }

  function retry() {
    if (!graded) return;
    // Right answers stay; wrong ones start again (an order question from its shuffled start).
    const wrong = graded.results.filter((r) => !r.correct).map((r) => r.questionId);
    const fresh = initialAnswers(`quiz-${lessonId}`, questions);
    setAnswers((kept) => {
      const next: Record<string, AnswerValue> = { ...kept };
      for (const id of wrong) {
        if (fresh[id] === undefined) delete next[id];
        else next[id] = fresh[id];
      }
      return next;
    });
    focusNext.current = questionId(wrong[0] ?? questions[0]!.id);
    setRetrying(true);
    setRound((r) => r + 1);
  }

  const byId = new Map(graded?.results.map((r) => [r.questionId, r]));
  const showScore = graded && !retrying;
  return (
    <form className="quiz" onSubmit={submit} aria-labelledby={`quiz-title-${lessonId}`} noValidate>
      <h2 id={`quiz-title-${lessonId}`}>Check your understanding</h2>
      {showScore && (
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
              disabled={Boolean(showScore) || pending}
              onChange={(value) => setAnswers((a) => ({ ...a, [question.id]: value }))}
            />
            {byId.get(question.id) && (
              <QuestionFeedback
                number={index + 1}
                result={byId.get(question.id)!}
                answerId={answerId(question.id)}
                lastTry={retrying}
                revealing={revealing === question.id}
                onReveal={() => reveal(question.id)}
              />
            )}
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
        {showScore ? (
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

type FeedbackProps = {
  number: number;
  result: Result;
  answerId: string;
  /** The result of the last submission, shown while the learner answers again. */
  lastTry: boolean;
  revealing: boolean;
  onReveal: () => void;
};

function QuestionFeedback({ number, result, answerId, lastTry, revealing, onReveal }: FeedbackProps) {
  const partial = !result.correct && (result.credit ?? 0) > 0;
  const verdict = result.correct ? "✓ Correct" : partial ? `◐ Partly right (${Math.round((result.credit ?? 0) * 100)}%)` : "✗ Not quite";
  return (
    <div className={`quiz-feedback ${result.correct ? "is-correct" : "is-wrong"}`} data-testid={`feedback-${result.questionId}`}>
      <p>
        <strong>{lastTry ? `Last try: ${verdict}` : verdict}</strong>
        {lastTry && result.correct && " Your answer is kept."}
      </p>
      {!result.correct &&
        (result.expected !== undefined ? (
          <p id={answerId} tabIndex={-1}>
            Correct answer: <span className="quiz-expected">{result.expected}</span>
          </p>
        ) : (
          <p>
            <button type="button" className="button button-ghost button-small" onClick={onReveal} disabled={revealing} aria-label={`Show answer to question ${number}`}>
              {revealing ? "Showing…" : "Show answer"}
            </button>{" "}
            <span className="muted">It is shown after a second wrong try, too.</span>
          </p>
        ))}
      {!(lastTry && result.correct) && <p>{result.explanation}</p>}
      {result.section && (
        <p>
          <a href={`#${result.section}`}>Review this in the lesson</a>
        </p>
      )}
    </div>
  );
}
