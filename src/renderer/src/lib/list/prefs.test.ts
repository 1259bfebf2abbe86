// Column and density choices are remembered per user and per list, and survive anything a browser's
// storage may hold or refuse.
import { describe, expect, it } from 'vitest';
import { defaultListPrefs, isColumnShown, listPrefsKey, readListPrefs, withColumn, writeListPrefs, type ListPrefs } from './prefs';
import { MemoryStorage, refusing } from './storageFakes';

const compactNoValue: ListPrefs = { hidden: ['value'], density: 'compact' };

describe('list prefs storage', () => {
  it('reads what was written, for the same user and list', () => {
    const storage = new MemoryStorage();
    writeListPrefs(storage, 7, 'stock.items', compactNoValue);
    expect(readListPrefs(storage, 7, 'stock.items')).toEqual(compactNoValue);
  });

  it.each([
    ['another user', 8, 'stock.items'],
    ['another list', 7, 'stock.history'],
    ['another user and list', 1, 'catalog.products'],
  ])('keeps one choice apart from %s', (_name, userId, listId) => {
    const storage = new MemoryStorage();
    writeListPrefs(storage, 7, 'stock.items', compactNoValue);
    expect(readListPrefs(storage, userId, listId)).toEqual(defaultListPrefs);
  });

  it('keys entries by user id and list id, so users with similar ids never share one', () => {
    expect(listPrefsKey(1, 'stock.items')).toBe('msp-inventory.list.1.stock.items');
    expect(listPrefsKey(1, '1.stock.items')).not.toBe(listPrefsKey(11, 'stock.items'));
    const keys = new Set([1, 11, 111].flatMap((u) => ['stock.items', 'stock.lots'].map((l) => listPrefsKey(u, l))));
    expect(keys.size).toBe(6);
  });

  it('removes the entry when the choice is back to the defaults', () => {
    const storage = new MemoryStorage();
    writeListPrefs(storage, 7, 'stock.items', compactNoValue);
    writeListPrefs(storage, 7, 'stock.items', { hidden: [], density: 'comfortable' });
    expect(storage.items.size).toBe(0);
  });

  it('writes the same text whatever the order columns were hidden in', () => {
    const a = new MemoryStorage();
    const b = new MemoryStorage();
    writeListPrefs(a, 1, 'l', { hidden: ['max', 'min'], density: 'comfortable' });
    writeListPrefs(b, 1, 'l', { hidden: ['min', 'max'], density: 'comfortable' });
    expect([...a.items.values()]).toEqual([...b.items.values()]);
  });

  it.each([
    ['nothing stored', null],
    ['not JSON', '{hidden:'],
    ['JSON null', 'null'],
    ['a number', '42'],
    ['a string', '"compact"'],
    ['an array', '["value"]'],
    ['hidden not a list', '{"hidden":"value","density":"comfortable"}'],
    ['an unknown density', '{"hidden":[],"density":"tiny"}'],
    ['an empty object', '{}'],
  ])('reads %s as the defaults', (_name, raw) => {
    const storage = new MemoryStorage();
    if (raw !== null) storage.setItem(listPrefsKey(3, 'x'), raw);
    expect(readListPrefs(storage, 3, 'x')).toEqual(defaultListPrefs);
  });

  it('keeps the good part of a damaged entry: text accessors only, each once', () => {
    const storage = new MemoryStorage();
    storage.setItem(listPrefsKey(3, 'x'), JSON.stringify({ hidden: ['min', 4, null, 'min', { a: 1 }, 'max'], density: 'compact' }));
    expect(readListPrefs(storage, 3, 'x')).toEqual({ hidden: ['min', 'max'], density: 'compact' });
  });

  it('never throws when the browser refuses storage', () => {
    expect(readListPrefs(refusing, 1, 'x')).toEqual(defaultListPrefs);
    expect(() => writeListPrefs(refusing, 1, 'x', compactNoValue)).not.toThrow();
    expect(() => writeListPrefs(refusing, 1, 'x', defaultListPrefs)).not.toThrow();
  });
});

describe('choosing columns', () => {
  it('hides and shows a column, each accessor listed once', () => {
    let prefs = withColumn(defaultListPrefs, 'min', false);
    prefs = withColumn(prefs, 'min', false);
    prefs = withColumn(prefs, 'max', false);
    expect(prefs.hidden).toEqual(['min', 'max']);
    prefs = withColumn(prefs, 'min', true);
    expect(prefs.hidden).toEqual(['max']);
    expect(withColumn(prefs, 'value', true).hidden).toEqual(['max']);
  });

  it('leaves density alone', () => {
    expect(withColumn({ hidden: [], density: 'compact' }, 'a', false).density).toBe('compact');
  });

  it.each([
    // column, hidden by the user, shown
    [{ accessor: 'sku' }, false, true],
    [{ accessor: 'sku' }, true, false],
    [{ accessor: 'sku', alwaysShown: true }, true, true],
    [{ accessor: 'sku', alwaysShown: true }, false, true],
    [{ accessor: 'value', hidden: true }, false, false],
    [{ accessor: 'value', hidden: true, alwaysShown: true }, false, false],
  ])('shows %o hidden by the user=%s: %s', (column, hiddenByUser, shown) => {
    const prefs = hiddenByUser ? withColumn(defaultListPrefs, column.accessor, false) : defaultListPrefs;
    expect(isColumnShown(column, prefs)).toBe(shown);
  });
});
