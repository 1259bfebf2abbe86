// Approval tiers through the channels: named limits, one approval by a user whose limit covers the amount
// (not a chain), the same rule for charges and purchase orders, the limit recorded in the history, the
// approvals lists telling each approver what they may approve, overdue requests, and self-approval.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Permission } from '@shared/contract/define';
import { createTestApp, seedWorld, type TestApp } from '@main/testing/harness';
import { contentHash } from '@main/testing/dbContent';

const THRESHOLD = 10_000_000; // 1,000.00
const LAPTOP = 8_500_000; // 850.00 from the vendor; the catalogue cost of the seeded laptop is 900.00
const DAY = 86_400_000;

let t: TestApp;
let w: ReturnType<typeof seedWorld>;
let vendor: { id: number };
let ticket: { id: number };
let tiers: { approver: { id: number }; manager: { id: number }; director: { id: number } };

const approverPermissions: Permission[] = ['inventory.view', 'purchasing.approve', 'costs.view'];

beforeEach(() => {
  t = createTestApp();
  w = seedWorld(t);
  vendor = t.ok('catalog.createCompany', { name: 'Ingram Micro', isVendor: true, isClient: false });
  t.ok('catalog.saveProductVendor', { productId: w.laptop.id, vendorId: vendor.id, vendorPartNumber: 'IM-T14', vendorCost: LAPTOP, isDefault: true });
  const acme = t.ok('catalog.createCompany', { name: 'Acme Dental', isClient: true });
  ticket = t.ok('sales.createContainer', { kind: 'ticket', title: 'New hires', companyId: acme.id, ownerUserId: w.tech.id });
  t.ok('settings.update', { approvalThreshold: THRESHOLD });
  // Saved out of order: the list comes back smallest first.
  const manager = t.ok('purchasing.saveApprovalLimit', { name: 'Manager', upTo: 200_000_000 });
  const approver = t.ok('purchasing.saveApprovalLimit', { name: 'Approver', upTo: 50_000_000 });
  const director = t.ok('purchasing.saveApprovalLimit', { name: 'Director', upTo: null });
  tiers = { approver, manager, director };
});
afterEach(() => {
  expect(t.ok('stock.verifyLedger', {}).differences).toEqual([]);
  t.close();
});

const hash = () => contentHash(t.app.ctx.sqlite);

/** An approver holding a tier (null: no limit). */
function approverAt(username: string, limitId: number | null) {
  const user = t.addUser({ username, displayName: username, permissions: approverPermissions });
  t.ok('users.update', { id: user.id, displayName: username, permissions: approverPermissions, isAdmin: false, active: true, approvalLimitId: limitId });
  return t.tokenFor(user.id);
}

/** A charge for `qty` laptops at 900.00 each, created by the admin. */
function laptopCharge(qty: number) {
  return t.ok('sales.createCharge', { containerId: ticket.id, productId: w.laptop.id, quantity: qty });
}

/** Another administrator: the one of the harness created the charges and orders. */
const boss = () => t.tokenFor(t.addUser({ username: 'boss', permissions: [], isAdmin: true }).id);

/** A New order for `qty` laptops at 850.00, its approval asked for by the admin. */
function requestedOrder(qty: number) {
  const po = t.ok('purchasing.createOrder', { vendorId: vendor.id, lines: [{ productId: w.laptop.id, qty, locationId: w.main.id }] });
  t.ok('purchasing.requestApproval', { id: po.id });
  return po;
}

