import { addDays, dayKey } from "@/lib/days";
import type { ProgressSummary } from "@/lib/progress/summary-types";

const DAYS = 28;

/** Minutes of study per day over the last four weeks, as an SVG bar chart with the same numbers in a table. */
export function ActivityChart({ activity, today }: { activity: ProgressSummary["activity"]; today: Date }) {
  const byDay = new Map(activity.map((a) => [a.day, a]));
  const days = Array.from({ length: DAYS }, (_, i) => {
    const day = dayKey(addDays(today, i - DAYS + 1));
    const entry = byDay.get(day);
    return { day, minutes: Math.round((entry?.seconds ?? 0) / 60), actions: entry?.actions ?? 0 };
  });
  const max = Math.max(10, ...days.map((d) => d.minutes));
  const width = 560;
  const height = 140;
  const barWidth = width / DAYS;
  const activeDays = days.filter((d) => d.minutes > 0 || d.actions > 0).length;
  const totalMinutes = days.reduce((s, d) => s + d.minutes, 0);
  return (
    <figure className="activity" aria-labelledby="activity-caption">
      <svg className="activity-chart" viewBox={`0 0 ${width} ${height + 16}`} role="img" aria-labelledby="activity-title activity-desc">
        {/* One string: React renders an SVG <title> from a single text child only, so "a {n} b" came out empty on
            the server and failed hydration (#418). */}
        <title id="activity-title">{`Study minutes per day, last ${DAYS} days`}</title>
        <desc id="activity-desc">
          Active on {activeDays} of the last {DAYS} days, {totalMinutes} minutes in total. The table below lists every day.
        </desc>
        <line className="axis" x1={0} x2={width} y1={height} y2={height} />
        {days.map((d, i) => {
          const h = d.minutes > 0 ? Math.max(2, (d.minutes / max) * (height - 10)) : d.actions > 0 ? 2 : 0;
          return <rect key={d.day} className="bar" x={i * barWidth + 2} y={height - h} width={barWidth - 4} height={h} rx={2} />;
        })}
        <text x={0} y={height + 13}>
          {days[0]!.day}
        </text>
        <text x={width} y={height + 13} textAnchor="end">
          {days[DAYS - 1]!.day}
        </text>
      </svg>
      <figcaption id="activity-caption" className="muted">
        Activity over the last four weeks.
      </figcaption>
      <details>
        <summary>Show as a table</summary>
        <table className="data-table" data-testid="activity-table">
          <caption className="visually-hidden">Study activity per day</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Minutes</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.day}>
                <th scope="row">{d.day}</th>
                <td>{d.minutes}</td>
                <td>{d.actions}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
