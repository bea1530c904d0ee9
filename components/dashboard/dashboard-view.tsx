import Link from "next/link";
import type { CourseIndex } from "@/lib/content/course-index";
import type { ProgressSummary } from "@/lib/progress/summary-types";
import { ActivityChart } from "./activity-chart";
import { ExerciseProgress } from "./exercise-progress";
import { formatDuration, lessonLabel, percent } from "./format";

/** The dashboard for a summary, whoever it belongs to (an account, or a guest's browser). */
export function DashboardView({ summary, today, course }: { summary: ProgressSummary; today: Date; course: CourseIndex }) {
  const completed = new Set(summary.lessons.filter((l) => l.completedAt).map((l) => l.lessonId));
  const opened = new Set(summary.lessons.map((l) => l.lessonId));
  const tracks = course.tracks
    .filter((t) => t.lessonIds.some((id) => opened.has(id)))
    .map((t) => ({ ...t, completed: t.lessonIds.filter((id) => completed.has(id)).length }));
  const next = summary.continueLessonId ? lessonLabel(course, summary.continueLessonId) : null;

  return (
    <div className="dashboard">
      <section className="card" aria-labelledby="continue-heading">
        <h2 id="continue-heading">Continue where you left off</h2>
        {next ? (
          <p>
            <Link className="button" href={next.href} data-testid="continue-link">
              {next.track}: {next.title}
            </Link>
          </p>
        ) : (
          <p>
            Nothing started yet. <Link href="/learn">Pick a first lesson</Link>.
          </p>
        )}
        <dl className="stat-row">
          <div>
            <dt>Lessons completed</dt>
            <dd data-testid="lessons-completed">
              {summary.lessonsOpened === 0 ? "None yet" : `${summary.lessonsCompleted} of ${summary.lessonsOpened} you opened`}
            </dd>
          </div>
          <div>
            <dt>Streak</dt>
            <dd data-testid="streak">
              {summary.streak.current} day{summary.streak.current === 1 ? "" : "s"}
            </dd>
          </div>
          <div>
            <dt>Longest streak</dt>
            <dd>
              {summary.streak.longest} day{summary.streak.longest === 1 ? "" : "s"}
            </dd>
          </div>
          <div>
            <dt>Total time</dt>
            <dd data-testid="total-time">{formatDuration(summary.totalSeconds)}</dd>
          </div>
        </dl>
      </section>

      <section className="card" aria-labelledby="tracks-heading">
        <h2 id="tracks-heading">Progress by track</h2>
        {tracks.length === 0 ? (
          <p className="muted">Your tracks appear here once you open a lesson.</p>
        ) : (
          <ul className="progress-list">
            {tracks.map((t) => (
              <li key={t.id}>
                <label htmlFor={`track-${t.id}`}>
                  <strong>{t.title}</strong>: {t.completed} of {t.lessonIds.length} lessons completed
                </label>
                <progress id={`track-${t.id}`} className="progress-bar" max={t.lessonIds.length} value={t.completed} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <ExerciseProgress summary={summary} course={course} />

      <section className="card" aria-labelledby="quizzes-heading">
        <h2 id="quizzes-heading">Quiz history</h2>
        {summary.quizzes.length === 0 ? (
          <p className="muted">No quizzes taken yet.</p>
        ) : (
          <table className="data-table" data-testid="quiz-history">
            <caption className="visually-hidden">Your quiz results, most recent first</caption>
            <thead>
              <tr>
                <th scope="col">Lesson</th>
                <th scope="col">Best score</th>
                <th scope="col">Last score</th>
                <th scope="col">Attempts (scores, oldest first)</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {summary.quizzes.map((q) => {
                const l = lessonLabel(course, q.lessonId);
                return (
                  <tr key={q.quizId} data-quiz={q.quizId}>
                    <th scope="row">
                      <Link href={l.href}>
                        {l.track}: {l.title}
                      </Link>
                    </th>
                    <td>{percent(q.bestScore)}</td>
                    <td>{percent(q.lastScore)}</td>
                    <td>
                      {q.attempts} <span className="muted">({q.history.map((h) => percent(h.score)).join(", ")})</span>
                    </td>
                    <td>{q.passed ? "Passed" : "Not passed yet"}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>

      <section className="card" aria-labelledby="review-heading">
        <h2 id="review-heading">Topics to review</h2>
        {summary.reviews.due.length === 0 && summary.reviews.upcoming.length === 0 ? (
          <p className="muted">Nothing to review. Topics you miss in a quiz come back here, spaced out by how well you answer them each time.</p>
        ) : (
          <>
            <p className="muted">Topics you missed in a quiz, weakest first. A quiz on them again when due moves them on.</p>
            <ol className="progress-list" data-testid="reviews">
              {[...summary.reviews.due, ...[...summary.reviews.upcoming].sort((a, b) => a.mastery - b.mastery)].map((r) => {
                const due = Date.parse(r.dueAt) <= today.getTime();
                return (
                  <li key={r.topic} data-topic={r.topic}>
                    <strong>{r.topic}</strong> <span className="muted">(mastery {percent(r.mastery)})</span> —{" "}
                    {due ? <strong>due now</strong> : <>next review {r.dueAt.slice(0, 10)}</>}
                    {r.lessonId && (
                      <>
                        {" "}
                        · <Link href={lessonLabel(course, r.lessonId).href}>review {lessonLabel(course, r.lessonId).title}</Link>
                      </>
                    )}
                  </li>
                );
              })}
            </ol>
          </>
        )}
        {summary.topics.length > 0 && (
          <details>
            <summary>Mastery by topic, weakest first</summary>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Topic</th>
                  <th scope="col">Right answers</th>
                  <th scope="col">Mastery</th>
                </tr>
              </thead>
              <tbody>
                {summary.topics.map((t) => (
                  <tr key={t.topic}>
                    <th scope="row">{t.topic}</th>
                    <td>
                      {t.correct} of {t.total}
                    </td>
                    <td>{percent(t.mastery)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        )}
      </section>

      <section className="card" aria-labelledby="activity-heading">
        <h2 id="activity-heading">Activity</h2>
        <ActivityChart activity={summary.activity} today={today} />
      </section>
    </div>
  );
}