describe('approval tiers', () => {
  it('are named limits, smallest first; names are unique; a tier someone holds cannot be deleted', () => {
    expect(t.ok('purchasing.listApprovalLimits', {}).map((l) => [l.name, l.upTo])).toEqual([
      ['Approver', 50_000_000],
      ['Manager', 200_000_000],
      ['Director', null],
    ]);
    expect(t.fail('purchasing.saveApprovalLimit', { name: 'manager', upTo: 1 })).toMatchObject({ code: 'CONFLICT', details: { field: 'name' } });
    expect(t.fail('purchasing.saveApprovalLimit', { name: 'Negative', upTo: -1 }).code).toBe('VALIDATION');
    approverAt('ana', tiers.manager.id);
    expect(t.ok('purchasing.listApprovalLimits', {}).find((l) => l.id === tiers.manager.id)!.userCount).toBe(1);
    const before = hash();
    expect(t.fail('purchasing.deleteApprovalLimit', { id: tiers.manager.id })).toMatchObject({ code: 'CONFLICT', details: { reason: 'limitInUse', name: 'Manager' } });
    expect(hash()).toEqual(before);
    t.ok('purchasing.deleteApprovalLimit', { id: tiers.approver.id });
    expect(t.ok('purchasing.listApprovalLimits', {}).map((l) => l.name)).toEqual(['Manager', 'Director']);
    // Only administrators define them; a user cannot be given one that does not exist.
    expect(t.fail('purchasing.saveApprovalLimit', { name: 'Mine', upTo: null }, approverAt('bob', null)).code).toBe('FORBIDDEN');
    const carl = t.addUser({ username: 'carl', permissions: approverPermissions });
    expect(t.fail('users.update', { id: carl.id, displayName: 'carl', permissions: approverPermissions, isAdmin: false, active: true, approvalLimitId: 999 }).code).toBe('NOT_FOUND');
    expect(t.ok('users.update', { id: carl.id, displayName: 'carl', permissions: approverPermissions, isAdmin: false, active: true }).approvalLimitId).toBeNull();
  });

  // Amounts at, just below and just above each limit, for each tier, on a charge and on an order.
  const cases = [
    { tier: 'approver', qty: 2, charge: 18_000_000, order: 17_000_000, covered: ['approver', 'manager', 'director', 'none', 'admin'] },
    { tier: 'approver', qty: 5, charge: 45_000_000, order: 42_500_000, covered: ['approver', 'manager', 'director', 'none', 'admin'] },
    { tier: 'manager', qty: 6, charge: 54_000_000, order: 51_000_000, covered: ['manager', 'director', 'none', 'admin'] },
    { tier: 'director', qty: 24, charge: 216_000_000, order: 204_000_000, covered: ['director', 'none', 'admin'] },
  ] as const;
  const holders = ['approver', 'manager', 'director', 'none', 'admin'] as const;
  const needed = { approver: 'Approver', manager: 'Manager', director: 'Director' } as const;

  for (const c of cases) {
    for (const holder of holders) {
      const covers = (c.covered as readonly string[]).includes(holder);
      it(`${c.qty} laptops (${c.tier} tier): ${holder} ${covers ? 'approves' : 'may not approve'} the charge and the order`, () => {
        const token =
          holder === 'admin'
            ? boss()
            : approverAt(holder, holder === 'none' ? null : tiers[holder].id);
        const charge = laptopCharge(c.qty);
        const order = requestedOrder(c.qty);
        const rows = { charges: t.ok('sales.listChargeApprovals', {}, token).rows, orders: t.ok('purchasing.listApprovals', {}, token).rows };
        expect(rows.charges[0]).toMatchObject({ id: charge.id, amount: c.charge, withinLimit: covers, neededLimit: covers ? null : needed[c.tier] });
        expect(rows.orders[0]).toMatchObject({ id: order.id, withinLimit: covers, neededLimit: covers ? null : needed[c.tier] });
        // The order's page says the same.
        expect(t.ok('purchasing.getOrder', { id: order.id }, token)).toMatchObject({ withinLimit: covers, neededLimit: covers ? null : needed[c.tier] });
        if (covers) {
          t.ok('sales.approveCharge', { id: charge.id, note: null }, token);
          t.ok('purchasing.approve', { id: order.id, note: null }, token);
          return;
        }
        const before = hash();
        expect(t.fail('sales.approveCharge', { id: charge.id }, token)).toMatchObject({ code: 'APPROVAL_LIMIT', details: { number: charge.number, total: c.charge, needed: needed[c.tier] } });
        expect(t.fail('purchasing.approve', { id: order.id }, token)).toMatchObject({ code: 'APPROVAL_LIMIT', details: { number: order.number, total: c.order, needed: needed[c.tier] } });
        expect(hash()).toEqual(before);
      });
    }
  }

  it('a limit covers an amount equal to it', () => {
    t.ok('purchasing.saveApprovalLimit', { id: tiers.approver.id, name: 'Approver', upTo: 45_000_000 });
    const approver = approverAt('ana', tiers.approver.id);
    expect(t.ok('sales.approveCharge', { id: laptopCharge(5).id, note: null }, approver).status).toBe('needToOrder');
    t.ok('purchasing.saveApprovalLimit', { id: tiers.approver.id, name: 'Approver', upTo: 44_999_999 });
    expect(t.fail('sales.approveCharge', { id: laptopCharge(5).id }, approver).code).toBe('APPROVAL_LIMIT');
  });

  it('one approval at a covering tier clears it, and the history records who approved at which limit', () => {
    const manager = approverAt('maria', tiers.manager.id);
    const charge = laptopCharge(20);
    expect(t.ok('sales.approveCharge', { id: charge.id, note: 'Budgeted' }, manager).status).toBe('needToOrder');
    expect(t.ok('sales.getCharge', { id: charge.id }).history[0]).toMatchObject({
      type: 'approve',
      userName: 'maria',
      details: { cost: 180_000_000, limitName: 'Manager', limitUpTo: 200_000_000, note: 'Budgeted' },
    });
    const order = requestedOrder(20);
    const approved = t.ok('purchasing.approve', { id: order.id, note: null }, manager);
    expect(approved).toMatchObject({ approvalStatus: 'approved', approvalCleared: true });
    expect(t.ok('purchasing.history', { id: order.id }).find((e) => e.type === 'approved')).toMatchObject({ userName: 'maria', details: { limitName: 'Manager', limitUpTo: 200_000_000 } });
    // Bought for the approved charge: the order needs no second approval, whatever the tier.
    const forCharge = t.ok('purchasing.orderForCharges', { vendorId: vendor.id, locationId: w.main.id, charges: [{ chargeId: charge.id }] });
    expect(forCharge).toMatchObject({ needsApproval: false, approvalCleared: true });
    // An administrator's approval is recorded with no limit.
    const admin = laptopCharge(300);
    t.ok('sales.approveCharge', { id: admin.id, note: null }, boss());
    expect(t.ok('sales.getCharge', { id: admin.id }).history[0]).toMatchObject({ type: 'approve', details: { limitName: null, limitUpTo: null } });
  });

  it('the tier is judged on what the order spends unapproved: lines for approved charges are left out', () => {
    const approver = approverAt('ana', tiers.approver.id);
    const director = approverAt('dora', tiers.director.id);
    const big = laptopCharge(100);
    t.ok('sales.approveCharge', { id: big.id, note: null }, director);
    const po = t.ok('purchasing.orderForCharges', { vendorId: vendor.id, locationId: w.main.id, charges: [{ chargeId: big.id }] });
    t.ok('purchasing.addLine', { orderId: po.id, productId: w.laptop.id, qty: 2, locationId: w.main.id });
    t.ok('purchasing.requestApproval', { id: po.id });
    // 100 laptops were approved with the charge; the 2 for stock (1,700.00) are within the approver's limit.
    expect(t.ok('purchasing.listApprovals', {}, approver).rows[0]).toMatchObject({ id: po.id, withinLimit: true });
    expect(t.ok('purchasing.approve', { id: po.id, note: null }, approver).approvalCleared).toBe(true);
  });

  it('self-approval stays refused at every tier unless the setting allows it; the list says so', () => {
    const manager = t.addUser({ username: 'maria', permissions: [...approverPermissions, 'sales.manage'] });
    t.ok('users.update', { id: manager.id, displayName: 'maria', permissions: [...approverPermissions, 'sales.manage'], isAdmin: false, active: true, approvalLimitId: tiers.manager.id });
    const token = t.tokenFor(manager.id);
    const own = t.ok('sales.createCharge', { containerId: ticket.id, productId: w.laptop.id, quantity: 2 }, token);
    expect(t.ok('sales.listChargeApprovals', {}, token).rows[0]).toMatchObject({ id: own.id, approverConflict: 'creator', withinLimit: true });
    expect(t.fail('sales.approveCharge', { id: own.id }, token).code).toBe('SELF_APPROVAL');
    t.ok('settings.update', { allowSelfApproval: true });
    expect(t.ok('sales.listChargeApprovals', {}, token).rows[0]!.approverConflict).toBeNull();
    expect(t.ok('sales.approveCharge', { id: own.id, note: null }, token).status).toBe('needToOrder');
  });

  it('marks requests waiting longer than the approval overdue days, longest waiting first', () => {
    t.ok('settings.update', { approvalOverdueDays: 2 });
    const first = laptopCharge(2);
    const order = requestedOrder(2);
    t.clock.now += 1 * DAY;
    const second = laptopCharge(3);
    const approver = approverAt('ana', null);
    let rows = t.ok('sales.listChargeApprovals', {}, approver).rows;
    expect(rows.map((r) => [r.id, r.overdue])).toEqual([
      [first.id, false],
      [second.id, false],
    ]);
    t.clock.now += 1 * DAY + 1;
    rows = t.ok('sales.listChargeApprovals', {}, approver).rows;
    expect(rows.map((r) => [r.id, r.overdue])).toEqual([
      [first.id, true],
      [second.id, false],
    ]);
    expect(t.ok('purchasing.listApprovals', {}, approver).rows[0]).toMatchObject({ id: order.id, overdue: true });
    // Sent back and asked again: the wait starts over.
    t.ok('sales.rejectCharge', { id: first.id, note: 'Fewer' }, approver);
    t.ok('sales.releaseCharge', { id: first.id });
    rows = t.ok('sales.listChargeApprovals', {}, approver).rows;
    expect(rows.map((r) => [r.id, r.overdue])).toEqual([
      [second.id, false],
      [first.id, false],
    ]);
  });
});

