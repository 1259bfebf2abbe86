import { describe, expect, it } from 'vitest';
import { percentile, renderUiTable, summarize, withinBudget, type UiMeasure } from './uiReport';

const measure = (times: number[], budgetMs: number, failures = 0): UiMeasure => ({ operation: 'navigation to visible rows: history', times, failures, budgetMs });

describe('the UI bench statistics', () => {
  it('takes the median of an odd and of an even number of runs, whatever their order', () => {
    expect(summarize([30, 10, 20]).median).toBe(20);
    expect(summarize([40, 10, 30, 20]).median).toBe(25);
  });

  it('takes the 90th percentile by nearest rank: one of the runs, the slow tail of twenty', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => (i + 1) * 10);
    expect(percentile(twenty, 90)).toBe(180);
    expect(summarize([...twenty].reverse())).toEqual({ runs: 20, median: 105, p90: 180, min: 10, max: 200 });
    expect(percentile([7], 90)).toBe(7);
  });

  it('has no statistics without runs', () => {
    expect(summarize([]).median).toBeNaN();
  });

  it('is within budget when the median is under it and no run failed', () => {
    expect(withinBudget(measure([100, 140, 200], 150))).toBe(true);
    expect(withinBudget(measure([100, 150, 200], 150))).toBe(false);
    expect(withinBudget(measure([100, 120, 130], 150, 1))).toBe(false);
    expect(withinBudget(measure([], 150))).toBe(false);
  });
});

describe('the UI bench table', () => {
  it('prints one Markdown row per measure with its budget and whether it is met', () => {
    const table = renderUiTable([
      { operation: 'cold load to the sign-in form', times: [612.4, 650, 701], failures: 0, budgetMs: 800 },
      { operation: 'navigation to visible rows: history', times: [180, 170.6, 160], failures: 2, budgetMs: 150 },
    ]);
    expect(table.split('\n')).toEqual([
      '| operation | median ms | p90 ms | min–max ms | runs | budget |',
      '| --- | --- | --- | --- | --- | --- |',
      '| cold load to the sign-in form | 650 | 701 | 612–701 | 3 | < 800 ✓ |',
      '| navigation to visible rows: history | 171 | 180 | 160–180 | 3 (2 failed) | < 150 ✗ |',
    ]);
  });

  it('shows a measure whose every run failed as a dash, over budget', () => {
    expect(renderUiTable([measure([], 150, 20)])).toContain('| navigation to visible rows: history | — | — | —–— | 0 (20 failed) | < 150 ✗ |');
  });
});
