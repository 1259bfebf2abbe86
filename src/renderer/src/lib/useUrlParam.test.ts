// The query the address filters' setters put in the address.
import { describe, expect, it } from 'vitest';
import { nextQuery } from './useUrlParam';

describe('nextQuery', () => {
  it.each([
    ['?q=cable', { status: 'submitted' }, false, 'q=cable&status=submitted'],
    ['?q=cable&status=draft', { status: 'submitted' }, false, 'q=cable&status=submitted'],
    ['?q=cable&status=draft', { status: '' }, false, 'q=cable'],
    ['?q=cable&status=draft', { q: '', status: '' }, false, ''],
    ['', { from: '2026-01-01', to: '2026-01-31' }, false, 'from=2026-01-01&to=2026-01-31'],
    ['?q=cable&companyId=4&productId=9', { tab: 'deliveries' }, true, 'tab=deliveries'],
    ['?tab=deliveries&q=cable', { tab: '' }, true, ''],
    ['?q=a%26b', { vendorId: '3' }, false, 'q=a%26b&vendorId=3'],
  ])('%s with %o (only: %s) is ?%s', (address, values, only, expected) => {
    expect(nextQuery(address, values, only).toString()).toBe(expected);
  });

  it('keeps a value with spaces and accents as typed', () => {
    expect(nextQuery('', { q: 'Clínica Dental' }).get('q')).toBe('Clínica Dental');
  });
});

