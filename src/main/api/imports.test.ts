// CSV import through the door: each kind creates what its create channel would (read back through the
// normal lists), with per-row errors for what does not convert or breaks a rule, all or nothing unless
// asked for the valid rows only, and the create channel's permission and the cost rule held.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelInput } from '@shared/contract';
import { verifyLedger } from '../domain/stock/verify';
import { createTestApp, seedWorld, type TestApp } from '../testing/harness';

let t: TestApp;
let w: ReturnType<typeof seedWorld>;
beforeEach(() => {
  t = createTestApp();
  w = seedWorld(t);
});
afterEach(() => t.close());

type Run = ChannelInput<'imports.run'>;
const products = (rows: string[][], extra: Partial<Run> = {}): Run => ({ kind: 'products', language: 'en', fields: ['sku', 'name', 'unitCost', 'unitPrice', 'serialized', 'category'], rows, ...extra });
const productCount = () => t.ok('catalog.listProducts', { pageSize: 1, active: undefined }).total;
const changes = () => (t.app.ctx.sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

describe('products', () => {
  it('creates every row as catalog.createProduct would, read back through the catalogue', () => {
    const answer = t.ok(
      'imports.run',
      products([
        ['DOCK-1', 'USB-C dock', '120.50', '199.99', 'yes', 'Laptops'],
        ['MOUSE-1', 'Wireless mouse', '8', '19.5', 'no', ''],
      ]),
    );
    expect(answer).toMatchObject({ rows: 2, created: 2, skipped: 0, errors: [] });
    const dock = t.ok('catalog.listProducts', { q: 'DOCK-1' }).rows[0]!;
    expect(dock).toMatchObject({ sku: 'DOCK-1', name: 'USB-C dock', unitCost: 1_205_000, unitPrice: 1_999_900, msrp: 0, serialized: true, categoryName: 'Laptops', active: true, trackedInStock: true });
    const mouse = t.ok('catalog.listProducts', { q: 'MOUSE-1' }).rows[0]!;
    expect(mouse).toMatchObject({ serialized: false, categoryId: null, unitPrice: 195_000 });
    // The same product as the channel makes from the same values.
    const byChannel = t.ok('catalog.createProduct', { sku: 'DOCK-2', name: 'USB-C dock', unitCost: 1_205_000, unitPrice: 1_999_900, msrp: 0, serialized: true, categoryId: w.category.id });
    const { id: _a, sku: _b, ...imported } = dock;
    const { id: _c, sku: _d, ...created } = byChannel;
    expect(imported).toEqual(created);
  });

  it('reads Spanish decimals and words in a Spanish file, English ones in an English file', () => {
    t.ok('imports.run', products([['ES-1', 'Cable', '12,50', '1.234,5', 'sí', '']], { language: 'es' }));
    t.ok('imports.run', products([['EN-1', 'Cable', '12.50', '1,234.5', 'true', '']]));
    for (const sku of ['ES-1', 'EN-1']) expect(t.ok('catalog.listProducts', { q: sku }).rows[0]).toMatchObject({ unitCost: 125_000, unitPrice: 12_345_000, serialized: true });
    // A decimal comma is not a number in an English file.
    const check = t.ok('imports.check', products([['EN-2', 'Cable', '12,50', '1', 'no', '']]));
    expect(check.errors).toEqual([{ row: 1, field: 'unitCost', code: 'notMoney', details: { value: '12,50' } }]);
  });

  it('reports each bad row with its field and code, and writes nothing while one is bad', () => {
    const before = productCount();
    const rows = [
      ['OK-1', 'Fine', '1', '2', 'no', ''],
      ['', 'No SKU', '1', '2', 'no', ''],
      ['BAD-2', 'Bad cost', 'twelve', '2', 'no', ''],
      ['BAD-3', 'Bad flag', '1', '2', 'maybe', ''],
      ['BAD-4', 'Unknown category', '1', '2', 'no', 'Tablets'],
      ['cab-6-2m', 'SKU in the database', '1', '2', 'no', ''],
      ['OK-1', 'SKU earlier in the file', '1', '2', 'no', ''],
      ['BAD-7', 'x'.repeat(201), '1', '2', 'no', ''],
      ['BAD-8', 'Negative', '-1', '2', 'no', ''],
    ];
    const check = t.ok('imports.check', products(rows));
    expect(check).toMatchObject({ rows: 9, valid: 1 });
    expect(check.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [2, 'sku', 'required'],
      [3, 'unitCost', 'notMoney'],
      [4, 'serialized', 'notYesNo'],
      [5, 'category', 'unknownReference'],
      [6, 'sku', 'duplicateInDatabase'],
      [7, 'sku', 'duplicateInFile'],
      [8, 'name', 'tooLong'],
      [9, 'unitCost', 'outOfRange'],
    ]);
    expect(check.errors[3]!.details).toEqual({ entity: 'category', value: 'Tablets' });
    expect(check.errors[5]!.details).toEqual({ value: 'OK-1', row: 1 });

    const refused = t.fail('imports.run', products(rows));
    expect(refused.code).toBe('VALIDATION');
    expect(refused.details).toMatchObject({ reason: 'importRows', invalidRows: 8, rows: 9 });
    expect((refused.details as { errors: unknown[] }).errors).toHaveLength(8);
    expect(productCount()).toBe(before);

    const partial = t.ok('imports.run', products(rows, { onlyValid: true }));
    expect(partial).toMatchObject({ created: 1, skipped: 8 });
    expect(partial.errors).toHaveLength(8);
    expect(productCount()).toBe(before + 1);
  });

  it('sets the default vendor by its name', () => {
    const vendor = t.ok('catalog.createCompany', { name: 'Ingram Micro', isVendor: true, isClient: false });
    t.ok('imports.run', { kind: 'products', language: 'en', fields: ['sku', 'name', 'vendor', 'vendorPartNumber'], rows: [['NEW-1', 'New', 'ingram micro', 'IM-77']] });
    const product = t.ok('catalog.listProducts', { q: 'NEW-1' }).rows[0]!;
    expect(product.defaultVendorName).toBe('Ingram Micro');
    expect(t.ok('catalog.listProductVendors', { productId: product.id })).toEqual([expect.objectContaining({ vendorId: vendor.id, vendorPartNumber: 'IM-77', isDefault: true })]);
    const client = t.ok('catalog.createCompany', { name: 'Client Only' });
    const check = t.ok('imports.check', { kind: 'products', language: 'en', fields: ['sku', 'name', 'vendor'], rows: [['NEW-2', 'New', client.name]] });
    expect(check.errors).toEqual([{ row: 1, field: 'vendor', code: 'unknownReference', details: { entity: 'vendor', value: 'Client Only' } }]);
  });

  it('checks the product vendor as catalog.saveProductVendor would: a part number needs its vendor and fits its length', () => {
    t.ok('catalog.createCompany', { name: 'Acme Supplies', isVendor: true, isClient: false });
    const check = t.ok('imports.check', {
      kind: 'products',
      language: 'en',
      fields: ['sku', 'name', 'vendor', 'vendorPartNumber'],
      rows: [
        ['VP-1', 'No vendor', '', 'PN-LOST'],
        ['VP-2', 'Long part number', 'Acme Supplies', 'X'.repeat(101)],
      ],
    });
    expect(check.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [1, 'vendor', 'required'],
      [2, 'vendorPartNumber', 'tooLong'],
    ]);
  });

  it('needs catalog.manage, and costs.view for a cost column with values', () => {
    const clerk = t.addUser({ username: 'clerk', permissions: ['inventory.view', 'catalog.manage'] });
    const viewer = t.addUser({ username: 'viewer', permissions: ['inventory.view'] });
    const before = changes();
    expect(t.fail('imports.run', products([['P-1', 'One', '', '1', 'no', '']]), t.tokenFor(viewer.id))).toMatchObject({ code: 'FORBIDDEN', details: { permission: 'catalog.manage' } });
    expect(t.fail('imports.check', products([['P-1', 'One', '', '1', 'no', '']]), t.tokenFor(viewer.id))).toMatchObject({ code: 'FORBIDDEN' });
    expect(t.fail('imports.run', products([['P-1', 'One', '5', '1', 'no', '']]), t.tokenFor(clerk.id))).toMatchObject({ code: 'FORBIDDEN', details: { permission: 'costs.view', field: 'unitCost' } });
    expect(changes()).toBe(before);
    // The cost column mapped but empty: nothing about costs is brought in.
    expect(t.ok('imports.run', products([['P-1', 'One', '', '1', 'no', '']]), t.tokenFor(clerk.id))).toMatchObject({ created: 1 });
  });
});

