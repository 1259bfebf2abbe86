// A list counts as filtered only when a filter narrows it: that decides "Clear filters" and which
// empty state the user reads.
import { describe, expect, it } from 'vitest';
import { isFiltered, isUnsetFilter } from './filters';

describe('isUnsetFilter', () => {
  it.each([undefined, null, '', '   ', [], false])('%o filters nothing', (value) => {
    expect(isUnsetFilter(value)).toBe(true);
  });

  it.each(['a', ' a ', 0, 12, true, ['new'], { from: 1 }])('%o filters', (value) => {
    expect(isUnsetFilter(value)).toBe(false);
  });
});

describe('isFiltered', () => {
  it.each([
    [{}],
    [{ q: undefined, productId: undefined }],
    [{ q: '', productId: null, statuses: [], belowMin: false }],
    [{ q: '  ' }],
  ])('is not filtered by %o', (values) => {
    expect(isFiltered(values)).toBe(false);
  });

  it.each([
    [{ q: 'cable' }],
    [{ productId: 3 }],
    [{ locationId: 0 }],
    [{ statuses: ['new'] }],
    [{ belowMin: true }],
    [{ q: '', from: 1_700_000_000_000 }],
  ])('is filtered by %o', (values) => {
    expect(isFiltered(values)).toBe(true);
  });

  describe('with defaults that are not empty (products show active ones unless told otherwise)', () => {
    const defaults = { active: true, role: 'any' };
    it.each([
      [{ active: true, role: 'any' }, false],
      [{ active: true }, true],
      [{ active: true, role: 'any', q: 'x' }, true],
      [{ active: false, role: 'any' }, true],
      // "All": the default narrowing removed is a choice of the user's.
      [{ active: undefined, role: 'any' }, true],
      [{ active: true, role: 'vendor' }, true],
    ])('%o is filtered: %s', (values, filtered) => {
      expect(isFiltered(values, defaults)).toBe(filtered);
    });
  });

  it('compares lists by their items', () => {
    expect(isFiltered({ statuses: ['new', 'submitted'] }, { statuses: ['new', 'submitted'] })).toBe(false);
    expect(isFiltered({ statuses: ['new'] }, { statuses: ['new', 'submitted'] })).toBe(true);
    expect(isFiltered({ statuses: [] }, { statuses: [] })).toBe(false);
  });
});
