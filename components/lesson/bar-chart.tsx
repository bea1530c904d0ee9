import { useId } from "react";

export type BarDatum = { label: string; value: number; note?: string };

const WIDTH = 460;
const LABEL_WIDTH = 120;
const VALUE_WIDTH = 70;
const ROW = 30;
const BAR = 20;

const format = (n: number) => n.toLocaleString("en-US");

// A horizontal bar chart drawn as plain SVG (no chart library, nothing to download) with the same figures in a
// table beside it: the picture for sighted readers, the table for screen readers and anyone who wants exact numbers.
export function BarChart({ title, unit, data, caption, lowerIsBetter = false }: { title: string; unit: string; data: BarDatum[]; caption?: string; lowerIsBetter?: boolean }) {
  const id = useId();
  const max = Math.max(...data.map((d) => d.value), 1);
  const barSpace = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = data.length * ROW + 8;
  const summary = data.map((d) => `${d.label}: ${format(d.value)} ${unit}`).join("; ");
  return (
    <figure className="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>
        <strong>{title}</strong>
        {caption ? <span className="muted"> {caption}</span> : null}
        <span className="muted"> In {unit}, {lowerIsBetter ? "lower is better" : "higher is better"}.</span>
      </figcaption>
      <div className="chart-body">
        <svg className="chart-svg" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${id}-title`}>
          <title id={`${id}-title`}>{`${title}. ${summary}. The same figures are in the table beside the chart.`}</title>
          {data.map((d, i) => {
            const y = i * ROW + 4;
            const w = Math.max(2, (d.value / max) * barSpace);
            return (
              <g key={d.label}>
                <text x={LABEL_WIDTH - 10} y={y + BAR / 2} className="chart-label" textAnchor="end" dominantBaseline="central">
                  {d.label}
                </text>
                <rect x={LABEL_WIDTH} y={y} width={w} height={BAR} rx={3} className={`chart-bar chart-bar-${i % 4}`} />
                <text x={LABEL_WIDTH + w + 8} y={y + BAR / 2} className="chart-value" dominantBaseline="central">
                  {format(d.value)}
                </text>
              </g>
            );
          })}
        </svg>
        <table className="chart-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">Implementation</th>
              <th scope="col">{unit}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((d) => (
              <tr key={d.label}>
                <th scope="row">
                  {d.label}
                  {d.note ? <span className="muted"> ({d.note})</span> : null}
                </th>
                <td>{format(d.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
