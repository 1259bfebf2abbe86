// In-app notifications through the channels: each step of an approval reaches exactly its recipients
// (approvers whose limit covers the amount; the creator and requester of the decision), a receipt tells
// the charge's technician and its sales order's owner once for the whole receipt, nobody is told of their
// own action, a failed action leaves nothing, and each user reads, counts and marks only their own.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Permission } from '@shared/contract/define';
import type { ChangeEvent } from '@shared/events';
import { createTestApp, seedWorld, type TestApp } from '@main/testing/harness';
import { notify } from './notify';

let t: TestApp;
let w: ReturnType<typeof seedWorld>;
let vendor: { id: number };
let ticket: { id: number };
let users: Record<'ana' | 'bob' | 'carla' | 'tomas', { id: number; token: string }>;
let changes: ChangeEvent[];

const approver: Permission[] = ['inventory.view', 'purchasing.approve', 'costs.view'];

beforeEach(() => {
  t = createTestApp();
  w = seedWorld(t);
  vendor = t.ok('catalog.createCompany', { name: 'Ingram Micro', isVendor: true, isClient: false });
  t.ok('catalog.saveProductVendor', { productId: w.laptop.id, vendorId: vendor.id, vendorPartNumber: 'IM-T14', vendorCost: 8_500_000, isDefault: true });
  t.ok('catalog.saveProductVendor', { productId: w.cable.id, vendorId: vendor.id, vendorPartNumber: 'IM-CAB', vendorCost: 12_000, isDefault: false });
  t.ok('settings.update', { approvalThreshold: 10_000_000 });
  const small = t.ok('purchasing.saveApprovalLimit', { name: 'Lead', upTo: 20_000_000 });
  const make = (username: string, permissions: Permission[], limit: number | null = null) => {
    const u = t.addUser({ username, displayName: username, permissions });
    if (limit !== null) t.ok('users.update', { id: u.id, displayName: username, permissions, isAdmin: false, active: true, approvalLimitId: limit });
    return { id: u.id, token: t.tokenFor(u.id) };
  };
  users = {
    ana: make('ana', approver),
    bob: make('bob', approver, small.id),
    carla: make('carla', ['inventory.view', 'sales.manage']),
    tomas: { id: w.tech.id, token: t.tokenFor(w.tech.id) },
  };
  const acme = t.ok('catalog.createCompany', { name: 'Acme Dental', isClient: true });
  ticket = t.ok('sales.createContainer', { kind: 'ticket', title: 'New hires', companyId: acme.id, ownerUserId: w.tech.id });
  changes = [];
  t.app.onChange((c) => changes.push(c));
});
afterEach(() => t.close());

const inbox = (who: keyof typeof users) => t.ok('notifications.list', {}, users[who].token).rows;
const unread = (who: keyof typeof users) => t.ok('notifications.unreadCount', {}, users[who].token).unread;

