// Durations as a learner reads them.

/** "45 min", "2 h", "1 h 30 min"; estimates may be fractional (the path sums scaled lessons), shown to the minute. */
export function formatMinutes(minutes: number): string {
  const total = Math.round(minutes);
  if (total < 60) return `${total} min`;
  const h = Math.floor(total / 60);
  const m = total % 60;
  return m ? `${h} h ${m} min` : `${h} h`;
}

/** Estimated hours for a track, to the half hour, never below half an hour. */
export function formatHours(minutes: number): string {
  const hours = Math.max(0.5, Math.round((minutes / 60) * 2) / 2);
  return `${hours} ${hours === 1 ? "hour" : "hours"}`;
}
