// The figures lists sort by (on hand, value, reserved, picked, on order, back ordered, drafts on the
// inventory product; on hand and owned units and value on the product) are caches kept by triggers and, for
// reserved and picked, by the writers of allocations. Every
// kind of write must keep them equal to what they summarise, and verifyLedger must notice when one drifts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, seedWorld, type TestApp } from '@main/testing/harness';

let t: TestApp;
let w: ReturnType<typeof seedWorld>;
let vendorId: number;

beforeEach(() => {
  t = createTestApp();
  w = seedWorld(t);
  vendorId = t.ok('catalog.createCompany', { name: 'Ingram Micro', isVendor: true, isClient: false }).id;
  for (const p of [w.cable, w.laptop]) t.ok('catalog.saveProductVendor', { productId: p.id, vendorId, vendorCost: 10_000, isDefault: true });
});
afterEach(() => t.close());

function clean() {
  const report = t.ok('stock.verifyLedger', {});
  expect(report.differences).toEqual([]);
}

function figures(productId: number, locationId: number) {
  const row = t.ok('stock.listInventoryProducts', { productId, locationId }).rows[0]!;
  return { onHand: row.onHand, value: row.value, reserved: row.reserved, picked: row.picked, available: row.available, onOrder: row.onOrder, backOrdered: row.backOrdered };
}

