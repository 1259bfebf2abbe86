import { describe, expect, it } from 'vitest';
import { nextSort, pageRange, pageSelectionState, toggledIds, withPageSelected, withRecordSelected } from './tableState';

describe('pageRange', () => {
  it.each([
    // page, per page, total, rows shown → from, to, pages
    [1, 50, 0, 0, 0, 0, 1],
    [1, 50, 2, 2, 1, 2, 1],
    [1, 50, 200, 50, 1, 50, 4],
    [2, 50, 200, 50, 51, 100, 4],
    [4, 50, 175, 25, 151, 175, 4],
    [3, 25, 51, 1, 51, 51, 3],
    // A capped total: the page shows fewer rows than the total allows.
    [1, 50, 10_000, 50, 1, 50, 200],
    // A page beyond the end (the list shrank under the user): nothing shown.
    [5, 50, 200, 0, 0, 0, 4],
  ])('page %i of %i per page, %i rows, %i shown → %i–%i of %i pages', (page, perPage, total, shown, from, to, pages) => {
    expect(pageRange(page, perPage, total, shown)).toEqual({ from, to, pages });
  });

  it('never says more rows than the total', () => {
    expect(pageRange(1, 50, 3, 5).to).toBe(3);
  });
});

describe('toggledIds', () => {
  it('opens one row at a time unless several are allowed', () => {
    expect(toggledIds([], 1)).toEqual([1]);
    expect(toggledIds([1], 2)).toEqual([2]);
    expect(toggledIds([1], 2, true)).toEqual([1, 2]);
  });
  it('closes an open row, leaving the others', () => {
    expect(toggledIds([1, 2, 3], 2, true)).toEqual([1, 3]);
    expect(toggledIds([1], 1)).toEqual([]);
  });
});

describe('selection', () => {
  type Row = { id: number };
  const idOf = (r: Row) => r.id;
  const rows = (...ids: number[]) => ids.map((id) => ({ id }));
  const ids = (list: Row[]) => list.map(idOf).sort((a, b) => a - b);

  it('one row on and off keeps the others, also those of other pages', () => {
    const selected = rows(1, 9);
    expect(ids(withRecordSelected(selected, { id: 2 }, true, idOf))).toEqual([1, 2, 9]);
    expect(ids(withRecordSelected(selected, { id: 9 }, false, idOf))).toEqual([1]);
    // A row already selected is not selected twice (a fresh copy of the record from a refetch).
    expect(ids(withRecordSelected(selected, { id: 1 }, true, idOf))).toEqual([1, 9]);
  });

  it('the page checkbox selects and clears this page only', () => {
    const selected = rows(1, 9);
    const page = rows(1, 2, 3);
    expect(ids(withPageSelected(selected, page, true, idOf))).toEqual([1, 2, 3, 9]);
    expect(ids(withPageSelected(selected, page, false, idOf))).toEqual([9]);
  });

  it.each([
    [[], [1, 2], false, false],
    [[1], [1, 2], false, true],
    [[1, 2], [1, 2], true, false],
    [[1, 2, 9], [1, 2], true, false],
    [[9], [1, 2], false, false],
    // Nothing selectable on the page (no vendor on any row): not checked.
    [[], [], false, false],
  ])('selected %j of page %j → checked %s, indeterminate %s', (selected, page, checked, indeterminate) => {
    expect(pageSelectionState(rows(...selected), rows(...page), idOf)).toEqual({ checked, indeterminate });
  });
});

describe('nextSort', () => {
  it('sorts a new column ascending, then flips it', () => {
    expect(nextSort(undefined, 'sku')).toEqual({ columnAccessor: 'sku', direction: 'asc' });
    expect(nextSort({ columnAccessor: 'name', direction: 'desc' }, 'sku')).toEqual({ columnAccessor: 'sku', direction: 'asc' });
    expect(nextSort({ columnAccessor: 'sku', direction: 'asc' }, 'sku')).toEqual({ columnAccessor: 'sku', direction: 'desc' });
    expect(nextSort({ columnAccessor: 'sku', direction: 'desc' }, 'sku')).toEqual({ columnAccessor: 'sku', direction: 'asc' });
  });
});