describe('companies', () => {
  it('creates clients and vendors, with duplicates refused in the file and against the database', () => {
    const fields = ['name', 'isVendor', 'isClient', 'email', 'language', 'city'];
    const answer = t.ok('imports.run', {
      kind: 'companies',
      language: 'es',
      fields,
      rows: [
        ['Acme SL', 'no', 'sí', 'it@acme.es', 'español', 'Madrid'],
        ['TD Synnex', 'sí', 'no', '', 'inglés', ''],
        ['acme sl', 'no', 'sí', '', '', ''],
        ['Bad mail', 'no', 'sí', 'not-an-email', '', ''],
      ],
      onlyValid: true,
    });
    expect(answer).toMatchObject({ created: 2, skipped: 2 });
    expect(answer.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [3, 'name', 'duplicateInFile'],
      [4, 'email', 'invalid'],
    ]);
    const vendors = t.ok('catalog.listCompanies', { role: 'vendor' }).rows;
    expect(vendors).toEqual([expect.objectContaining({ name: 'TD Synnex', isVendor: true, isClient: false, language: 'en' })]);
    expect(t.ok('catalog.listCompanies', { q: 'Acme' }).rows[0]).toMatchObject({ email: 'it@acme.es', language: 'es', city: 'Madrid', isClient: true });
    expect(t.ok('imports.check', { kind: 'companies', language: 'en', fields: ['name'], rows: [['ACME SL']] }).errors[0]).toMatchObject({ code: 'duplicateInDatabase' });
  });
});

