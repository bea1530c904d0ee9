"use client";

import { useId } from "react";
import { useProgressSummary } from "./use-progress-summary";
import "./progress.css";

/** "2 of 5 lessons completed" with a bar, once the learner has started the track; nothing before that. */
export function TrackProgress({ lessonIds }: { lessonIds: string[] }) {
  const summary = useProgressSummary();
  const id = useId();
  if (!summary) return null;
  const ids = new Set(lessonIds);
  const mine = summary.lessons.filter((l) => ids.has(l.lessonId));
  if (mine.length === 0) return null;
  const completed = mine.filter((l) => l.completedAt).length;
  return (
    <div className="track-progress" data-testid="track-progress">
      <label htmlFor={id}>
        {completed} of {lessonIds.length} {lessonIds.length === 1 ? "lesson" : "lessons"} completed
      </label>
      <progress id={id} className="progress-bar" max={lessonIds.length} value={completed} />
    </div>
  );
}
