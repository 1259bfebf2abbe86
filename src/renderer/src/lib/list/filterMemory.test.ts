// A work queue's filters are remembered per user and per list, only the list's own and only set ones,
// and survive anything a browser's storage may hold or refuse.
import { describe, expect, it } from 'vitest';
import { filterMemoryStep, filtersKey, filtersToRestore, pickFilters, readRememberedFilters, writeRememberedFilters, type FilterMemoryState, type RememberedFilters } from './filterMemory';
import { listPrefsKey } from './prefs';
import { MemoryStorage, refusing } from './storageFakes';

const names = ['status', 'q', 'vendorId', 'companyId'] as const;
const onOrderForClient = { status: 'onOrder', companyId: '12' };

describe('remembered filters storage', () => {
  it('reads what was written, for the same user and list', () => {
    const storage = new MemoryStorage();
    writeRememberedFilters(storage, 7, 'sales.fulfillment', names, { ...onOrderForClient, q: 'cable ñ' });
    expect(readRememberedFilters(storage, 7, 'sales.fulfillment', names)).toEqual({ ...onOrderForClient, q: 'cable ñ' });
  });

  it.each([
    ['another user', 8, 'sales.fulfillment'],
    ['another list', 7, 'purchasing.orders'],
    ['another user and list', 1, 'sales.delivery'],
  ])('keeps one user’s filters apart from %s', (_name, userId, listId) => {
    const storage = new MemoryStorage();
    writeRememberedFilters(storage, 7, 'sales.fulfillment', names, onOrderForClient);
    expect(readRememberedFilters(storage, userId, listId, names)).toEqual({});
  });

  it('keys entries by user and list, apart from the same list’s column prefs', () => {
    expect(filtersKey(1, 'sales.fulfillment')).toBe('msp-inventory.filters.1.sales.fulfillment');
    expect(filtersKey(1, 'sales.fulfillment')).not.toBe(listPrefsKey(1, 'sales.fulfillment'));
    const keys = new Set([1, 11, 111].flatMap((u) => ['a', 'b'].map((l) => filtersKey(u, l))));
    expect(keys.size).toBe(6);
  });

  it('keeps only the list’s named filters, on writing and on reading', () => {
    const storage = new MemoryStorage();
    writeRememberedFilters(storage, 7, 'l', names, { ...onOrderForClient, page: '3', sortBy: 'vendorName' });
    expect(JSON.parse(storage.getItem(filtersKey(7, 'l'))!)).toEqual(onOrderForClient);
    // A filter the list no longer has (or a hand-edited entry) is not brought back.
    storage.setItem(filtersKey(7, 'l'), JSON.stringify({ ...onOrderForClient, productId: '4' }));
    expect(readRememberedFilters(storage, 7, 'l', names)).toEqual(onOrderForClient);
    expect(readRememberedFilters(storage, 7, 'l', ['companyId'])).toEqual({ companyId: '12' });
  });

  it('drops empty filters, and removes the entry when none is left (clearing stores nothing)', () => {
    const storage = new MemoryStorage();
    writeRememberedFilters(storage, 7, 'l', names, { status: '', q: '  ', companyId: '12' });
    expect(readRememberedFilters(storage, 7, 'l', names)).toEqual({ companyId: '12' });
    writeRememberedFilters(storage, 7, 'l', names, { status: '', companyId: '' });
    expect(storage.items.size).toBe(0);
    expect(readRememberedFilters(storage, 7, 'l', names)).toEqual({});
  });

  it('writes the same text in whatever order the filters were set', () => {
    const a = new MemoryStorage();
    const b = new MemoryStorage();
    writeRememberedFilters(a, 1, 'l', names, { companyId: '12', status: 'onOrder' });
    writeRememberedFilters(b, 1, 'l', names, { status: 'onOrder', companyId: '12' });
    expect([...a.items.values()]).toEqual([...b.items.values()]);
  });

  it.each([
    ['nothing stored', null],
    ['not JSON', '{"companyId":'],
    ['JSON null', 'null'],
    ['a number', '42'],
    ['a string', '"companyId=12"'],
    ['an array', '["companyId","12"]'],
    ['values that are not text', '{"companyId":12,"status":null,"q":["a"],"vendorId":{"id":3}}'],
    ['an empty object', '{}'],
  ])('reads %s as no filters', (_name, raw) => {
    const storage = new MemoryStorage();
    if (raw !== null) storage.setItem(filtersKey(3, 'x'), raw);
    expect(readRememberedFilters(storage, 3, 'x', names)).toEqual({});
  });

  it('keeps the good part of a damaged entry', () => {
    const storage = new MemoryStorage();
    storage.setItem(filtersKey(3, 'x'), JSON.stringify({ companyId: 12, q: 'cable', status: '' }));
    expect(readRememberedFilters(storage, 3, 'x', names)).toEqual({ q: 'cable' });
  });

  it('does not take inherited properties for filters', () => {
    const storage = new MemoryStorage();
    storage.setItem(filtersKey(3, 'x'), '{}');
    expect(readRememberedFilters(storage, 3, 'x', ['toString', 'constructor'])).toEqual({});
  });

  it('never throws when the browser refuses storage', () => {
    expect(readRememberedFilters(refusing, 1, 'x', names)).toEqual({});
    expect(() => writeRememberedFilters(refusing, 1, 'x', names, onOrderForClient)).not.toThrow();
    expect(() => writeRememberedFilters(refusing, 1, 'x', names, {})).not.toThrow();
  });
});