describe('locations', () => {
  it('creates locations by kind in either language, a van with its owner', () => {
    const answer = t.ok('imports.run', {
      kind: 'locations',
      language: 'es',
      fields: ['name', 'kind', 'owner', 'address'],
      rows: [
        ['Almacén Norte', 'Almacén', '', 'Calle 1'],
        ['Furgoneta Tech', 'furgoneta', 'tech', ''],
        ['Returns bay', 'returns', '', ''],
      ],
    });
    expect(answer.created).toBe(3);
    const list = t.ok('locations.list', {});
    expect(list.find((l) => l.name === 'Almacén Norte')).toMatchObject({ kind: 'warehouse', address: 'Calle 1', offersStock: true });
    expect(list.find((l) => l.name === 'Furgoneta Tech')).toMatchObject({ kind: 'van', ownerUserId: w.tech.id });
    expect(list.find((l) => l.name === 'Returns bay')).toMatchObject({ kind: 'returns', offersStock: false });
    const check = t.ok('imports.check', {
      kind: 'locations',
      language: 'en',
      fields: ['name', 'kind', 'owner'],
      rows: [
        ['Van 9', 'van', ''],
        ['Attic', 'attic', ''],
        ['Vendor', 'shelf', ''],
        ['Van 10', 'van', 'nobody'],
      ],
    });
    expect(check.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [1, 'owner', 'required'],
      [2, 'kind', 'notAChoice'],
      [3, 'name', 'duplicateInDatabase'],
      [4, 'owner', 'unknownReference'],
    ]);
  });

  it('needs locations.manage', () => {
    const clerk = t.addUser({ username: 'clerk', permissions: ['inventory.view', 'catalog.manage'] });
    expect(t.fail('imports.run', { kind: 'locations', language: 'en', fields: ['name', 'kind'], rows: [['X', 'shelf']] }, t.tokenFor(clerk.id))).toMatchObject({
      code: 'FORBIDDEN',
      details: { permission: 'locations.manage' },
    });
  });
});