describe('list figures kept beside the ledger', () => {
  it('follow every stock action, and a stocked product created after its stock starts from it', () => {
    t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 10, costMethod: 'manual', unitCost: 10_000, reason: null });
    expect(figures(w.cable.id, w.main.id)).toMatchObject({ onHand: 10, value: '100000', available: 10 });
    const shipped = t.ok('stock.transfer', { fromLocationId: w.main.id, toLocationId: w.van.id, lines: [{ productId: w.cable.id, qty: 4 }], mode: 'ship' });
    // In transit: no longer on hand anywhere, still owned.
    expect(t.ok('catalog.getProduct', { id: w.cable.id }).onHand).toBe(6);
    expect(t.ok('stock.valueByProduct', {}).rows).toEqual([{ id: w.cable.id, name: 'Cat6 cable 2 m', sku: 'CAB-6-2M', units: 10, value: '100000' }]);
    clean();
    t.ok('stock.receiveTransfer', { id: shipped.id });
    expect(figures(w.cable.id, w.van.id)).toMatchObject({ onHand: 4, value: '40000' });
    t.ok('stock.remove', { productId: w.cable.id, locationId: w.main.id, qty: 6, destination: 'scrap', reason: null });
    expect(figures(w.cable.id, w.main.id)).toMatchObject({ onHand: 0, value: '0' });
    t.ok('stock.add', { productId: w.laptop.id, locationId: w.shelf.id, qty: 2, costMethod: 'manual', unitCost: 9_000_000, serials: ['S1', 'S2'], reason: null });
    const count = t.ok('stock.startCount', { locationId: w.shelf.id });
    t.ok('stock.setCountQty', { id: count.id, productId: w.laptop.id, countedQty: 0 });
    const posted = t.ok('stock.postCount', { id: count.id });
    expect(figures(w.laptop.id, w.shelf.id)).toMatchObject({ onHand: 0, value: '0' });
    t.ok('stock.reverse', { documentType: 'stocktake', id: posted.id });
    expect(figures(w.laptop.id, w.shelf.id)).toMatchObject({ onHand: 2, value: '18000000' });
    expect(t.ok('catalog.getProduct', { id: w.laptop.id }).onHand).toBe(2);
    clean();
    // Stock first, then the inventory product (a location's row created by hand after a raw level).
    const sqlite = t.app.ctx.sqlite;
    sqlite.prepare(`DELETE FROM inventory_products WHERE product_id = ? AND location_id = ?`).run(w.laptop.id, w.shelf.id);
    sqlite.prepare(`INSERT INTO inventory_products (product_id, location_id, min, max, created_at) VALUES (?, ?, 5, 9, 0)`).run(w.laptop.id, w.shelf.id);
    expect(figures(w.laptop.id, w.shelf.id)).toMatchObject({ onHand: 2, value: '18000000' });
    expect(t.ok('stock.listInventoryProducts', { belowMin: true }).rows.map((r) => r.sku)).toEqual(['LT-T14']);
    clean();
  });

  it('follow purchase orders from draft to receipt, reductions, cancellations and removed lines', () => {
    const suggestion = () => t.ok('purchasing.reorderSuggestions', {}).rows.find((r) => r.productId === w.cable.id);
    const ip = t.ok('stock.createInventoryProduct', { productId: w.cable.id, locationId: w.main.id, bin: null, referenceNumber: null, min: 5, max: 20 });
    expect(suggestion()).toMatchObject({ onOrder: 0, suggestedQty: 20 });
    const draft = t.ok('purchasing.createOrder', { vendorId, lines: [{ productId: w.cable.id, qty: 8, locationId: w.main.id }] });
    // A draft counts for the suggestions, not as on order.
    expect(figures(w.cable.id, w.main.id)).toMatchObject({ onOrder: 0, backOrdered: 0 });
    expect(suggestion()).toMatchObject({ onOrder: 8, suggestedQty: 12 });
    clean();
    const line = t.ok('purchasing.addLine', { orderId: draft.id, productId: w.cable.id, qty: 3, locationId: w.main.id }).lines[1]!;
    t.ok('purchasing.updateLine', { id: line.id, qty: 4, locationId: w.main.id });
    expect(suggestion()).toMatchObject({ onOrder: 12 });
    t.ok('purchasing.removeLine', { id: line.id });
    expect(suggestion()).toMatchObject({ onOrder: 8 });
    clean();
    const po = t.ok('purchasing.submit', { id: draft.id });
    expect(figures(w.cable.id, w.main.id)).toMatchObject({ onOrder: 8, backOrdered: 0 });
    expect(suggestion()).toMatchObject({ onOrder: 8, suggestedQty: 12 });
    t.ok('purchasing.receive', { lines: [{ lineId: po.lines[0]!.id, qty: 3 }] });
    expect(figures(w.cable.id, w.main.id)).toMatchObject({ onHand: 3, onOrder: 5, backOrdered: 5 });
    t.ok('purchasing.reduceLine', { id: po.lines[0]!.id, qty: 2 });
    expect(figures(w.cable.id, w.main.id)).toMatchObject({ onOrder: 3, backOrdered: 3 });
    clean();
    const receipt = t.ok('purchasing.receive', { lines: [{ lineId: po.lines[0]!.id, qty: 3 }] });
    expect(figures(w.cable.id, w.main.id)).toMatchObject({ onHand: 6, onOrder: 0, backOrdered: 0 });
    t.ok('purchasing.cancelReceipt', { id: receipt.id });
    expect(figures(w.cable.id, w.main.id)).toMatchObject({ onHand: 3, onOrder: 3, backOrdered: 3 });
    clean();
    const other = t.ok('purchasing.submit', { id: t.ok('purchasing.createOrder', { vendorId, lines: [{ productId: w.cable.id, qty: 7, locationId: w.main.id }] }).id });
    expect(figures(w.cable.id, w.main.id)).toMatchObject({ onOrder: 10, backOrdered: 3 });
    t.ok('purchasing.cancelOrder', { id: other.id });
    expect(figures(w.cable.id, w.main.id)).toMatchObject({ onOrder: 3, backOrdered: 3 });
    const cancelledDraft = t.ok('purchasing.createOrder', { vendorId, lines: [{ productId: w.cable.id, qty: 9, locationId: w.main.id }] });
    t.ok('purchasing.cancelOrder', { id: cancelledDraft.id });
    expect(suggestion()).toMatchObject({ onHand: 3, onOrder: 3 });
    expect(ip.id).toBeGreaterThan(0);
    clean();
  });

  it('follow every writer of allocations (reserve, pick, win, unpick, transfer picked, deliver, release) and keep available = on hand − reserved − picked', () => {
    t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 10, costMethod: 'manual', unitCost: 10_000, reason: null });
    const client = t.ok('catalog.createCompany', { name: 'Acme Dental', isClient: true, isVendor: false });
    const ticket = t.ok('sales.createContainer', { kind: 'ticket', title: 'New starter kit', companyId: client.id, ownerUserId: w.tech.id });
    const opportunity = t.ok('sales.createOpportunity', { companyId: client.id, title: 'Cables', ownerUserId: w.tech.id });
    const item = t.ok('sales.addQuoteItem', { opportunityId: opportunity.id, productId: w.cable.id, quantity: 3 }).items[0]!;
    t.ok('stock.reserve', { quoteItemId: item.id, locationId: w.main.id, qty: 3 });
    const charge = t.ok('sales.createCharge', { containerId: ticket.id, productId: w.cable.id, quantity: 4 });
    t.ok('stock.pick', { chargeId: charge.id, locationId: w.main.id, qty: 2 });
    expect(figures(w.cable.id, w.main.id)).toMatchObject({ onHand: 10, reserved: 3, picked: 2, available: 5 });
    clean();
    // Winning hands the reservation over to a new charge as picked units.
    t.ok('sales.winOpportunity', { id: opportunity.id, target: { containerId: ticket.id } });
    expect(figures(w.cable.id, w.main.id)).toMatchObject({ reserved: 0, picked: 5, available: 5 });
    clean();
    t.ok('stock.unpick', { chargeId: charge.id, locationId: w.main.id, qty: 1 });
    t.ok('stock.transferPicked', { chargeId: charge.id, fromLocationId: w.main.id, toLocationId: w.van.id, qty: 1 });
    expect(figures(w.cable.id, w.main.id)).toMatchObject({ onHand: 9, picked: 3, available: 6 });
    expect(figures(w.cable.id, w.van.id)).toMatchObject({ onHand: 1, picked: 1, available: 0 });
    clean();
    t.ok('delivery.deliver', { method: 'deliver', lines: [{ chargeId: charge.id }] });
    expect(figures(w.cable.id, w.main.id)).toMatchObject({ onHand: 9, picked: 3, available: 6 });
    expect(figures(w.cable.id, w.van.id)).toMatchObject({ onHand: 0, picked: 0, available: 0 });
    clean();
    const won = t.ok('sales.listCharges', { containerId: ticket.id }).rows.find((c) => c.id !== charge.id)!;
    t.ok('sales.cancelCharge', { id: won.id, reason: 'Client changed their mind' });
    expect(figures(w.cable.id, w.main.id)).toMatchObject({ reserved: 0, picked: 0, available: 10 - 1 });
    expect(t.ok('stock.listInventoryProducts', { sortBy: 'available', sortDirection: 'desc' }).rows[0]).toMatchObject({ sku: 'CAB-6-2M', available: 9 });
    clean();
  });

  it('are checked by verifyLedger: any figure that drifts is reported', () => {
    t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 10, costMethod: 'manual', unitCost: 10_000, reason: null });
    t.ok('stock.updateInventoryProduct', { id: t.ok('stock.listInventoryProducts', {}).rows[0]!.id, bin: null, referenceNumber: null, min: 2, max: 20 });
    const sqlite = t.app.ctx.sqlite;
    const drifts: [string, string, { productId: number; locationId: number | null; expected: string; actual: string }][] = [
      ['inventory_products', 'on_hand = on_hand + 1', { productId: w.cable.id, locationId: w.main.id, expected: '10', actual: '11' }],
      ['inventory_products', 'value = value - 5', { productId: w.cable.id, locationId: w.main.id, expected: '100000', actual: '99995' }],
      ['inventory_products', 'below_min = 1', { productId: w.cable.id, locationId: w.main.id, expected: '0', actual: '1' }],
      ['inventory_products', 'reserved = 2', { productId: w.cable.id, locationId: w.main.id, expected: '0', actual: '2' }],
      ['inventory_products', 'picked = 1', { productId: w.cable.id, locationId: w.main.id, expected: '0', actual: '1' }],
      ['inventory_products', 'on_order = 4', { productId: w.cable.id, locationId: w.main.id, expected: '0', actual: '4' }],
      ['inventory_products', 'back_ordered = 4', { productId: w.cable.id, locationId: w.main.id, expected: '0', actual: '4' }],
      ['inventory_products', 'on_order_drafts = 3', { productId: w.cable.id, locationId: w.main.id, expected: '0', actual: '3' }],
      ['products', 'on_hand = 7', { productId: w.cable.id, locationId: null, expected: '10', actual: '7' }],
      ['products', 'owned_qty = 12', { productId: w.cable.id, locationId: null, expected: '10', actual: '12' }],
      ['products', 'owned_value = 1', { productId: w.cable.id, locationId: null, expected: '100000', actual: '1' }],
    ];
    for (const [table, change, difference] of drifts) {
      const key = table === 'products' ? 'id' : 'product_id';
      sqlite.exec('SAVEPOINT drift');
      sqlite.prepare(`UPDATE ${table} SET ${change} WHERE ${key} = ?`).run(w.cable.id);
      const report = t.ok('stock.verifyLedger', {});
      sqlite.exec('ROLLBACK TO drift');
      sqlite.exec('RELEASE drift');
      expect(report.ok, change).toBe(false);
      expect(report.differences, change).toEqual([{ kind: 'listCache', lotId: null, month: null, ...difference }]);
    }
    clean();
  });
});