describe('approvers without costs.view', () => {
  it('see the amounts on the approvals lists, and nowhere else', () => {
    const plain = t.addUser({ username: 'pat', permissions: ['inventory.view', 'purchasing.approve'] });
    const token = t.tokenFor(plain.id);
    const charge = laptopCharge(2);
    const order = requestedOrder(2);
    expect(t.ok('sales.listChargeApprovals', {}, token).rows[0]).toMatchObject({ id: charge.id, amount: 18_000_000 });
    expect(t.ok('purchasing.listApprovals', {}, token).rows[0]).toMatchObject({ id: order.id, total: 17_000_000 });
    // Elsewhere the door still hides them.
    expect(t.ok('purchasing.listOrders', {}, token).rows.find((r) => r.id === order.id)!.total).toBeNull();
    expect(t.ok('sales.getCharge', { id: charge.id }, token).estimatedCost).toBeNull();
  });
});

describe('an approval covers what it was given for, no more', () => {
  it('a line bought for an approved charge counts as approved only up to the cost the charge was approved for', () => {
    const director = approverAt('dora', tiers.director.id);
    const charge = laptopCharge(2);
    t.ok('sales.approveCharge', { id: charge.id, note: null }, director);
    const po = t.ok('purchasing.orderForCharges', { vendorId: vendor.id, locationId: w.main.id, charges: [{ chargeId: charge.id }] });
    expect(po).toMatchObject({ needsApproval: false, approvalCleared: true });
    // 200 laptops on the line the 2-laptop approval covered: the excess needs an approval of its own.
    const line = po.lines[0]!;
    const raised = t.ok('purchasing.updateLine', { id: line.id, qty: 200, unitCost: LAPTOP, locationId: w.main.id, estimatedArrival: null });
    expect(raised).toMatchObject({ needsApproval: true, approvalCleared: false });
    // 200 × 850.00 less the 1,800.00 approved with the charge.
    expect(t.fail('purchasing.submit', { id: po.id })).toMatchObject({ code: 'APPROVAL_REQUIRED', details: { total: 200 * LAPTOP - 18_000_000 } });
  });

  for (const change of ['more stock units', 'a costlier stock line'] as const) {
    it(`a low tier's approval does not stretch to ${change} added after it`, () => {
      const lead = approverAt('lea', tiers.approver.id);
      const director = approverAt('dora', tiers.director.id);
      const charge = laptopCharge(10);
      t.ok('sales.approveCharge', { id: charge.id, note: null }, director);
      const po = t.ok('purchasing.orderForCharges', { vendorId: vendor.id, locationId: w.main.id, charges: [{ chargeId: charge.id }] });
      const withStock = t.ok('purchasing.addLine', { orderId: po.id, productId: w.laptop.id, qty: 2, locationId: w.main.id });
      t.ok('purchasing.requestApproval', { id: po.id });
      // 1,700.00 unapproved: within the lead's 5,000.00.
      expect(t.ok('purchasing.approve', { id: po.id, note: null }, lead).approvalCleared).toBe(true);
      const stockLine = withStock.lines.find((l) => l.chargeId === null)!;
      const after =
        change === 'more stock units'
          ? t.ok('purchasing.updateLine', { id: stockLine.id, qty: 10, unitCost: LAPTOP, locationId: w.main.id, estimatedArrival: null })
          : t.ok('purchasing.updateLine', { id: stockLine.id, qty: 2, unitCost: LAPTOP * 4, locationId: w.main.id, estimatedArrival: null });
      expect(after).toMatchObject({ approvalStatus: 'none', approvalCleared: false });
      expect(t.fail('purchasing.submit', { id: po.id }).code).toBe('APPROVAL_REQUIRED');
    });
  }
});