describe('inventory products', () => {
  it('stocks products at locations with bin, minimum and maximum', () => {
    const answer = t.ok('imports.run', {
      kind: 'inventoryProducts',
      language: 'en',
      fields: ['sku', 'location', 'bin', 'min', 'max'],
      rows: [
        ['CAB-6-2M', 'Main warehouse', 'A-01', '5', '20'],
        ['lt-t14', 'office shelf', '', '1', '3'],
        ['CAB-6-2M', 'Main warehouse', 'A-02', '1', '2'],
        ['NOPE', 'Main warehouse', '', '1', '2'],
        ['CAB-6-2M', 'Customer', '', '1', '2'],
        ['CAB-6-2M', 'Office shelf', '', '9', '2'],
        ['CAB-6-2M', 'Van Tech', '', '1.5', '2'],
      ],
      onlyValid: true,
    });
    expect(answer).toMatchObject({ created: 2, skipped: 5 });
    expect(answer.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [3, 'sku', 'duplicateInFile'],
      [4, 'sku', 'unknownReference'],
      [5, 'location', 'LOCATION_VIRTUAL'],
      [6, 'max', 'MIN_GREATER_THAN_MAX'],
      [7, 'min', 'notAWholeNumber'],
    ]);
    const rows = t.ok('stock.listInventoryProducts', { sortBy: 'sku' }).rows;
    expect(rows.map((r) => [r.sku, r.locationName, r.bin, r.min, r.max])).toEqual([
      ['CAB-6-2M', 'Main warehouse', 'A-01', 5, 20],
      ['LT-T14', 'Office shelf', null, 1, 3],
    ]);
    expect(t.ok('imports.check', { kind: 'inventoryProducts', language: 'en', fields: ['sku', 'location'], rows: [['CAB-6-2M', 'Main warehouse']] }).errors[0]).toMatchObject({
      code: 'duplicateInDatabase',
    });
  });
});

describe('a refused row claims nothing', () => {
  it('a later row with the same key or serial is checked on its own, and imported with the valid rows', () => {
    const inventory = t.ok('imports.check', {
      kind: 'inventoryProducts',
      language: 'en',
      fields: ['sku', 'location', 'min', 'max'],
      rows: [
        ['CAB-6-2M', 'Main warehouse', '9', '2'],
        ['CAB-6-2M', 'Main warehouse', '1', '2'],
      ],
    });
    expect(inventory.errors.map((e) => [e.row, e.code])).toEqual([[1, 'MIN_GREATER_THAN_MAX']]);
    const stock = t.ok('imports.run', {
      kind: 'openingStock',
      language: 'en',
      fields: ['sku', 'location', 'qty', 'serials'],
      rows: [
        ['LT-T14', 'Main warehouse', '2', 'SN-A'],
        ['LT-T14', 'Main warehouse', '1', 'SN-A'],
      ],
      onlyValid: true,
    });
    expect(stock).toMatchObject({ created: 1, skipped: 1 });
    expect(stock.errors.map((e) => [e.row, e.code])).toEqual([[1, 'serialCount']]);
  });

  it('an inactive location is refused by the check, as the run would refuse it', () => {
    const store = t.ok('locations.create', { name: 'Old store', kind: 'warehouse' });
    t.ok('locations.setActive', { id: store.id, active: false });
    for (const kind of ['inventoryProducts', 'openingStock'] as const) {
      const check = t.ok('imports.check', { kind, language: 'en', fields: ['sku', 'location', 'qty'].slice(0, kind === 'openingStock' ? 3 : 2), rows: [['CAB-6-2M', 'Old store', '1'].slice(0, kind === 'openingStock' ? 3 : 2)] });
      expect(check.errors.map((e) => [e.field, e.code]), kind).toEqual([['location', 'LOCATION_INACTIVE']]);
    }
  });
});

