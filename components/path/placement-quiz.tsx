"use client";

import { initialOrder, QuestionField, type AnswerValue } from "@/components/quiz/question-field";
import type { PlacementResult, PublicPlacementLesson } from "@/lib/path/placement";
import { placementResultSchema } from "@/lib/path/placement";
import { TRACK_LABELS, type Track } from "@/lib/course/vocabulary";
// The question styles live with the lesson quizzes; placement reuses them rather than copying them.
import "@/components/progress/progress.css";

// The placement step of onboarding: questions grouped by track, answered here, graded by POST /api/path/placement.
// The answers never reach this page; only per-lesson pass or fail comes back.

export type PlacementAnswers = Record<string, Record<string, AnswerValue>>;

const prefix = (lessonId: string) => `placement-${lessonId.replace("/", "-")}`;

/** Order questions start shuffled, and that starting order already counts as an answer, as in the lesson quizzes. */
export function initialPlacementAnswers(lessons: PublicPlacementLesson[]): PlacementAnswers {
  return Object.fromEntries(
    lessons.map((lesson) => [
      lesson.lessonId,
      Object.fromEntries(lesson.questions.flatMap((q) => (q.kind === "order" ? [[q.id, initialOrder(`${prefix(lesson.lessonId)}-${q.id}`, q.items)]] : []))),
    ]),
  );
}

export async function checkPlacement(answers: PlacementAnswers): Promise<{ ok: true; result: PlacementResult } | { ok: false; error: string }> {
  try {
    const response = await fetch("/api/path/placement", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ answers }),
    });
    const body = await response.json().catch(() => null);
    if (!response.ok) return { ok: false, error: body?.error ?? `The placement quiz could not be graded (${response.status}).` };
    const parsed = placementResultSchema.safeParse(body);
    return parsed.success ? { ok: true, result: parsed.data } : { ok: false, error: "The placement result could not be read." };
  } catch {
    return { ok: false, error: "No connection to the server: your answers are still here. Try again when you are back online." };
  }
}

function byTrack(lessons: PublicPlacementLesson[]) {
  const groups: { track: Track; lessons: PublicPlacementLesson[] }[] = [];
  for (const lesson of lessons) {
    const group = groups.find((g) => g.track === lesson.track);
    if (group) group.lessons.push(lesson);
    else groups.push({ track: lesson.track, lessons: [lesson] });
  }
  return groups;
}

type Props = {
  lessons: PublicPlacementLesson[];
  answers: PlacementAnswers;
  onChange: (lessonId: string, questionId: string, value: AnswerValue) => void;
  result: PlacementResult | null;
  disabled: boolean;
};

export function PlacementQuiz({ lessons, answers, onChange, result, disabled }: Props) {
  const total = lessons.reduce((n, l) => n + l.questions.length, 0);
  if (result) return <PlacementOutcome result={result} />;
  // Questions are numbered through the whole quiz, across lessons and tracks.
  const firstNumber = new Map<string, number>();
  lessons.reduce((n, l) => (firstNumber.set(l.lessonId, n), n + l.questions.length), 1);
  return (
    <div className="placement" data-testid="placement-quiz">
      <p>
        {total} questions taken from the lessons&apos; own quizzes, about five minutes. Answer every question on a lesson
        correctly and that lesson leaves your path. Leave anything you do not know blank: it just stays on your path.
      </p>
      {byTrack(lessons).map((group) => (
        <section key={group.track} className="placement-track" aria-labelledby={`placement-track-${group.track}`}>
          <h3 id={`placement-track-${group.track}`}>{TRACK_LABELS[group.track]}</h3>
          {group.lessons.map((lesson) => (
            <div key={lesson.lessonId} className="placement-lesson" data-placement-lesson={lesson.lessonId}>
              <p className="muted">From “{lesson.title}”</p>
              <ol className="quiz-questions">
                {lesson.questions.map((question, index) => {
                  const number = firstNumber.get(lesson.lessonId)! + index;
                  return (
                    <li key={question.id} className="quiz-question card" value={number}>
                      <QuestionField
                        idPrefix={prefix(lesson.lessonId)}
                        number={number}
                        question={question}
                        value={answers[lesson.lessonId]?.[question.id]}
                        disabled={disabled}
                        onChange={(value) => onChange(lesson.lessonId, question.id, value)}
                      />
                    </li>
                  );
                })}
              </ol>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}

function PlacementOutcome({ result }: { result: PlacementResult }) {
  const passed = result.passedLessonIds.length;
  return (
    <div className="placement-result" data-testid="placement-result">
      <p role="status">
        <strong>
          {passed === 0 ? "No lesson passed this time: your path keeps every lesson." : `You tested out of ${passed} lesson${passed === 1 ? "" : "s"}.`}
        </strong>
      </p>
      <ul className="placement-outcomes">
        {result.lessons.map((lesson) => (
          <li key={lesson.lessonId} data-placement-outcome={lesson.lessonId} data-passed={lesson.passed}>
            <span className={`badge ${lesson.passed ? "badge-done" : "badge-later"}`}>{lesson.passed ? "Passed" : "Stays"}</span> {lesson.title}
            <span className="muted">
              {" "}
              · {lesson.correct} of {lesson.total} right{lesson.passed ? ": leaves your path" : ""}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
