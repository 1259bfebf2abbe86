import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelName } from '@shared/contract';
import type { App } from '../app';
import { createTestApp, seedWorld, type TestApp } from '../testing/harness';
import { readOnlyChannels, withReadWorkers, type ReadPool, type ReadWorkers } from './readPool';

let t: TestApp;
let w: ReturnType<typeof seedWorld>;
let pool: ReadPool;
let reads: ReadWorkers;
let served: App;
const inputs = {} as Record<string, unknown>;

beforeAll(() => {
  t = createTestApp();
  w = seedWorld(t);
  const vendor = t.ok('catalog.createCompany', { name: 'Ingram Micro', isVendor: true, isClient: false });
  t.ok('catalog.saveProductVendor', { productId: w.cable.id, vendorId: vendor.id, vendorCost: 12_000, isDefault: true });
  t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 10, costMethod: 'manual', unitCost: 10_000, reason: null });
  t.ok('stock.add', { productId: w.laptop.id, locationId: w.main.id, qty: 2, costMethod: 'catalogue', serials: ['SN-1', 'SN-2'], reason: null });
  t.ok('stock.transfer', { fromLocationId: w.main.id, toLocationId: w.van.id, lines: [{ productId: w.cable.id, qty: 2 }] });
  t.ok('stock.updateInventoryProduct', { id: t.ok('stock.listInventoryProducts', { productId: w.cable.id, locationId: w.main.id }).rows[0]!.id, bin: 'A-1', referenceNumber: null, min: 9, max: 20 });
  const order = t.ok('purchasing.submit', { id: t.ok('purchasing.createOrder', { vendorId: vendor.id, lines: [{ productId: w.cable.id, qty: 5, locationId: w.main.id }] }).id });
  t.ok('purchasing.receive', { lines: [{ lineId: order.lines[0]!.id, qty: 2 }] });
  const count = t.ok('stock.startCount', { locationId: w.shelf.id });
  Object.assign(inputs, {
    'catalog.listCategories': {},
    'catalog.listCompanies': { q: 'ingram' },
    'catalog.getCompany': { id: vendor.id },
    'catalog.listProducts': { q: 'cab', sortBy: 'onHand', sortDirection: 'desc' },
    'catalog.getProduct': { id: w.cable.id },
    'catalog.listProductVendors': { productId: w.cable.id },
    'locations.list': {},
    'purchasing.listOrders': { sortBy: 'total' },
    'purchasing.getOrder': { id: order.id },
    'purchasing.listApprovals': {},
    'purchasing.history': { id: order.id },
    'purchasing.reorderSuggestions': {},
    'purchasing.listOpenLines': {},
    'purchasing.listReceipts': { orderId: order.id },
    'stock.listInventoryProducts': { sortBy: 'available', sortDirection: 'desc' },
    'stock.listLots': { sortBy: 'qty' },
    'stock.costOptions': { productId: w.cable.id },
    'stock.listTransfers': { locationId: w.van.id },
    'stock.myVan': {},
    'stock.listCounts': {},
    'stock.getCount': { id: count.id },
    'stock.history': { locationId: w.main.id },
    'stock.valueByLocation': {},
    'stock.valueByProduct': {},
    'stock.valueSeries': { months: 3 },
    'stock.verifyLedger': {},
    'search.global': { q: 'SN' },
    'lists.export': { list: 'stock.history', input: {}, columns: [{ field: 'sku', header: 'SKU' }, { field: 'occurredAt', header: 'When' }], language: 'es', timeZone: 'Europe/Madrid', yes: 'Sí', no: 'No' },
  });
  reads = withReadWorkers(t.app, { dbPath: join(t.dir, 'test.db'), readers: 2 });
  served = reads.app;
  pool = reads.readers!;
});
afterAll(async () => {
  await reads.close();
  t.close();
});

async function call(channel: string, input: unknown, token: string | null = t.token) {
  return served.dispatch(channel, input, token);
}

describe('read pool', () => {
  it('answers every read-only channel exactly as the main connection does', async () => {
    expect(Object.keys(inputs).sort()).toEqual([...readOnlyChannels].sort());
    for (const [channel, input] of Object.entries(inputs)) {
      const pooled = await call(channel, input);
      expect(pooled.ok, channel).toBe(true);
      expect(pooled, channel).toEqual(t.app.dispatch(channel, input, t.token));
    }
  });

  it('keeps the door: session, permission and validation, with the same answers', async () => {
    const viewer = t.tokenFor(t.addUser({ username: 'viewer', permissions: ['inventory.view'] }).id);
    const cases: [ChannelName, unknown, string | null][] = [
      ['stock.listInventoryProducts', {}, null],
      ['stock.listInventoryProducts', {}, 'not-a-session'],
      ['stock.valueByLocation', {}, viewer],
      ['stock.verifyLedger', {}, viewer],
      // An export keeps the door of the list it reads: the viewer may not see inventory value.
      ['lists.export', { list: 'stock.valueByProduct', columns: [{ field: 'sku', header: 'SKU' }], language: 'en', timeZone: 'UTC', yes: 'Y', no: 'N' }, viewer],
      ['stock.listInventoryProducts', { sortBy: 'value' }, viewer],
      ['stock.listInventoryProducts', { pageSize: 10_000 }, t.token],
      ['catalog.getProduct', { id: 'x' }, t.token],
      ['catalog.getProduct', { id: 999 }, t.token],
    ];
    for (const [channel, input, token] of cases) {
      const pooled = await call(channel, input, token);
      expect(pooled.ok, `${channel} ${JSON.stringify(input)}`).toBe(false);
      expect(pooled).toEqual(t.app.dispatch(channel, input, token));
    }
    // Costs stay hidden from a user without costs.view on the pool too.
    const rows = (await call('stock.listInventoryProducts', {}, viewer)) as { ok: true; data: { rows: { value: number | null }[] } };
    expect(rows.data.rows.map((r) => r.value)).toEqual(rows.data.rows.map(() => null));
  });

  it('sees every write the moment it is committed on the main connection', async () => {
    for (let i = 1; i <= 5; i++) {
      const written = await call('stock.add', { productId: w.cable.id, locationId: w.shelf.id, qty: 1, costMethod: 'catalogue', reason: null });
      expect(written.ok).toBe(true);
      const read = (await call('stock.listInventoryProducts', { productId: w.cable.id, locationId: w.shelf.id })) as { ok: true; data: { rows: { onHand: number }[] } };
      expect(read.data.rows[0]!.onHand).toBe(i);
    }
  });

  it('cannot write: a write sent to a worker fails and changes nothing', async () => {
    const before = t.ok('stock.listInventoryProducts', { productId: w.cable.id, locationId: w.main.id }).rows[0]!.onHand;
    const admin = t.ok('auth.status', {}).user!.id;
    const answer = await pool.read('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 1, costMethod: 'catalogue', reason: null }, admin, Date.now());
    expect(answer).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(t.ok('stock.listInventoryProducts', { productId: w.cable.id, locationId: w.main.id }).rows[0]!.onHand).toBe(before);
  });
});
