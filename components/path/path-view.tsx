import Link from "next/link";
import { TRACK_LABELS, type Track } from "@/lib/course/vocabulary";
import { topicLabel } from "@/lib/path/rules";
import type { DueReview, Path, PathStep } from "@/lib/path/schema";
import { formatMinutes } from "@/lib/content/format";
import { formatWeeks, lessonHref } from "./labels";

// The roadmap. No hooks: the server renders it for signed-in learners, the guest wrapper after its fetch.

const STATUS_TEXT: Record<PathStep["status"], string> = { done: "Done", next: "Next", later: "Later" };

function groupByTrack(steps: PathStep[]) {
  const groups: { track: Track; steps: (PathStep & { position: number })[] }[] = [];
  steps.forEach((step, index) => {
    let group = groups.find((g) => g.track === step.track);
    if (!group) groups.push((group = { track: step.track, steps: [] }));
    group.steps.push({ ...step, position: index + 1 });
  });
  return groups;
}

export function PathView({ path, hoursPerWeek }: { path: Path; hoursPerWeek: number }) {
  const next = path.steps.find((s) => s.status === "next");
  const done = path.steps.filter((s) => s.status === "done").length;
  return (
    <div className="path-view" data-primary={path.primary} data-secondary={path.secondary}>
      <section className="card path-summary" aria-labelledby="path-summary-heading">
        <h2 id="path-summary-heading">
          Start with <span data-testid="path-primary">{TRACK_LABELS[path.primary]}</span>, then{" "}
          <span data-testid="path-secondary">{TRACK_LABELS[path.secondary]}</span>
        </h2>
        <ul className="path-reasons">
          {path.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
        <p className="path-time">
          {path.minutesLeft > 0 ? (
            <>
              <strong>{formatMinutes(path.minutesLeft)}</strong> left: <strong>{formatWeeks(path.weeksLeft)}</strong>
              {` at ${hoursPerWeek} hour${hoursPerWeek === 1 ? "" : "s"} a week. `} {done > 0 && `${done} of ${path.steps.length} lessons done.`}
            </>
          ) : path.steps.length > 0 ? (
            <strong>You have finished every lesson on your path.</strong>
          ) : (
            "No lessons are available yet."
          )}
        </p>
        {next && (
          <p>
            <Link className="button" href={lessonHref(next.lessonId)}>
              Continue: {next.title}
            </Link>
          </p>
        )}
      </section>

      <details className="card why-order">
        <summary>Why this order?</summary>
        <p>{path.whyThisOrder}</p>
      </details>

      {(path.reviewQueue.length > 0 || path.upcomingReviews.length > 0) && (
        <section className="card review-queue" aria-labelledby="review-heading" data-testid="review-queue">
          <h2 id="review-heading">Review queue</h2>
          {path.reviewQueue.length > 0 ? (
            <>
              <h3>Due now</h3>
              <ReviewList items={path.reviewQueue} kind="due" />
            </>
          ) : (
            <p className="muted">Nothing is due yet: a missed topic comes back the next day, then at longer gaps each time you get it right.</p>
          )}
          {path.upcomingReviews.length > 0 && (
            <>
              <h3>Coming up</h3>
              <ReviewList items={path.upcomingReviews} kind="upcoming" />
            </>
          )}
        </section>
      )}

      <section aria-labelledby="roadmap-heading">
        <h2 id="roadmap-heading">Your roadmap</h2>
        {groupByTrack(path.steps).map((group) => (
          <section key={group.track} className="path-group" aria-labelledby={`track-${group.track}`}>
            <h3 id={`track-${group.track}`}>{TRACK_LABELS[group.track]}</h3>
            <ol className="path-steps">
              {group.steps.map((step) => (
                <li key={step.lessonId} className={`path-step path-step-${step.status}`} data-lesson-id={step.lessonId} data-status={step.status} value={step.position}>
                  <span className={`badge badge-${step.status}`}>{STATUS_TEXT[step.status]}</span>
                  <div>
                    <Link href={lessonHref(step.lessonId)} className="path-step-title">
                      {step.title}
                    </Link>
                    <span className="muted"> · {formatMinutes(step.minutes)}</span>
                    <p className="path-step-reason">{step.reason}</p>
                  </div>
                </li>
              ))}
            </ol>
          </section>
        ))}
      </section>
    </div>
  );
}

function ReviewList({ items, kind }: { items: DueReview[]; kind: "due" | "upcoming" }) {
  return (
    <ul>
      {items.map((item) => (
        <li key={item.topic} data-review-topic={item.topic} data-review-kind={kind}>
          {item.lessonId ? <Link href={lessonHref(item.lessonId)}>{topicLabel(item.topic)}</Link> : topicLabel(item.topic)}
          {/* Same look as a roadmap step's reason: a quiet line under the title. */}
          <p className="path-step-reason">{item.reason}</p>
        </li>
      ))}
    </ul>
  );
}
