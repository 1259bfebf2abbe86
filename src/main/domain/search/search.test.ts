import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { searchRank } from '@shared/contract/stock';
import { createTestApp, type TestApp } from '@main/testing/harness';
import { foldCase, nextCaseSteps } from './search';

let t: TestApp;
let warehouseId: number;
let vendorId: number;
beforeEach(() => {
  t = createTestApp();
  warehouseId = t.ok('locations.create', { name: 'Main warehouse', kind: 'warehouse' }).id;
  vendorId = t.ok('catalog.createCompany', { name: 'Ingram Micro', isVendor: true, isClient: false }).id;
});
afterEach(() => t.close());

function product(sku: string, fields: { name?: string; barcode?: string; manufacturerPartNumber?: string; vendorPartNumber?: string; serials?: string[] } = {}) {
  const created = t.ok('catalog.createProduct', {
    sku,
    name: fields.name ?? `Product ${sku}`,
    barcode: fields.barcode,
    manufacturerPartNumber: fields.manufacturerPartNumber,
    unitCost: 10_000,
    unitPrice: 20_000,
    msrp: 20_000,
    serialized: fields.serials !== undefined,
  });
  if (fields.vendorPartNumber) t.ok('catalog.saveProductVendor', { productId: created.id, vendorId, vendorPartNumber: fields.vendorPartNumber, vendorCost: 10_000 });
  if (fields.serials) t.ok('stock.add', { productId: created.id, locationId: warehouseId, qty: fields.serials.length, costMethod: 'catalogue', serials: fields.serials, reason: null });
  return created;
}

const search = (q: string) => t.ok('search.global', { q });
/** What Enter opens: the kind and the human key of the best result. */
function best(q: string): string | null {
  const found = search(q);
  if (!found.best) return null;
  const { kind, id } = found.best;
  if (kind === 'serial') return `serial ${found.serials.find((s) => s.lotId === id)!.serialNumber}`;
  if (kind === 'product') return `product ${found.products.find((p) => p.id === id)!.sku}`;
  if (kind === 'location') return `location ${found.locations.find((l) => l.id === id)!.name}`;
  if (kind === 'bin') return `bin ${found.bins[0]!.bin} at ${found.bins.find((b) => b.locationId === id)!.locationName}`;
  return `company ${found.companies.find((c) => c.id === id)!.name}`;
}

describe('case folding and index ranges', () => {
  it('folds ASCII letters only, as SQLite lower() does', () => {
    expect(foldCase('AbC-12 ÉÑ ß')).toBe('abc-12 ÉÑ ß');
  });

  it('walks the text one letter at a time, in both cases, carrying what is not a letter along', () => {
    expect(nextCaseSteps([...'a1'], 0)).toEqual({ variants: ['A', 'a'], next: 1 });
    expect(nextCaseSteps([...'a1'], 1)).toEqual({ variants: ['1'], next: 2 });
    expect(nextCaseSteps([...'12-x9'], 0)).toEqual({ variants: ['12-X', '12-x'], next: 4 });
    expect(nextCaseSteps([...'%_é'], 0)).toEqual({ variants: ['%_é'], next: 3 });
    expect(nextCaseSteps([...'ñb'], 0)).toEqual({ variants: ['ñB', 'ñb'], next: 2 });
  });
});

