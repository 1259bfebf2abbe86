import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '@shared/errors';
import { createApp, type App } from '../app';
import { DEMO_TECHNICIAN_PASSWORD } from './demo';

function data<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${JSON.stringify(result.error.details)}`);
  return result.data;
}

/** What must come out the same whatever day the demo is loaded on. */
function fingerprint(app: App) {
  return app.ctx.sqlite
    .prepare(
      `SELECT (SELECT group_concat(sku, ',') FROM (SELECT sku FROM products ORDER BY id)) AS skus,
              (SELECT group_concat(serial_number, ',') FROM (SELECT serial_number FROM lots WHERE serial_number IS NOT NULL ORDER BY id)) AS serials,
              (SELECT count(*) FROM stock_moves) AS moves,
              (SELECT sum(b.qty * l.unit_cost) FROM balances b JOIN lots l ON l.id = b.lot_id JOIN locations loc ON loc.id = b.location_id WHERE loc.usage = 'internal') AS value`,
    )
    .get();
}

describe('demo data set', () => {
  const dirs: string[] = [];
  let app: App;
  let token: string;
  const tempDb = () => {
    const dir = mkdtempSync(join(tmpdir(), 'demo-'));
    dirs.push(dir);
    return join(dir, 'demo.db');
  };

  beforeAll(() => {
    app = createApp({ dbPath: tempDb(), checkOutputs: true });
  });
  afterAll(() => {
    app.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('loads into an empty database only', async () => {
    expect(app.loadDemoIntoEmptyDatabase()).toBe(true);
    expect(app.loadDemoIntoEmptyDatabase()).toBe(false);
    token = data(await app.callAsync('auth.login', { username: 'admin', password: 'admin' }, null)).token!;
  });

  it('says it is a demo, with the office settings filled in', () => {
    const status = data(app.call('auth.status', {}, token));
    expect(status.demo).toBe(true);
    expect(status.user?.username).toBe('admin');
    expect(data(app.call('settings.get', {}, token))).toMatchObject({ companyName: 'Demo IT Services', currency: 'EUR' });
    const users = data(app.call('users.list', {}, token));
    const technicianRole = data(app.call('roles.list', {}, token)).find((r) => r.key === 'technician')!;
    const shelf = data(app.call('locations.list', {}, token)).find((l) => l.name === 'Office shelf')!;
    for (const username of ['lucia', 'tom']) {
      const user = users.find((u) => u.username === username)!;
      expect(user.permissions.sort()).toEqual(['inventory.view', 'stock.count', 'stock.deliver', 'stock.pick', 'stock.transfer']);
      // Through the Technician role; working at their van and, granted, the office shelf.
      expect(user).toMatchObject({ roleIds: [technicianRole.id], ownPermissions: [], locationIds: [shelf.id] });
    }
  });

  it('keeps counting as a demo while a demo technician still has the published password', () => {
    const demoUsers = app.ctx.sqlite.prepare('SELECT username FROM users WHERE is_demo = 1 ORDER BY username').all();
    expect(demoUsers).toEqual([{ username: 'admin' }, { username: 'lucia' }, { username: 'tom' }]);
  });

  it('lets the technicians sign in with the published password', async () => {
    for (const username of ['lucia', 'tom']) {
      expect(await app.callAsync('auth.login', { username, password: DEMO_TECHNICIAN_PASSWORD }, null)).toMatchObject({ ok: true, data: { user: { username } } });
    }
  });

  it('has a catalogue, vendors and clients of a realistic size', () => {
    const products = data(app.call('catalog.listProducts', { pageSize: 1 }, token));
    expect(products.total).toBeGreaterThanOrEqual(180);
    expect(products.total).toBeLessThanOrEqual(250);
    expect(data(app.call('catalog.listCompanies', { role: 'client', pageSize: 1 }, token)).total).toBe(20);
    expect(data(app.call('catalog.listCompanies', { role: 'vendor', pageSize: 1 }, token)).total).toBe(10);
    expect(data(app.call('catalog.listCategories', {}, token))).toHaveLength(14);
    const yearly = data(app.call('catalog.listProducts', { q: 'Business Premium (annual)' }, token)).rows;
    expect(yearly.map((p) => p.billingPeriod)).toEqual(['yearly']);
  });

  it('has a warehouse, two shelves and the two technicians’ vans', () => {
    const locations = data(app.call('locations.list', {}, token));
    expect(locations.filter((l) => l.kind === 'warehouse' || l.kind === 'shelf' || l.kind === 'returns')).toHaveLength(3);
    const vans = locations.filter((l) => l.kind === 'van');
    expect(vans.map((v) => v.ownerName).sort()).toEqual(['Lucía Martín', 'Tom Becker']);
    expect(locations.find((l) => l.isDefault)?.name).toBe('Main warehouse');
    expect(vans.map((v) => v.refillFromName)).toEqual(['Main warehouse', 'Main warehouse']);
  });

  it('refills the vans from the main warehouse before buying: a van short of something the warehouse holds gets a transfer', () => {
    const rows = data(app.call('purchasing.reorderSuggestions', { pageSize: 200 }, token)).rows;
    const vanRows = rows.filter((r) => r.refillFromName === 'Main warehouse' && r.locationName.startsWith('Van'));
    expect(vanRows.map((r) => [r.sku, r.locationName, r.buyQty])).toEqual([['CAB-C6-100-GR', 'Van – Tom', 0]]);
    // All of it from the warehouse, which keeps at least its own minimum.
    const atMain = data(app.call('stock.listInventoryProducts', { locationId: rows.find((r) => r.refillFromId !== null)!.refillFromId!, q: 'CAB-C6-100-GR' }, token)).rows[0]!;
    expect(vanRows[0]!.transferQty).toBe(vanRows[0]!.suggestedQty);
    expect(atMain.available - vanRows[0]!.transferQty).toBeGreaterThanOrEqual(atMain.min);
  });

  it('has a few hundred inventory products, some below their minimum', () => {
    const all = data(app.call('stock.listInventoryProducts', { pageSize: 1 }, token));
    expect(all.total).toBeGreaterThanOrEqual(200);
    expect(all.total).toBeLessThan(1000);
    expect(data(app.call('stock.listInventoryProducts', { belowMin: true, pageSize: 1 }, token)).total).toBeGreaterThan(0);
  });

  it('has a year of history with a consistent ledger', () => {
    const history = data(app.call('stock.history', { pageSize: 1 }, token));
    expect(history.total).toBeGreaterThanOrEqual(200);
    const oldest = data(app.call('stock.history', { pageSize: 1, sortBy: 'occurredAt', sortDirection: 'asc' }, token)).rows[0]!;
    const newest = history.rows[0]!;
    const day = 24 * 60 * 60 * 1000;
    expect(Date.now() - oldest.occurredAt).toBeGreaterThan(300 * day);
    expect(newest.occurredAt).toBeLessThan(Date.now());
    expect(Date.now() - newest.occurredAt).toBeLessThan(30 * day);

    const ledger = data(app.call('stock.verifyLedger', {}, token));
    expect(ledger.differences).toEqual([]);
    expect(ledger.ok).toBe(true);
    expect(BigInt(data(app.call('stock.valueByLocation', {}, token)).total!)).toBeGreaterThan(0n);
    expect(data(app.call('stock.listTransfers', { status: 'inTransit' }, token)).total).toBe(1);
    expect(data(app.call('stock.listCounts', { status: 'posted' }, token)).total).toBe(1);
  });

  it('buys through purchase orders: a year of receipts, deliveries still to come and one order waiting for approval', () => {
    const received = data(app.call('purchasing.listOrders', { statuses: ['receivedFull'], pageSize: 1 }, token));
    expect(received.total).toBeGreaterThan(20);
    expect(data(app.call('purchasing.listOpenLines', { pageSize: 1 }, token)).total).toBeGreaterThan(0);
    const waiting = data(app.call('purchasing.listApprovals', {}, token)).rows;
    expect(waiting.map((o) => [o.status, o.approvalStatus, o.purchaseForName !== null])).toEqual([['new', 'requested', true]]);
    const receipts = data(app.call('purchasing.listReceipts', { pageSize: 5 }, token)).rows;
    expect(receipts.every((r) => r.lines.every((l) => l.vendorInvoiceNumber !== null))).toBe(true);
    expect(data(app.call('settings.get', {}, token))).toMatchObject({ approvalThreshold: 50_000_000, requireVendorInvoiceNumber: true, poNumberPrefix: 'PO-' });
  });

  it('sells through tickets, a contract and a project: charges in every state, picks from the vans, deliveries with devices, a shipment', () => {
    const statuses = app.ctx.sqlite.prepare(`SELECT DISTINCT status FROM charges ORDER BY status`).all() as { status: string }[];
    expect(statuses.map((r) => r.status)).toEqual(['canceled', 'delivered', 'needToOrder', 'onOrder', 'pending', 'ready']);
    const tickets = data(app.call('sales.listContainers', { kind: 'ticket', pageSize: 1 }, token));
    expect(tickets.total).toBeGreaterThan(50);
    // Technicians picked from their own vans.
    const vanPicks = app.ctx.sqlite
      .prepare(`SELECT count(*) AS n FROM inventory_events e JOIN locations l ON l.id = e.location_id WHERE e.type = 'stock.picked' AND l.kind = 'van'`)
      .get() as { n: number };
    expect(vanPicks.n).toBeGreaterThan(50);
    expect(data(app.call('devices.list', { pageSize: 1 }, token)).total).toBeGreaterThan(20);
    const shipments = data(app.call('delivery.list', { method: 'ship' }, token)).rows;
    expect(shipments).toHaveLength(1);
    expect(shipments[0]).toMatchObject({ carrier: 'SEUR', trackingNumber: 'SE77310042ES' });
    expect(data(app.call('delivery.listOpen', {}, token)).total).toBeGreaterThan(0);
    // Nothing leaves for a client as a bare note on a transfer any more.
    const notes = app.ctx.sqlite.prepare(`SELECT count(*) AS n FROM stock_moves WHERE reason LIKE 'Installed:%' OR reason LIKE 'Used:%'`).get() as { n: number };
    expect(notes.n).toBe(0);
  });

  it('buys for charges: one order for three clients and stock, partly received, one charge back-ordered', () => {
    const linked = app.ctx.sqlite
      .prepare(`SELECT l.po_id AS poId, count(DISTINCT ch.company_id) AS clients, sum(l.charge_id IS NULL) AS stock FROM purchase_order_lines l LEFT JOIN charges ch ON ch.id = l.charge_id GROUP BY l.po_id HAVING count(l.charge_id) > 0`)
      .all() as { poId: number; clients: number; stock: number }[];
    expect(linked).toHaveLength(1);
    expect(linked[0]).toMatchObject({ clients: 3, stock: 1 });
    const order = data(app.call('purchasing.getOrder', { id: linked[0]!.poId }, token));
    expect(order.status).toBe('receivedPartial');
    const charges = order.lines.filter((l) => l.chargeId !== null).map((l) => data(app.call('sales.getCharge', { id: l.chargeId! }, token)));
    expect(charges.map((c) => c.status).sort()).toEqual(['onOrder', 'onOrder', 'ready']);
    expect(charges.filter((c) => c.backOrdered > 0)).toHaveLength(1);
    // The won front desk's laptop arrived and was picked for it: its sales order is under way.
    const fulfilment = data(app.call('purchasing.listFulfillment', { status: 'onOrder' }, token));
    expect(fulfilment.total).toBe(2);
    expect(data(app.call('purchasing.listFulfillment', {}, token)).total).toBeGreaterThan(0);
  });

  it('returns to vendors: dead units replaced or credited through the year, a dead monitor still with the vendor, no RMA as a transfer note', () => {
    const returns = data(app.call('vendorReturns.list', { pageSize: 200 }, token));
    expect(returns.total).toBeGreaterThanOrEqual(3);
    expect(returns.rows[0]).toMatchObject({ reason: 'deadOnArrival', status: 'sent', vendorRmaNumber: 'DELL-RMA-5567102' });
    expect(new Set(returns.rows.map((r) => r.status))).toEqual(new Set(['sent', 'resolved']));
    const answered = returns.rows.filter((r) => r.status === 'resolved').map((r) => data(app.call('vendorReturns.get', { id: r.id }, token)));
    expect(answered.some((r) => r.lines.some((l) => l.replacementSerials.length > 0))).toBe(true);
    expect(answered.some((r) => r.creditNoteNumber !== null)).toBe(true);
    const notes = app.ctx.sqlite.prepare(`SELECT count(*) AS n FROM transfers WHERE note LIKE '%RMA%'`).get() as { n: number };
    expect(notes.n).toBe(0);
  });

  it('gives every serialized unit its own serial', () => {
    // The ThinkPad T14 models (Lenovo serials: PF + 6 characters) that are in stock today.
    const laptops = data(app.call('catalog.listProducts', { q: 'LEN-T14G5', pageSize: 20 }, token)).rows;
    expect(laptops.length).toBeGreaterThan(0);
    expect(laptops.every((l) => l.serialized)).toBe(true);
    const lots = laptops.flatMap((laptop) => data(app.call('stock.listLots', { productId: laptop.id, pageSize: 200 }, token)).rows);
    expect(lots.length).toBeGreaterThan(0);
    const serials = lots.map((l) => l.serialNumber);
    expect(serials.every((s) => typeof s === 'string' && /^PF[A-Z0-9]{6}$/.test(s))).toBe(true);
    expect(new Set(serials).size).toBe(serials.length);
    const unique = app.ctx.sqlite.prepare(`SELECT count(serial_number) AS n, count(DISTINCT serial_number) AS d FROM lots`).get() as { n: number; d: number };
    expect(unique.d).toBe(unique.n);
  });

  it('is the same data set whatever day it is loaded on', () => {
    const other = createApp({ dbPath: tempDb(), now: () => Date.UTC(2031, 2, 13, 15, 30) });
    try {
      expect(other.loadDemoIntoEmptyDatabase()).toBe(true);
      expect(fingerprint(other)).toEqual(fingerprint(app));
    } finally {
      other.close();
    }
  });
});