describe('filters of the address', () => {
  it('picks the named filters with a value, in the order named', () => {
    const address = new URLSearchParams('companyId=12&page=2&q=&status=onOrder');
    expect(pickFilters(address, names)).toEqual({ status: 'onOrder', companyId: '12' });
    expect(Object.keys(pickFilters(address, names))).toEqual(['status', 'companyId']);
    expect(JSON.stringify(pickFilters(new URLSearchParams('companyId=12&status=onOrder'), names))).toBe(JSON.stringify(pickFilters(address, names)));
  });
});

describe('restoring on opening a list', () => {
  const stored = { status: 'onOrder', companyId: '12' };

  it('restores the stored filters into an address with none', () => {
    expect(filtersToRestore(new URLSearchParams(''), names, [], stored)).toEqual(stored);
    // Other params (paging, another screen's) do not count as filters.
    expect(filtersToRestore(new URLSearchParams('page=2'), names, [], stored)).toEqual(stored);
  });

  it('lets an address that brings any filter win: a link says what to show', () => {
    expect(filtersToRestore(new URLSearchParams('q=PF5E2E01'), names, [], stored)).toBeNull();
    expect(filtersToRestore(new URLSearchParams('status=onOrder'), names, [], { companyId: '12' })).toBeNull();
    expect(filtersToRestore(new URLSearchParams('productId=4'), names, ['productId'], stored)).toBeNull();
  });

  it('does not count an empty param as a filter', () => {
    expect(filtersToRestore(new URLSearchParams('q=&companyId='), names, ['productId'], stored)).toEqual(stored);
  });

  it('has nothing to restore when nothing of this list is stored', () => {
    expect(filtersToRestore(new URLSearchParams(''), names, [], {})).toBeNull();
    expect(filtersToRestore(new URLSearchParams(''), ['q'], [], stored)).toBeNull();
  });
});

describe('following the address', () => {
  /** The action at each render of a list, given the user and list (key) and the address's filters. */
  function run(...renders: [key: string, filters: RememberedFilters][]) {
    let state: FilterMemoryState | null = null;
    return renders.map(([key, filters]) => {
      const step = filterMemoryStep(state, key, filters);
      state = step.state;
      return step.action;
    });
  }
  const client = { companyId: '12' };

  it('restores on opening with no filters, then stores what the restore brought and every change after', () => {
    expect(run(['u1', {}], ['u1', {}], ['u1', client], ['u1', { ...client, q: 'cable' }], ['u1', {}])).toEqual(['restore', 'none', 'write', 'write', 'write']);
  });

  it('does not store the unfiltered opening: the stored filters are not wiped before the restore lands', () => {
    expect(run(['u1', {}], ['u1', {}])).toEqual(['restore', 'none']);
  });

  it('stores the filters a link opened the list with, and not again for the same filters', () => {
    expect(run(['u1', client], ['u1', client], ['u1', {}])).toEqual(['write', 'none', 'write']);
  });

  it('starts again for another user: their own filters are restored', () => {
    expect(run(['u1', client], ['u2', {}], ['u2', client])).toEqual(['write', 'restore', 'write']);
  });
});
