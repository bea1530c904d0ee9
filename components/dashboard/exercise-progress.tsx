import Link from "next/link";
import type { CourseIndex } from "@/lib/content/course-index";
import type { ProgressSummary } from "@/lib/progress/summary-types";

type Item = { id: string; title: string; lessonTitle: string; href: string; checks: number };

/** Per track the learner has started, its exercises solved and still pending, in course order. */
function byTrack(summary: ProgressSummary, course: CourseIndex) {
  const checked = new Map(summary.exercises.map((e) => [e.exerciseId, e]));
  const opened = new Set(summary.lessons.map((l) => l.lessonId));
  return course.tracks
    .map((track) => {
      const items = track.lessonIds.flatMap((lessonId) => {
        const lesson = course.lessons[lessonId];
        return (lesson?.exercises ?? []).map((e) => ({
          item: { id: e.id, title: e.title, lessonTitle: lesson!.title, href: `${lesson!.href}#exercise-${e.id}`, checks: checked.get(e.id)?.checks ?? 0 },
          passed: checked.get(e.id)?.passed ?? false,
        }));
      });
      const started = track.lessonIds.some((id) => opened.has(id)) || items.some(({ item }) => item.checks > 0);
      return { track, started, solved: items.filter((i) => i.passed).map((i) => i.item), pending: items.filter((i) => !i.passed).map((i) => i.item) };
    })
    .filter((t) => t.started && t.solved.length + t.pending.length > 0);
}

/** `tries`: pending exercises say how often they were checked, so a learner sees the ones they started. */
function ExerciseList({ items, label, testId, tries = false }: { items: Item[]; label: string; testId: string; tries?: boolean }) {
  return (
    <ul aria-label={label} data-testid={testId}>
      {items.map((item) => (
        <li key={item.id} data-exercise={item.id}>
          <Link href={item.href}>{item.title}</Link> <span className="muted">· {item.lessonTitle}</span>
          {tries && item.checks > 0 && <span className="muted"> · tried {item.checks === 1 ? "once" : `${item.checks} times`}</span>}
        </li>
      ))}
    </ul>
  );
}

/** The dashboard's "Exercises" section: solved and pending per track, for an account or a guest's browser alike. */
export function ExerciseProgress({ summary, course }: { summary: ProgressSummary; course: CourseIndex }) {
  const tracks = byTrack(summary, course);
  return (
    <section className="card" aria-labelledby="exercises-heading">
      <h2 id="exercises-heading">Exercises</h2>
      {tracks.length === 0 ? (
        <p className="muted">The exercises of a track appear here once you open one of its lessons.</p>
      ) : (
        tracks.map(({ track, solved, pending }) => (
          <section key={track.id} className="exercise-track" aria-labelledby={`exercises-${track.id}`} data-track={track.id}>
            <h3 id={`exercises-${track.id}`}>
              {track.title}: {solved.length} of {solved.length + pending.length} solved
            </h3>
            {solved.length > 0 && <ExerciseList items={solved} label={`${track.title} exercises solved`} testId="exercises-solved" />}
            {pending.length > 0 && (
              <details>
                <summary>{pending.length} still to solve</summary>
                <ExerciseList items={pending} label={`${track.title} exercises to solve`} testId="exercises-pending" tries />
              </details>
            )}
          </section>
        ))
      )}
    </section>
  );
}
