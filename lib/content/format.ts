// Durations as a learner reads them.

export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} h ${m} min` : `${h} h`;
}

/** Estimated hours for a track, to the half hour, never below half an hour. */
export function formatHours(minutes: number): string {
  const hours = Math.max(0.5, Math.round((minutes / 60) * 2) / 2);
  return `${hours} ${hours === 1 ? "hour" : "hours"}`;
}