describe('approval of a charge', () => {
  it('tells the approvers whose limit covers it, then tells its creator the decision, with the note', () => {
    // 2 laptops: 1,800.00 — within Bob's 2,000.00 and Ana's no limit.
    const small = t.ok('sales.createCharge', { containerId: ticket.id, productId: w.laptop.id, quantity: 2 }, users.carla.token);
    expect(inbox('ana').map((n) => [n.event, n.documents])).toEqual([['approvalNeeded', [{ type: 'charge', id: small.id, number: small.number }]]]);
    expect(inbox('bob')).toHaveLength(1);
    expect(inbox('carla')).toEqual([]);
    // 3 laptops: 2,700.00 — above Bob's limit: only Ana.
    const big = t.ok('sales.createCharge', { containerId: ticket.id, productId: w.laptop.id, quantity: 3 }, users.carla.token);
    expect(inbox('ana').map((n) => n.documents[0]!.number)).toEqual([big.number, small.number]);
    expect(inbox('bob').map((n) => n.documents[0]!.number)).toEqual([small.number]);
    expect(unread('ana')).toBe(2);
    // The bells refresh: the change names the notifications area and who was told.
    expect(changes.at(-1)).toMatchObject({ channel: 'sales.createCharge', areas: ['sales', 'notifications'], notified: [users.ana.id] });

    t.ok('sales.approveCharge', { id: small.id, note: null }, users.bob.token);
    t.ok('sales.rejectCharge', { id: big.id, note: 'Two are enough' }, users.ana.token);
    expect(inbox('carla').map((n) => [n.event, n.documents[0]!.number, n.byName, n.note])).toEqual([
      ['rejected', big.number, 'ana', 'Two are enough'],
      ['approved', small.number, 'bob', null],
    ]);
    // Nobody hears of their own action; nothing else reached the approvers.
    expect(inbox('bob')).toHaveLength(1);
    expect(inbox('ana')).toHaveLength(2);
  });

  it('a charge below the threshold, or a failed action, tells nobody', () => {
    t.ok('sales.createCharge', { containerId: ticket.id, productId: w.cable.id, quantity: 2 }, users.carla.token);
    expect(t.fail('sales.createCharge', { containerId: ticket.id, productId: w.laptop.id, quantity: 0 }, users.carla.token).code).toBe('VALIDATION');
    const charge = t.ok('sales.createCharge', { containerId: ticket.id, productId: w.laptop.id, quantity: 2 }, users.carla.token);
    expect(t.fail('sales.approveCharge', { id: charge.id }, users.carla.token).code).toBe('FORBIDDEN');
    // What an action gathered and did not commit (here, gathered outside any action) never reaches anyone:
    // the next action starts from nothing.
    notify(t.app.ctx, { event: 'approved', people: { creator: [users.tomas.id] }, document: { type: 'charge', id: charge.id, number: charge.number }, byUserId: null });
    t.ok('sales.createCharge', { containerId: ticket.id, productId: w.cable.id, quantity: 1 }, users.carla.token);
    expect([...inbox('ana'), ...inbox('bob'), ...inbox('carla'), ...inbox('tomas')].map((n) => n.event)).toEqual(['approvalNeeded', 'approvalNeeded']);
  });

  it('an administrator is told when no approver is left to decide', () => {
    for (const who of ['ana', 'bob'] as const) t.ok('users.update', { id: users[who].id, displayName: who, permissions: ['inventory.view'], isAdmin: false, active: true });
    t.ok('sales.createCharge', { containerId: ticket.id, productId: w.laptop.id, quantity: 2 }, users.carla.token);
    expect(t.ok('notifications.list', {}).rows.map((n) => n.event)).toEqual(['approvalNeeded']);
  });
});

describe('a purchase order approval', () => {
  it('tells the approvers on request, and its creator the decision', () => {
    const buyer = t.addUser({ username: 'bea', displayName: 'bea', permissions: ['inventory.view', 'purchasing.manage'] });
    const beaToken = t.tokenFor(buyer.id);
    const po = t.ok('purchasing.createOrder', { vendorId: vendor.id, lines: [{ productId: w.laptop.id, qty: 3, locationId: w.main.id }] }, beaToken);
    t.ok('purchasing.requestApproval', { id: po.id }, beaToken);
    // 2,550.00: above Bob's limit.
    expect(inbox('ana').map((n) => [n.event, n.documents[0]])).toEqual([['approvalNeeded', { type: 'purchaseOrder', id: po.id, number: po.number }]]);
    expect(inbox('bob')).toEqual([]);
    t.ok('purchasing.reject', { id: po.id, note: 'Too many' }, users.ana.token);
    expect(t.ok('notifications.list', {}, beaToken).rows.map((n) => [n.event, n.note])).toEqual([['rejected', 'Too many']]);
  });
});

describe('a receipt for charges', () => {
  it('tells the technician once for the whole receipt, listing the charges', () => {
    const made = [1, 2, 3].map(() => t.ok('sales.createCharge', { containerId: ticket.id, productId: w.cable.id, quantity: 2 }, users.carla.token));
    const po = t.ok('purchasing.orderForCharges', { vendorId: vendor.id, locationId: w.main.id, charges: made.map((c) => ({ chargeId: c.id })) });
    t.ok('purchasing.submit', { id: po.id });
    // A receipt refused at its last line (more than ordered) tells nobody, though its first lines were for charges.
    const over = po.lines.map((l, i) => ({ lineId: l.id, qty: i === po.lines.length - 1 ? l.qtyOrdered + 5 : l.qtyOrdered }));
    expect(t.fail('purchasing.receive', { lines: over }).code).toBe('OVER_RECEIPT');
    t.ok('catalog.saveCategory', { name: 'Anything' });
    expect(inbox('tomas').map((n) => n.event)).toEqual(['poSubmitted']);
    t.ok('purchasing.receive', { lines: po.lines.map((l) => ({ lineId: l.id, qty: l.qtyOrdered })) });
    // The ticket's technician: the order sent, then one message for the receipt.
    // The receipt is one notification: the units received and, with them, the charges now ready.
    const told = inbox('tomas');
    expect(told.map((n) => [n.event, ...n.also.map((p) => p.event)])).toEqual([['itemsReceived', 'readyToDeliver'], ['poSubmitted']]);
    const received = told[0]!;
    expect(received.count).toBe(3);
    expect(received.documents.map((d) => d.number).sort()).toEqual(made.map((c) => c.number).sort());
    expect(received.also[0]!.count).toBe(3);
  });
});