describe('global search ranking', () => {
  it('opens an exact serial before a product whose SKU, barcode or part number is the same text', () => {
    product('LAP-X1', { serials: ['PF4X1A01', 'PF4X1A02'] });
    product('PF4X1A01', { name: 'Clash by SKU' });
    product('CLASH-BC', { barcode: 'PF4X1A02', manufacturerPartNumber: 'pf4x1a02' });
    const found = search('PF4X1A01');
    expect(found.best).toMatchObject({ kind: 'serial', rank: searchRank.exactSerial });
    expect(found.serials.map((s) => [s.serialNumber, s.rank])).toEqual([['PF4X1A01', searchRank.exactSerial]]);
    expect(found.products.map((p) => [p.sku, p.rank, p.matchedOn])).toEqual([['PF4X1A01', searchRank.exactCode, 'sku']]);
    expect(best('pf4x1a02')).toBe('serial PF4X1A02');
    expect(search('pf4x1a02').products.map((p) => [p.sku, p.rank, p.matchedOn])).toEqual([['CLASH-BC', searchRank.exactCode, 'barcode']]);
  });

  it('ignores letter case and surrounding white space (spaces, tabs, no-break spaces) in the text and in stored serials', () => {
    product('SRV-1', { serials: ['SnMiXeD-0042', 'ABCDEFGHIJK-7', 'lowercase-9'] });
    for (const q of ['SnMiXeD-0042', 'snmixed-0042', 'SNMIXED-0042', '  sNmIxEd-0042  ', '\tsnmixed-0042\u00a0', '\u2003SNMIXED-0042\r\n']) {
      expect(best(q), JSON.stringify(q)).toBe('serial SnMiXeD-0042');
    }
    // More letters than the index ranges branch on: the rest is compared folded.
    for (const q of ['abcdefghijk-7', 'AbCdEfGhIjK-7', 'ABCDEFGHIJK-7']) expect(best(q), q).toBe('serial ABCDEFGHIJK-7');
    expect(best('LOWERCASE-9')).toBe('serial lowercase-9');
  });

  it('answers for the trimmed text it was asked, so a client can match answers to queries', () => {
    expect(search('  PF-ECHO ').q).toBe('PF-ECHO');
  });

  it('ranks exact SKU, barcode, manufacturer and vendor part numbers alike, ahead of prefixes and names', () => {
    product('FG-60F', { name: 'FortiGate 60F', barcode: '0123456789012', manufacturerPartNumber: 'FG-60F-BDL-950-12', vendorPartNumber: 'ING-FG60F' });
    product('FG-60F-BDL', { name: 'FortiGate 60F bundle' });
    product('CISCO-1', { name: 'Switch', manufacturerPartNumber: 'CBS350-8P-E-2G' });
    product('HP-TONER', { name: 'Toner', vendorPartNumber: 'TD-Toner-30X' });
    product('BC-LETTERS', { name: 'Lettered barcode', barcode: 'Ab12Cd34' });

    expect(best('fg-60f')).toBe('product FG-60F');
    expect(search('fg-60f').products.map((p) => [p.sku, p.rank])).toEqual([
      ['FG-60F', searchRank.exactCode],
      ['FG-60F-BDL', searchRank.prefix],
    ]);
    for (const [q, sku, field] of [
      ['0123456789012', 'FG-60F', 'barcode'],
      [' AB12CD34 ', 'BC-LETTERS', 'barcode'],
      ['fg-60f-bdl-950-12', 'FG-60F', 'manufacturerPartNumber'],
      ['cbs350-8p-e-2g', 'CISCO-1', 'manufacturerPartNumber'],
      ['ING-FG60F', 'FG-60F', 'vendorPartNumber'],
      ['td-toner-30x', 'HP-TONER', 'vendorPartNumber'],
    ] as const) {
      const found = search(q);
      expect(found.best, q).toMatchObject({ kind: 'product', rank: searchRank.exactCode });
      expect(found.products[0], q).toMatchObject({ sku, rank: searchRank.exactCode, matchedOn: field });
    }
  });

  it('prefers an exact code to a serial that only starts with it, and a SKU to another product’s part number', () => {
    product('LAP-X1', { name: 'ThinkPad X1', serials: ['LAP-X1-0001', 'LAP-X1-0002'] });
    const found = search('lap-x1');
    expect(found.best).toMatchObject({ kind: 'product', rank: searchRank.exactCode });
    expect(found.serials.map((s) => [s.serialNumber, s.rank])).toEqual([
      ['LAP-X1-0001', searchRank.prefix],
      ['LAP-X1-0002', searchRank.prefix],
    ]);

    product('AAA-1', { manufacturerPartNumber: 'ZZ-100' });
    product('ZZ-100', { name: 'By SKU' });
    expect(search('zz-100').products.map((p) => [p.sku, p.matchedOn])).toEqual([
      ['ZZ-100', 'sku'],
      ['AAA-1', 'manufacturerPartNumber'],
    ]);
  });

  it('ranks partial matches: exact name, then starting with, then containing', () => {
    product('GATE-1', { name: 'Gateway' });
    product('NET-1', { name: 'Network gateway appliance' });
    product('GW', { name: 'gateway', serials: ['GATEWAY-SN-1'] });
    const found = search('GATEWAY');
    expect(found.products.map((p) => [p.sku, p.rank])).toEqual([
      ['GATE-1', searchRank.exactName],
      ['GW', searchRank.exactName],
      ['NET-1', searchRank.contains],
    ]);
    expect(found.serials.map((s) => s.rank)).toEqual([searchRank.prefix]);
    expect(found.best).toMatchObject({ kind: 'product', rank: searchRank.exactName });

    const partial = search('gate');
    expect(partial.products.map((p) => [p.sku, p.rank])).toEqual([
      ['GATE-1', searchRank.prefix],
      ['GW', searchRank.prefix],
      ['NET-1', searchRank.contains],
    ]);
    expect(partial.products[0]!.matchedOn).toBe('sku');
    expect(best('way appl')).toBe('product NET-1');
  });

  it('finds an exact serial among many that start with it, and short codes of one or two characters', () => {
    const serials = Array.from({ length: 12 }, (_, i) => `sn-0${String(i).padStart(2, '0')}`);
    product('BULK', { serials: [...serials, 'SN-0'] });
    const found = search('Sn-0');
    expect(found.serials[0]).toMatchObject({ serialNumber: 'SN-0', rank: searchRank.exactSerial });
    expect(found.serials).toHaveLength(8);
    expect(found.serials.slice(1).every((s) => s.rank === searchRank.prefix)).toBe(true);

    product('X1', { name: 'Short' });
    product('X10', { name: 'Longer' });
    expect(best('x1')).toBe('product X1');
    expect(search('X').products.every((p) => p.rank === searchRank.prefix)).toBe(true);
  });

  it('finds exact and prefix matches among many stored values sharing the beginning in mixed letter case', () => {
    const cases = [(s: string) => s.toUpperCase(), (s: string) => s.toLowerCase(), (s: string) => s];
    const serials = Array.from({ length: 30 }, (_, i) => cases[i % 3]!(`Mx-${i}`));
    product('MIXED', { serials });
    expect(best('mX-2')).toBe('serial Mx-2');
    const found = search('MX-2');
    expect(found.serials).toHaveLength(8);
    expect(found.serials.slice(1).map((s) => s.serialNumber.toLowerCase())).toEqual(['mx-20', 'mx-21', 'mx-22', 'mx-23', 'mx-24', 'mx-25', 'mx-26']);
    expect(found.serials.slice(1).every((s) => s.rank === searchRank.prefix)).toBe(true);

    for (let i = 1; i <= 12; i++) product(`DIG-${i}`, { name: `Digitus patch cable 1m ${String(i).padStart(4, '0')}` });
    expect(best('digitus PATCH cable 1M 0007')).toBe('product DIG-7');
    expect(search('DIGITUS patch cable 1m 001').products.map((p) => [p.sku, p.rank])).toEqual([
      ['DIG-10', searchRank.prefix],
      ['DIG-11', searchRank.prefix],
      ['DIG-12', searchRank.prefix],
    ]);
  });

  it('opens an exact location or company name when no code matches', () => {
    t.ok('locations.create', { name: 'Returns shelf', kind: 'shelf' });
    t.ok('catalog.createCompany', { name: 'Acme Dental', city: 'Sevilla' });
    t.ok('catalog.createCompany', { name: 'Acme Dental Group', city: 'Madrid' });
    expect(best('returns SHELF')).toBe('location Returns shelf');
    expect(best(' acme dental ')).toBe('company Acme Dental');
    expect(search('acme').companies.map((c) => [c.name, c.rank])).toEqual([
      ['Acme Dental', searchRank.prefix],
      ['Acme Dental Group', searchRank.prefix],
    ]);
    expect(search('dental').companies.map((c) => c.rank)).toEqual([searchRank.contains, searchRank.contains]);
  });

  it('finds a bin as its inventory products name it (a scanned bin label), one row per location', () => {
    const van = t.ok('locations.create', { name: 'Van 2', kind: 'shelf' }).id;
    const cable = product('CAB-1');
    const dock = product('DOCK-1');
    const bin = (productId: number, locationId: number, name: string) => t.ok('stock.createInventoryProduct', { productId, locationId, bin: name, min: 0, max: 0 });
    bin(cable.id, warehouseId, 'A-01/03');
    bin(dock.id, warehouseId, 'A-01/03');
    bin(cable.id, van, 'a-01/03');
    bin(dock.id, van, 'A-01/03B');
    expect(best('A-01/03')).toBe('bin A-01/03 at Main warehouse');
    expect(search('a-01/03').bins.map((b) => [b.bin, b.locationName, b.rank])).toEqual([
      ['A-01/03', 'Main warehouse', searchRank.exactCode],
      ['a-01/03', 'Van 2', searchRank.exactCode],
      ['A-01/03B', 'Van 2', searchRank.prefix],
    ]);
    // A product whose SKU is the same text comes first: the bin is listed after it.
    product('A-01/03');
    expect(best('A-01/03')).toBe('product A-01/03');
    expect(search('B-').bins).toEqual([]);
  });

  it('treats %, _, quotes and backslashes as text, and answers no best result when nothing matches', () => {
    product('PCT-100%', { name: 'Full 100% cotton' });
    product('UND_ER', { name: 'Under_score' });
    expect(best('pct-100%')).toBe('product PCT-100%');
    expect(search('100%').products.map((p) => p.sku)).toEqual(['PCT-100%']);
    expect(search('%').products.map((p) => p.sku)).toEqual(['PCT-100%']);
    expect(search('_').products.map((p) => p.sku)).toEqual(['UND_ER']);
    for (const q of ['"', '"PCT', '\\', 'nothing-like-this', "o'brien"]) {
      const found = search(q);
      expect(found.best, q).toBeNull();
      expect([...found.products, ...found.serials, ...found.locations, ...found.bins, ...found.companies], q).toEqual([]);
    }
  });

  it('lists each kind best first', () => {
    product('MIX-1', { name: 'mix one', serials: ['MIX-1', 'MIX-1-B'] });
    product('A-MIX-1', { name: 'Contains mix-1' });
    product('MIX-10', { name: 'Prefix' });
    const found = search('MIX-1');
    for (const list of [found.products, found.serials]) {
      const ranks = list.map((r) => r.rank);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    }
    expect(found.products[0]!.sku).toBe('MIX-1');
    expect(found.best).toMatchObject({ kind: 'serial', rank: searchRank.exactSerial });
  });
});