describe('opening stock', () => {
  const stock = (rows: string[][], extra: Partial<Run> = {}): Run => ({ kind: 'openingStock', language: 'en', fields: ['sku', 'location', 'qty', 'unitCost', 'serials'], rows, ...extra });

  it('adds units with their cost and serials, as stock.add does', () => {
    const answer = t.ok(
      'imports.run',
      stock([
        ['CAB-6-2M', 'Main warehouse', '10', '1.25', ''],
        ['LT-T14', 'Main warehouse', '2', '850', 'SN-1 | SN-2'],
        ['LT-T14', 'Office shelf', '1', '', 'SN-3'],
      ]),
    );
    expect(answer.created).toBe(3);
    const lots = t.ok('stock.listLots', { sortBy: 'serialNumber' }).rows;
    expect(lots.map((l) => [l.sku, l.serialNumber, l.locationName, l.qty])).toEqual([
      ['CAB-6-2M', null, 'Main warehouse', 10],
      ['LT-T14', 'SN-1', 'Main warehouse', 1],
      ['LT-T14', 'SN-2', 'Main warehouse', 1],
      ['LT-T14', 'SN-3', 'Office shelf', 1],
    ]);
    const cable = t.ok('stock.listLots', { productId: w.cable.id }).rows[0]!;
    expect(t.ok('stock.listInventoryProducts', { productId: w.cable.id }).rows[0]).toMatchObject({ onHand: 10, value: '125000' });
    expect(cable.qty).toBe(10);
    // Without a cost the units take the catalogue's, as stock.add's catalogue method.
    expect(t.ok('stock.listInventoryProducts', { productId: w.laptop.id, locationId: w.shelf.id }).rows[0]!.value).toBe(String(w.laptop.unitCost));
    expect(verifyLedger(t.app.ctx).ok).toBe(true);
  });

  it('refuses serial counts that do not match, serials used twice or already in stock, serials of plain products', () => {
    t.ok('imports.run', stock([['LT-T14', 'Main warehouse', '1', '', 'SN-1']]));
    const check = t.ok(
      'imports.check',
      stock([
        ['LT-T14', 'Main warehouse', '2', '', 'SN-7'],
        ['LT-T14', 'Main warehouse', '1', '', 'sn-1'],
        ['LT-T14', 'Main warehouse', '1', '', 'SN-8'],
        ['LT-T14', 'Office shelf', '1', '', 'SN-8'],
        ['CAB-6-2M', 'Main warehouse', '1', '', 'X'],
        ['CAB-6-2M', 'Main warehouse', '1,5', '', ''],
      ]),
    );
    expect(check.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [1, 'serials', 'serialCount'],
      [2, 'serials', 'serialTaken'],
      [4, 'serials', 'serialRepeated'],
      [5, 'serials', 'serialsNotAllowed'],
      [6, 'qty', 'notANumber'],
    ]);
    expect(check.errors[0]!.details).toEqual({ qty: 2, serials: 1 });
  });

  it('needs stock.adjust, and costs.view for unit costs', () => {
    const counter = t.addUser({ username: 'counter', permissions: ['inventory.view', 'stock.count'] });
    const adjuster = t.addUser({ username: 'adjuster', permissions: ['inventory.view', 'stock.adjust'] });
    const before = changes();
    expect(t.fail('imports.run', stock([['CAB-6-2M', 'Main warehouse', '1', '', '']]), t.tokenFor(counter.id))).toMatchObject({ code: 'FORBIDDEN', details: { permission: 'stock.adjust' } });
    expect(t.fail('imports.run', stock([['CAB-6-2M', 'Main warehouse', '1', '3', '']]), t.tokenFor(adjuster.id))).toMatchObject({ code: 'FORBIDDEN', details: { permission: 'costs.view' } });
    expect(changes()).toBe(before);
    expect(t.ok('imports.run', stock([['CAB-6-2M', 'Main warehouse', '1', '', '']]), t.tokenFor(adjuster.id)).created).toBe(1);
  });

  it('reports what the domain refuses on the row, and all or nothing still holds', () => {
    t.ok('settings.update', { requireAdjustmentReason: true });
    const before = t.ok('stock.listLots', {}).total;
    const refused = t.fail(
      'imports.run',
      stock(
        [
          ['CAB-6-2M', 'Main warehouse', '3', '', '', 'Opening balance'],
          ['CAB-6-2M', 'Office shelf', '3', '', '', ''],
        ],
        { fields: ['sku', 'location', 'qty', 'unitCost', 'serials', 'reason'] },
      ),
    );
    expect(refused.details).toMatchObject({ reason: 'importRows', invalidRows: 1, errors: [{ row: 2, field: 'reason', code: 'REASON_REQUIRED' }] });
    expect(t.ok('stock.listLots', {}).total).toBe(before);
  });
});

it('refuses a mapping that misses a required field or names a field twice', () => {
  expect(t.fail('imports.check', { kind: 'products', language: 'en', fields: ['name'], rows: [['x']] }).code).toBe('VALIDATION');
  expect(t.fail('imports.check', { kind: 'products', language: 'en', fields: ['sku', 'name', 'name'], rows: [['x', 'y', 'z']] }).code).toBe('VALIDATION');
  expect(t.fail('imports.check', { kind: 'products', language: 'en', fields: ['sku', 'name'], rows: [['x']] }).code).toBe('VALIDATION');
});
