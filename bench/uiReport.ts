// The statistics and the table of the browser bench (`npm run bench -- --ui`): each measure is run many
// times and reported by its median (what a user usually waits), its 90th percentile (the slow visits
// they remember) and its range, against its budget, as a Markdown table like the API bench's.

export interface UiMeasure {
  /** What was timed, in the user's words (e.g. "navigation to visible rows: history"). */
  operation: string;
  /** Milliseconds of each successful run. */
  times: number[];
  /** Runs that failed (timed out, threw): reported, never averaged in. */
  failures: number;
  /** The median must stay below this. */
  budgetMs: number;
}

export interface UiSummary {
  runs: number;
  median: number;
  p90: number;
  min: number;
  max: number;
}

/** Nearest-rank percentile (p in 0–100) of values sorted ascending: always one of the values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(times: readonly number[]): UiSummary {
  const sorted = [...times].sort((a, b) => a - b);
  if (sorted.length === 0) return { runs: 0, median: Number.NaN, p90: Number.NaN, min: Number.NaN, max: Number.NaN };
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { runs: sorted.length, median, p90: percentile(sorted, 90), min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

/** Within budget: every run succeeded and the median is below the budget. */
export function withinBudget(measure: UiMeasure): boolean {
  const { median, runs } = summarize(measure.times);
  return measure.failures === 0 && runs > 0 && median < measure.budgetMs;
}

const ms = (n: number) => (Number.isFinite(n) ? String(Math.round(n)) : '—');

export function renderUiTable(measures: readonly UiMeasure[]): string {
  const lines = ['| operation | median ms | p90 ms | min–max ms | runs | budget |', '| --- | --- | --- | --- | --- | --- |'];
  for (const measure of measures) {
    const s = summarize(measure.times);
    const runs = measure.failures ? `${s.runs} (${measure.failures} failed)` : String(s.runs);
    const budget = `< ${measure.budgetMs} ${withinBudget(measure) ? '✓' : '✗'}`;
    lines.push(`| ${measure.operation} | ${ms(s.median)} | ${ms(s.p90)} | ${ms(s.min)}–${ms(s.max)} | ${runs} | ${budget} |`);
  }
  return lines.join('\n');
}
