import { budgetHolds, ratioOf, type Figure } from "./figures";

// The results of one `npm run bench`: every figure with its baseline, ratio, budget and how it moved since the previous
// results file. A figure with a baseline is compared by its ratio (the machine's noise cancels out), others by value.

export type Results = {
  /** ISO time the run finished. */
  finished: string;
  machine: { cpus: number; model: string; memoryGiB: number; node: string };
  seconds: number;
  figures: Figure[];
  /** Measurements that could not finish, with the reason: the rest of the report still stands. */
  failures: Array<{ measurement: string; error: string }>;
};

/** More than this much worse than the previous results file is flagged. */
export const REGRESSION = 0.2;

export type Row = Figure & { ratio?: number; holds?: boolean; change?: number; regressed: boolean };

/** The relative change of the compared number since the previous run, positive when worse. */
function changeSince(figure: Figure, previous: Figure | undefined): number | undefined {
  if (!previous) return undefined;
  const now = ratioOf(figure) ?? figure.value;
  const then = ratioOf(previous) ?? previous.value;
  if (!Number.isFinite(now) || !Number.isFinite(then) || then === 0) return undefined;
  const change = (now - then) / Math.abs(then);
  return figure.better === "higher" ? -change : change;
}

export function rows(results: Results, previous: Results | undefined): Row[] {
  const before = new Map(previous?.figures.map((f) => [f.id, f]));
  return results.figures.map((figure) => {
    const change = changeSince(figure, before.get(figure.id));
    return { ...figure, ratio: ratioOf(figure), holds: budgetHolds(figure), change, regressed: change !== undefined && change > REGRESSION };
  });
}

function number(value: number, unit = ""): string {
  if (!Number.isFinite(value)) return "–";
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  const text = value.toLocaleString("en-GB", { maximumFractionDigits: digits });
  return unit ? `${text} ${unit}` : text;
}

function budgetText(row: Row): string {
  if (!row.budget) return "";
  const sign = row.better === "higher" ? "≥" : "≤";
  const limit = row.budget.on === "ratio" ? `${row.budget.limit}×` : number(row.budget.limit, row.unit);
  return `${sign} ${limit}${row.holds ? " ✓" : " ✗"}`;
}

function changeText(row: Row): string {
  if (row.change === undefined) return "";
  const percent = Math.round(Math.abs(row.change) * 100);
  return row.change > 0 ? `${percent}% worse${row.regressed ? " ⚠" : ""}` : `${percent}% better`;
}

function cells(row: Row): string[] {
  return [
    row.label,
    number(row.value, row.unit),
    row.baseline ? `${number(row.baseline.value, row.unit)} (${row.baseline.label})` : "",
    row.ratio === undefined ? "" : `${number(row.ratio)}×`,
    budgetText(row),
    changeText(row),
  ];
}

const HEADER = ["figure", "value", "baseline (same run)", "ratio", "budget", "vs previous"];

export function markdown(results: Results, previous: Results | undefined): string {
  const all = rows(results, previous);
  const lines = [
    `# npm run bench — ${results.finished}`,
    "",
    `${results.machine.cpus} × ${results.machine.model}, ${results.machine.memoryGiB} GiB, Node ${results.machine.node}; load phases of ${results.seconds} s.`,
    summary(all),
    "",
  ];
  for (const group of [...new Set(all.map((r) => r.group))]) {
    lines.push(`## ${group}`, "", `| ${HEADER.join(" | ")} |`, `| ${HEADER.map(() => "---").join(" | ")} |`);
    for (const row of all.filter((r) => r.group === group)) lines.push(`| ${cells(row).map((c) => c.replaceAll("|", "\\|")).join(" | ")} |`);
    const notes = all.filter((r) => r.group === group && r.note);
    if (notes.length) lines.push("", ...notes.map((r) => `- ${r.label}: ${r.note}`));
    lines.push("");
  }
  if (results.failures.length) {
    lines.push("## Measurements that did not finish", "", ...results.failures.map((f) => `- ${f.measurement}: ${f.error}`), "");
  }
  return lines.join("\n");
}

export function summary(all: Row[]): string {
  const budgeted = all.filter((r) => r.holds !== undefined);
  const missed = budgeted.filter((r) => !r.holds);
  const regressed = all.filter((r) => r.regressed);
  return `Budgets: ${budgeted.length - missed.length} of ${budgeted.length} hold${missed.length ? ` (missed: ${missed.map((r) => r.label).join("; ")})` : ""}. ${regressed.length ? `${regressed.length} figure(s) more than ${REGRESSION * 100}% worse than the previous run: ${regressed.map((r) => r.label).join("; ")}.` : `Nothing more than ${REGRESSION * 100}% worse than the previous run.`}`;
}

/** The console table: one line per figure. */
export function table(results: Results, previous: Results | undefined): string {
  const all = rows(results, previous);
  const body = [HEADER, ...all.map(cells)];
  const widths = HEADER.map((_, i) => Math.min(70, Math.max(...body.map((r) => r[i]!.length))));
  const line = (r: string[]) => r.map((c, i) => (c.length > widths[i]! ? `${c.slice(0, widths[i]! - 1)}…` : c.padEnd(widths[i]!))).join("  ");
  return [line(HEADER), ...all.map((r) => line(cells(r))), "", summary(all)].join("\n");
}