describe('who asked for a charge approval may not give it', () => {
  it('an approver who raised or released a charge into Waiting Approval is its requester; edits while it waits keep its age', () => {
    t.ok('settings.update', { approvalOverdueDays: 3 });
    const ana = t.addUser({ username: 'ana', permissions: [...approverPermissions, 'sales.manage'] });
    const anaToken = t.tokenFor(ana.id);
    const other = approverAt('otto', null);
    const charge = laptopCharge(2);
    t.ok('sales.approveCharge', { id: charge.id, note: null }, anaToken);
    // Ana raises it: it waits again, and she asked for this approval.
    t.clock.now += DAY;
    expect(t.ok('sales.updateCharge', { id: charge.id, quantity: 20, billable: true }, anaToken).status).toBe('waitingApproval');
    const before = hash();
    expect(t.fail('sales.approveCharge', { id: charge.id }, anaToken)).toMatchObject({ code: 'SELF_APPROVAL', details: { role: 'requester' } });
    expect(hash()).toEqual(before);
    expect(t.ok('sales.listChargeApprovals', {}, anaToken).rows[0]).toMatchObject({ id: charge.id, approverConflict: 'requester' });
    // An edit while it waits neither restarts its wait nor makes the editor its requester.
    t.clock.now += 4 * DAY;
    t.ok('sales.updateCharge', { id: charge.id, quantity: 20, billable: false, description: 'Twenty laptops' }, t.tokenFor(t.addUser({ username: 'sam', permissions: ['inventory.view', 'sales.manage'] }).id));
    expect(t.ok('sales.listChargeApprovals', {}, other).rows[0]).toMatchObject({ id: charge.id, overdue: true, approverConflict: null });
    // Rejected and released by Ana again: still hers to ask, another approver decides.
    t.ok('sales.rejectCharge', { id: charge.id, note: 'Fewer' }, other);
    t.ok('sales.updateCharge', { id: charge.id, quantity: 10, billable: true }, anaToken);
    t.ok('sales.releaseCharge', { id: charge.id }, anaToken);
    expect(t.fail('sales.approveCharge', { id: charge.id }, anaToken).details).toMatchObject({ role: 'requester' });
    expect(t.ok('sales.approveCharge', { id: charge.id, note: null }, other).status).toBe('needToOrder');
    // The setting lets requesters approve their own.
    t.ok('sales.updateCharge', { id: charge.id, quantity: 30, billable: true }, anaToken);
    t.ok('settings.update', { allowSelfApproval: true });
    expect(t.ok('sales.approveCharge', { id: charge.id, note: null }, anaToken).status).toBe('needToOrder');
  });
});