describe('the rest of the flow', () => {
  it('the purchasing team hears of charges to order and orders sent; the requester of a delivery; the owner of a fulfilled sales order', () => {
    const team = t.addUser({ username: 'pia', displayName: 'pia', permissions: ['inventory.view', 'purchasing.manage'] });
    t.ok('users.update', { id: team.id, displayName: 'pia', permissions: ['inventory.view', 'purchasing.manage'], isAdmin: false, active: true, purchasingTeam: true });
    const piaToken = t.tokenFor(team.id);
    const pia = () => t.ok('notifications.list', {}, piaToken).rows;
    const cables = t.ok('sales.createCharge', { containerId: ticket.id, productId: w.cable.id, quantity: 2 }, users.carla.token);
    expect(pia().map((n) => [n.event, n.documents[0]!.number])).toEqual([['itemsNeedOrdering', cables.number]]);
    const po = t.ok('purchasing.orderForCharges', { vendorId: vendor.id, locationId: w.main.id, charges: [{ chargeId: cables.id }] });
    t.ok('purchasing.submit', { id: po.id });
    expect(pia()[0]).toMatchObject({ event: 'poSubmitted', documents: [{ type: 'purchaseOrder', id: po.id }] });
    t.ok('purchasing.receive', { lines: [{ lineId: po.lines[0]!.id, qty: 2 }] });
    // Delivered: whoever added the charge is told.
    t.ok('delivery.deliver', { method: 'deliver', lines: [{ chargeId: cables.id }] });
    expect(inbox('carla').map((n) => n.event)).toEqual(['delivered']);
  });

  it("a won quote's sales order tells its owner when it is fulfilled", () => {
    const acme = t.ok('catalog.createCompany', { name: 'Acme Two', isClient: true });
    t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 5, costMethod: 'catalogue', reason: null });
    const opportunity = t.ok('sales.createOpportunity', { companyId: acme.id, title: 'Cables', ownerUserId: users.carla.id });
    const quote = t.ok('sales.addQuoteItem', { opportunityId: opportunity.id, productId: w.cable.id, quantity: 2 });
    t.ok('stock.reserve', { quoteItemId: quote.items[0]!.id, locationId: w.main.id, qty: 2 });
    const won = t.ok('sales.winOpportunity', { id: opportunity.id, target: { kind: 'ticket', title: 'Cables', ownerUserId: w.tech.id } });
    const order = t.ok('sales.getSalesOrder', { id: won.id });
    t.ok('delivery.deliver', { method: 'deliver', lines: order.items.map((i) => ({ chargeId: i.chargeId })) });
    expect(inbox('carla').find((n) => n.event === 'salesOrderFulfilled')).toMatchObject({ documents: [{ type: 'salesOrder', id: won.id, number: won.number }] });
  });
});

describe('reading', () => {
  it('each user counts, lists and marks only their own', () => {
    t.ok('sales.createCharge', { containerId: ticket.id, productId: w.laptop.id, quantity: 2 }, users.carla.token);
    t.ok('sales.createCharge', { containerId: ticket.id, productId: w.laptop.id, quantity: 1 }, users.carla.token);
    t.ok('sales.createCharge', { containerId: ticket.id, productId: w.laptop.id, quantity: 2 }, users.carla.token);
    const [first, second] = inbox('ana');
    const bobs = inbox('bob');
    // Ana's ids are not Bob's to mark.
    t.ok('notifications.markRead', { ids: [first!.id] }, users.bob.token);
    expect(unread('ana')).toBe(2);
    t.ok('notifications.markRead', { ids: [first!.id] }, users.ana.token);
    expect(unread('ana')).toBe(1);
    expect(t.ok('notifications.list', { unread: true }, users.ana.token).rows.map((n) => n.id)).toEqual([second!.id]);
    t.ok('notifications.markRead', { all: true }, users.ana.token);
    expect(unread('ana')).toBe(0);
    expect(unread('bob')).toBe(bobs.length);
    expect(t.raw('notifications.list', {}, null)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
