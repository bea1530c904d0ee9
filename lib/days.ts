// Calendar arithmetic on instants, in UTC: one learner's days are the same on every device and server.

export const DAY_MS = 24 * 60 * 60 * 1000;

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** The UTC calendar day of an instant, "YYYY-MM-DD": one learner's activity is bucketed the same on every device. */
export function dayKey(date: Date): string {
  return date.toISOString().slice(0, 10);
}