describe('where a found serial is', () => {
  it('names our location or In-transit from its balance, a client or Scrap from its last move, and nothing once written off', () => {
    const laptop = product('LAP-W', { serials: ['WH-1', 'WH-2', 'WH-3', 'WH-4', 'WH-5'] });
    const van = t.ok('locations.create', { name: 'Shelf 1', kind: 'shelf' }).id;
    const client = t.ok('catalog.createCompany', { name: 'Acme Dental', isClient: true, isVendor: false });
    const where = (serial: string) => search(serial).serials.find((s) => s.serialNumber === serial)!.locationName;
    t.ok('stock.transfer', { fromLocationId: warehouseId, toLocationId: van, mode: 'ship', lines: [{ productId: laptop.id, serials: ['WH-2'] }] });
    t.ok('stock.remove', { productId: laptop.id, locationId: warehouseId, serials: ['WH-3'], destination: 'scrap', reason: 'Broken screen' });
    t.ok('stock.remove', { productId: laptop.id, locationId: warehouseId, serials: ['WH-4'], destination: 'adjustment', reason: 'Lost' });
    t.ok('delivery.sendToClient', { companyId: client.id, fromLocationId: warehouseId, reason: 'Loan', lines: [{ productId: laptop.id, serials: ['WH-5'] }] });
    expect(['WH-1', 'WH-2', 'WH-3', 'WH-4', 'WH-5'].map(where)).toEqual(['Main warehouse', 'In-transit', 'Scrap', null, 'Customer']);
    expect(search('WH-5').serials[0]).toMatchObject({ locationName: 'Customer', locationKind: 'customer' });
    // Back in our stock, it is where its balance says again.
    const back = t.ok('stock.add', { productId: laptop.id, locationId: van, qty: 1, costMethod: 'catalogue', serials: ['WH-9'], reason: null });
    expect(back.id).toBeGreaterThan(0);
    expect(where('WH-9')).toBe('Shelf 1');
  });
});
