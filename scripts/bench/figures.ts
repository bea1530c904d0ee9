// What every measurement of `npm run bench` returns: figures, each with the baseline measured in the same run (these
// machines are noisy, so a ratio to a baseline is what carries from one run to the next) and the budget it must hold.

export type Figure = {
  /** The section of the report: "Lesson pages", "Browser", "Run latency", "Progress writes", "Runner under load", "Memory". */
  group: string;
  /** Unique within the run and stable across runs (the comparison with the previous results file matches on it). */
  id: string;
  /** What a reader sees: "largest lesson, 20 connections, req/s". */
  label: string;
  value: number;
  unit: string;
  /** Which direction is an improvement (and a regression, for the >20% flag). */
  better: "higher" | "lower";
  /** Measured in the same run on this machine: the figure's ratio is value / baseline.value. */
  baseline?: { label: string; value: number };
  /**
   * The budget: `on: "value"` compares the value with `limit`, `on: "ratio"` compares value / baseline.value.
   * It holds when the compared number is ≥ limit (better: higher) or ≤ limit (better: lower).
   */
  budget?: { limit: number; on: "value" | "ratio" };
  /** One short sentence when the number needs one (what limits it, what was tried). */
  note?: string;
};

export function ratioOf(figure: Figure): number | undefined {
  return figure.baseline && figure.baseline.value !== 0 ? figure.value / figure.baseline.value : undefined;
}

export function budgetHolds(figure: Figure): boolean | undefined {
  if (!figure.budget) return undefined;
  const compared = figure.budget.on === "ratio" ? ratioOf(figure) : figure.value;
  if (compared === undefined || !Number.isFinite(compared)) return false;
  return figure.better === "higher" ? compared >= figure.budget.limit : compared <= figure.budget.limit;
}

/** Percentiles from raw samples (nearest rank). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
