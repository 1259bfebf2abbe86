// Every (state, action) pair of every document's transition table, from documents built through the
// real channels. The expectations are written out here by hand, apart from the tables: an allowed pair
// must succeed (state, history row) and lead where this file says; any other must answer
// INVALID_TRANSITION (ALREADY_REVERSED where the file says the action was in effect done) and change
// nothing. Then the same matrix through the channels users call, and the guards.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput, ChannelName } from '@shared/contract';
import type { ErrorCode } from '@shared/errors';
import { DomainError } from '@shared/errors';
import { createTestApp, seedWorld, type TestApp } from '@main/testing/harness';
import { act } from '@main/testing/act';
import type { Ctx } from '../context';
import { approvalWorkflow } from '../purchasing/approval';
import { orderWorkflow } from '../purchasing/orderStatus';
import { receiptWorkflow } from '../purchasing/receiving';
import { adjustmentWorkflow } from '../stock/adjustments';
import { stocktakeWorkflow } from '../stock/counts';
import { chargeWorkflow } from '../sales/charges';
import { containerWorkflow } from '../sales/containers';
import { deliveryWorkflow } from '../sales/deliveries';
import { deviceWorkflow } from '../sales/devices';
import { returnWorkflow } from '../returns/clientReturns';
import { rmaWorkflow } from '../rma/rmas';
import { vendorReturnWorkflow } from '../returns/vendorReturns';
import { opportunityWorkflow } from '../sales/opportunities';
import { salesOrderWorkflow } from '../sales/salesOrders';
import { transferWorkflow } from '../stock/transfers';
import { applyTransition, requireEditable, type TransitionInput } from './transitions';

/** The tables as this test handles them: by name, whatever their own types. */
interface AnyTable {
  document: string;
  column: string;
  states: readonly string[];
  transitions: Record<string, { history?: string | false }>;
  edits: Record<string, readonly string[]>;
  history: { table: string; key: string };
  read(ctx: Ctx, id: number): ({ id: number; number: string } & Record<string, unknown>) | undefined;
  state(row: never): string;
}

const loose = (wf: unknown) => wf as AnyTable;
const stateOf = (wf: AnyTable, ctx: Ctx, id: number) => wf.state(wf.read(ctx, id) as never);

/** The document and ledger tables a refused action must leave as they were. */
const watched = [
  'purchase_orders',
  'purchase_order_lines',
  'purchase_order_events',
  'receipts',
  'receipt_lines',
  'receipt_events',
  'adjustments',
  'adjustment_events',
  'transfers',
  'transfer_events',
  'stocktakes',
  'stocktake_counts',
  'stocktake_events',
  'stock_moves',
  'balances',
  'lots',
  'inventory_products',
  'allocations',
  'containers',
  'container_events',
  'charges',
  'charge_events',
  'deliveries',
  'delivery_lines',
  'delivery_events',
  'devices',
  'device_events',
  'client_returns',
  'client_return_lines',
  'client_return_events',
  'rmas',
  'rma_events',
  'vendor_returns',
  'vendor_return_lines',
  'vendor_return_events',
];

function snapshot(ctx: Ctx): string {
  return JSON.stringify(watched.map((table) => ctx.sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all()));
}

function historyRows(ctx: Ctx, wf: AnyTable, id: number) {
  return ctx.sqlite
    .prepare(`SELECT user_id AS userId, type, from_state AS "from", to_state AS "to" FROM ${wf.history.table} WHERE ${wf.history.key} = ? ORDER BY id`)
    .all(id) as { userId: number | null; type: string; from: string | null; to: string | null }[];
}

function caught(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

interface Env {
  t: TestApp;
  ctx: Ctx;
  adminId: number;
  w: ReturnType<typeof seedWorld>;
  vendorId: number;
  boss: { id: number; token: string };
}

function createEnv(settings: ChannelInput<'settings.update'> = {}): Env {
  const t = createTestApp();
  const w = seedWorld(t);
  const vendor = t.ok('catalog.createCompany', { name: 'Ingram Micro', isVendor: true, isClient: false });
  t.ok('catalog.saveProductVendor', { productId: w.cable.id, vendorId: vendor.id, vendorPartNumber: 'IM-CAB6', vendorCost: 12_000, isDefault: true });
  t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 1_000, costMethod: 'manual', unitCost: 10_000, reason: 'opening stock' });
  // Every reason-guarded action is exercised with the guard on.
  t.ok('settings.update', { requireAdjustmentReason: true, ...settings });
  const boss = t.addUser({ username: 'boss', displayName: 'Boss', permissions: ['inventory.view', 'purchasing.approve'] });
  const adminId = (t.app.ctx.sqlite.prepare(`SELECT id FROM users WHERE username = 'admin'`).get() as { id: number }).id;
  return { t, ctx: t.app.ctx, adminId, w, vendorId: vendor.id, boss: { id: boss.id, token: t.tokenFor(boss.id) } };
}

// Fixtures: a new document in each state, built as users build it --------------------------------

function order(env: Env, state: string): number {
  const { t, w } = env;
  const po = t.ok('purchasing.createOrder', { vendorId: env.vendorId, lines: [{ productId: w.cable.id, qty: 2, locationId: w.main.id }] });
  if (state === 'new') return po.id;
  if (state === 'canceled') return t.ok('purchasing.cancelOrder', { id: po.id, reason: 'duplicate' }).id;
  t.ok('purchasing.submit', { id: po.id });
  const qty = { submitted: 0, receivedPartial: 1, receivedFull: 2 }[state];
  if (qty === undefined) throw new Error(`no purchase order fixture for ${state}`);
  if (qty > 0) t.ok('purchasing.receive', { lines: [{ lineId: po.lines[0]!.id, qty }] });
  return po.id;
}

/** An order above the approval threshold in each approval state; `…+submitted` or `…+canceled` moves its status on. */
function approval(env: Env, state: string): number {
  const { t, w, boss } = env;
  const [approvalState, then] = state.split('+');
  const po = t.ok('purchasing.createOrder', { vendorId: env.vendorId, lines: [{ productId: w.cable.id, qty: 2, locationId: w.main.id }] });
  if (approvalState !== 'none') t.ok('purchasing.requestApproval', { id: po.id });
  if (approvalState === 'approved') t.ok('purchasing.approve', { id: po.id, note: 'fine' }, boss.token);
  if (approvalState === 'rejected') t.ok('purchasing.reject', { id: po.id, note: 'too dear' }, boss.token);
  if (then === 'submitted') t.ok('purchasing.submit', { id: po.id });
  if (then === 'canceled') t.ok('purchasing.cancelOrder', { id: po.id, reason: 'not needed' });
  return po.id;
}

function receipt(env: Env, state: string): number {
  const { t } = env;
  const po = t.ok('purchasing.submit', { id: order(env, 'new') });
  const r = t.ok('purchasing.receive', { lines: [{ lineId: po.lines[0]!.id, qty: 1 }] });
  if (state === 'canceled') t.ok('purchasing.cancelReceipt', { id: r.id, reason: 'wrong delivery' });
  return r.id;
}

let countLocations = 0;
function stocktake(env: Env, state: string): number {
  const { t, w } = env;
  // One open count per location: each fixture counts a shelf of its own.
  const shelf = t.ok('locations.create', { name: `Count shelf ${++countLocations}`, kind: 'shelf' });
  const count = t.ok('stock.startCount', { locationId: shelf.id, note: null });
  t.ok('stock.setCountQty', { id: count.id, productId: w.cable.id, countedQty: 3 });
  if (state === 'submitted') t.ok('stock.submitCount', { id: count.id });
  if (state === 'canceled') t.ok('stock.cancelCount', { id: count.id });
  if (state === 'posted' || state === 'reversed') t.ok('stock.postCount', { id: count.id, reason: 'found on the shelf' });
  if (state === 'reversed') t.ok('stock.reverse', { documentType: 'stocktake', id: count.id, reason: 'counted the wrong shelf' });
  return count.id;
}

function adjustment(env: Env, state: string): number {
  const { t, w } = env;
  const doc = t.ok('stock.add', { productId: w.cable.id, locationId: w.shelf.id, qty: 2, costMethod: 'manual', unitCost: 10_000, reason: 'found' });
  if (state === 'reversed') t.ok('stock.reverse', { documentType: 'adjustment', id: doc.id, reason: 'typo' });
  return doc.id;
}

/** A transfer of two cables: shipped (in transit, one of two received, or canceled) or direct (done, reversed). */
function transfer(env: Env, state: string): number {
  const { t, w } = env;
  const mode = state === 'inTransit' || state === 'partlyReceived' || state === 'canceled' ? 'ship' : 'direct';
  const doc = t.ok('stock.transfer', { fromLocationId: w.main.id, toLocationId: w.shelf.id, lines: [{ productId: w.cable.id, qty: 2 }], mode, note: null });
  if (state === 'partlyReceived') t.ok('stock.receiveTransfer', { id: doc.id, lines: [{ line: 1, qty: 1 }] });
  if (state === 'canceled' || state === 'reversed') t.ok('stock.reverse', { documentType: 'transfer', id: doc.id, reason: 'not needed' });
  return doc.id;
}

/** A client and a ticket of theirs, made once per environment. */
const clients = new WeakMap<Env, { ticketId: number }>();
function clientTicket(env: Env): number {
  let found = clients.get(env);
  if (!found) {
    const company = env.t.ok('catalog.createCompany', { name: 'Acme Dental', isClient: true });
    found = { ticketId: env.t.ok('sales.createContainer', { kind: 'ticket', title: 'New starter', companyId: company.id }).id };
    clients.set(env, found);
  }
  return found.ticketId;
}

function container(env: Env, state: string): number {
  const { t } = env;
  const company = t.ok('catalog.createCompany', { name: `Client ${++countLocations}`, isClient: true });
  const c = t.ok('sales.createContainer', { kind: 'project', title: 'Office move', companyId: company.id });
  if (state === 'closed') t.ok('sales.setContainerStatus', { id: c.id, action: 'close' });
  return c.id;
}

function charge(env: Env, state: string): number {
  const { t, w } = env;
  const containerId = clientTicket(env);
  if (state === 'pending') return t.ok('sales.createCharge', { containerId, productId: w.cable.id, quantity: 2, onHold: true }).id;
  const c = t.ok('sales.createCharge', { containerId, productId: w.cable.id, quantity: state === 'delivered' ? 1 : 2 });
  if (state === 'needToOrder') return c.id;
  if (state === 'canceled') return t.ok('sales.cancelCharge', { id: c.id, reason: 'not needed' }).id;
  // Reached with the procurement issues (approval, purchase orders); set as they will set it.
  if (state === 'waitingApproval' || state === 'onOrder') {
    env.ctx.sqlite.prepare(`UPDATE charges SET status = ? WHERE id = ?`).run(state, c.id);
    return c.id;
  }
  t.ok('stock.pick', { chargeId: c.id, locationId: w.main.id, qty: state === 'delivered' ? 1 : 2 });
  if (state === 'ready') return c.id;
  if (state !== 'delivered') throw new Error(`no charge fixture for ${state}`);
  // The delivered fixture is a shipment's freight charge: the one charge voidFreight applies to.
  const shipment = t.ok('delivery.deliver', { method: 'ship', lines: [{ chargeId: c.id }], freightPrice: 50_000 });
  return t.ok('delivery.get', { id: shipment.id }).freightChargeId!;
}

function delivery(env: Env, state: string): number {
  const { t, w } = env;
  if (state === 'delivered+receipt') {
    // A charge's units bought from a vendor and received straight to the client: the receipt delivered them.
    const vendor = t.ok('catalog.createCompany', { name: `Vendor ${++countLocations}`, isVendor: true, isClient: false });
    t.ok('catalog.saveProductVendor', { productId: w.cable.id, vendorId: vendor.id, vendorPartNumber: null, vendorCost: 10_000, isDefault: false });
    const bought = t.ok('sales.createCharge', { containerId: clientTicket(env), productId: w.cable.id, quantity: 1 });
    const po = t.ok('purchasing.orderForCharges', { vendorId: vendor.id, locationId: w.main.id, charges: [{ chargeId: bought.id }] });
    t.ok('purchasing.submit', { id: po.id });
    t.ok('purchasing.receive', { lines: [{ lineId: po.lines[0]!.id, qty: 1, destination: 'customer' }] });
    return t.ok('sales.getCharge', { id: bought.id }).deliveries[0]!.deliveryId;
  }
  const c = t.ok('sales.createCharge', { containerId: clientTicket(env), productId: w.cable.id, quantity: 1 });
  t.ok('stock.pick', { chargeId: c.id, locationId: w.main.id, qty: 1 });
  const doc = t.ok('delivery.deliver', { method: 'deliver', lines: [{ chargeId: c.id }] });
  if (state === 'reversed') t.ok('delivery.reverse', { id: doc.id, reason: 'wrong client' });
  return doc.id;
}

let serials = 0;
function device(env: Env, state: string): number {
  const { t, w } = env;
  const serial = `DEV-${++serials}`;
  t.ok('stock.add', { productId: w.laptop.id, locationId: w.main.id, qty: 1, costMethod: 'manual', unitCost: 1_000_000, serials: [serial], reason: 'opening stock' });
  const c = t.ok('sales.createCharge', { containerId: clientTicket(env), productId: w.laptop.id, quantity: 1 });
  t.ok('stock.pick', { chargeId: c.id, locationId: w.main.id, serials: [serial] });
  const doc = t.ok('delivery.deliver', { method: 'deliver', lines: [{ chargeId: c.id }] });
  if (state === 'voided') t.ok('delivery.reverse', { id: doc.id, reason: 'wrong client' });
  const id = t.ok('devices.list', { serial, includeVoided: true }).rows[0]!.id;
  if (state === 'returned') t.ok('returns.create', { companyId: t.ok('devices.get', { id }).companyId, condition: 'faulty', reason: 'test', lines: [{ deviceId: id }] });
  return id;
}

let vendorReturnCount = 0;
/** A vendor return of two cables: sent, one answered (partlyResolved), or both (resolved). */
function vendorReturnCase(env: Env, state: string): number {
  const { t, w } = env;
  const vendorId = t.ok('catalog.createCompany', { name: `Return vendor ${++vendorReturnCount}`, isVendor: true, isClient: false }).id;
  t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 2, costMethod: 'manual', unitCost: 1_000, reason: 'test' });
  const { id } = t.ok('vendorReturns.create', { vendorId, locationId: w.main.id, reason: 'other', vendorRmaNumber: 'RA', lines: [{ productId: w.cable.id, qty: 2 }] });
  if (state === 'partlyResolved') t.ok('vendorReturns.resolve', { id, lines: [{ lineNo: 1, credited: 1 }] });
  if (state === 'resolved') t.ok('vendorReturns.resolve', { id, lines: [{ lineNo: 1, credited: 2 }] });
  return id;
}

let rmaCount = 0;
/** An RMA in the state asked for: a repair unless the variant says 'return' or 'replace' (a replacement received is a replacement's). */
function rmaCase(env: Env, state: string): number {
  const { t, w } = env;
  const [status, variant] = state.split('+') as [string, string | undefined];
  const type = variant === 'return' ? 'return' : variant === 'replace' || status === 'replacementReceived' ? 'replace' : 'repair';
  t.app.ctx.sqlite.prepare(`UPDATE products SET eligible_for_rma = 1 WHERE id = ?`).run(w.laptop.id);
  const vendorId = t.ok('catalog.createCompany', { name: `RMA vendor ${++rmaCount}`, isVendor: true, isClient: false }).id;
  // A swap opens its RMA with the unit back already ('+swap').
  const deviceId = device(env, 'installed');
  const id =
    variant === 'swap'
      ? t.ok('devices.swap', { deviceId, fate: 'rma', condition: 'faulty', reason: 'test', rma: { type, fault: 'test', vendorId } }).rmaId!
      : t.ok('rma.create', { deviceId, type, fault: 'test', vendorId }).id;
  const path: Record<string, string[]> = {
    requested: [],
    rejected: ['reject'],
    canceled: ['cancel'],
    authorized: ['authorize'],
    received: ['authorize', 'receive'],
    sentToVendor: ['authorize', 'receive', 'send'],
    backFromVendor: ['authorize', 'receive', 'send', 'back'],
    replacementReceived: ['authorize', 'receive', 'send', 'replacement'],
    delivered: ['authorize', 'receive', 'send', 'back', 'deliver'],
    closed: ['authorize', 'receive', 'send', 'back', 'deliver', 'close'],
  };
  for (const step of path[status]!) {
    if (step === 'reject') t.ok('rma.reject', { id, reason: 'test' });
    if (step === 'cancel') t.ok('rma.cancel', { id, reason: 'test' });
    if (step === 'authorize') t.ok('rma.authorize', { id, creditAmount: 0 });
    if (step === 'receive') t.ok('rma.receive', { id });
    if (step === 'send') t.ok('rma.sendToVendor', { id });
    if (step === 'back') t.ok('rma.backFromVendor', { id });
    if (step === 'replacement') t.ok('rma.receiveReplacement', { id, serial: `REP-${rmaCount}` });
    if (step === 'deliver') t.ok('rma.deliver', { id });
    if (step === 'close') t.ok('rma.close', { id });
  }
  return id;
}

/** A client return: the device of a new delivery, back. */
function clientReturn(env: Env): number {
  const id = device(env, 'installed');
  return env.t.ok('returns.create', { companyId: env.t.ok('devices.get', { id }).companyId, condition: 'used', reason: 'test', lines: [{ deviceId: id }] }).id;
}

function opportunity(env: Env, state: string): number {
  const { t } = env;
  const company = t.ok('catalog.createCompany', { name: `Prospect ${++countLocations}`, isClient: true });
  const o = t.ok('sales.createOpportunity', { companyId: company.id, title: 'Office move' });
  if (state === 'lost') t.ok('sales.loseOpportunity', { id: o.id, reason: 'price' });
  if (state === 'won') {
    t.ok('sales.addQuoteItem', { opportunityId: o.id, productId: env.w.cable.id, quantity: 1 });
    t.ok('sales.winOpportunity', { id: o.id, target: { kind: 'ticket', title: 'Won' } });
  }
  return o.id;
}

/**
 * A sales order in each state, through the wizard and the charges' quantities: two charges of one cable
 * each; one unit picked is In Progress, one delivered Partially Fulfilled, both delivered Fulfilled.
 */
function salesOrder(env: Env, state: string): number {
  const { t, w } = env;
  t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 2, costMethod: 'manual', unitCost: 10_000, reason: 'opening stock' });
  const company = t.ok('catalog.createCompany', { name: `Buyer ${++countLocations}`, isClient: true });
  const o = t.ok('sales.createOpportunity', { companyId: company.id, title: 'Cables' });
  for (let i = 0; i < 2; i++) t.ok('sales.addQuoteItem', { opportunityId: o.id, productId: w.cable.id, quantity: 1 });
  const order = t.ok('sales.winOpportunity', { id: o.id, target: { kind: 'ticket', title: 'Cables' } });
  const [a, b] = t.ok('sales.getSalesOrder', { id: order.id }).items;
  if (state === 'canceled') t.ok('sales.cancelSalesOrder', { id: order.id, reason: 'test' });
  if (state === 'open' || state === 'canceled') return order.id;
  t.ok('stock.pick', { chargeId: a!.chargeId, locationId: w.main.id, qty: 1 });
  if (state === 'inProgress') return order.id;
  t.ok('delivery.deliver', { method: 'deliver', lines: [{ chargeId: a!.chargeId }] });
  if (state === 'partiallyFulfilled') return order.id;
  t.ok('stock.pick', { chargeId: b!.chargeId, locationId: w.main.id, qty: 1 });
  t.ok('delivery.deliver', { method: 'deliver', lines: [{ chargeId: b!.chargeId }] });
  return order.id;
}

// The expectations ----------------------------------------------------------------------------

interface TableCase {
  /** The table's exported name (every defineWorkflow in src/main must have a case). */
  name: string;
  workflow: AnyTable;
  settings?: ChannelInput<'settings.update'>;
  build: (env: Env, state: string) => number;
  /** Fixture states beyond the table's own (a state that also depends on another column). */
  variants?: string[];
  /** action → state it may start from → the state it leads to from that fixture (after `prepare`). */
  allowed: Record<string, Record<string, string>>;
  /** action → states in which it answers ALREADY_REVERSED (undone already). */
  repeated?: Record<string, string[]>;
  /** Who acts and the text each action takes, meeting its guards. */
  input: (env: Env, action: string) => TransitionInput;
  /** The caller's own writes an action's rule reads (a receipt adds received units before `receive`). */
  prepare?: Record<string, (env: Env, id: number, state: string) => void>;
  /** The status an INVALID_TRANSITION names (the order's status for its approval table). */
  refusalStatus?: (row: Record<string, unknown>) => string;
  /** A (state, action) pair refused with a code of its own, explaining why, instead of INVALID_TRANSITION. */
  refusals?: Record<string, Record<string, ErrorCode>>;
  /** edit → the states that allow it. */
  edits?: Record<string, string[]>;
}

/** Adds `delta` to a column of the order's only line, as a receipt, a cancelled receipt or a reduction would. */
function lineDelta(column: 'qty_received' | 'qty_canceled', delta: (state: string) => number) {
  return (env: Env, id: number, state: string) => {
    env.ctx.sqlite.prepare(`UPDATE purchase_order_lines SET ${column} = ${column} + ? WHERE po_id = ?`).run(delta(state), id);
  };
}

const cases: TableCase[] = [
  {
    name: 'orderWorkflow',
    workflow: loose(orderWorkflow),
    build: order,
    allowed: {
      submit: { new: 'submitted' },
      cancel: { new: 'canceled', submitted: 'canceled' },
      // Each from its fixture after the caller's change of quantities (prepare): the status follows them.
      reduceLine: { submitted: 'canceled', receivedPartial: 'receivedFull' },
      receive: { submitted: 'receivedPartial', receivedPartial: 'receivedFull' },
      cancelReceipt: { receivedPartial: 'submitted', receivedFull: 'receivedPartial' },
    },
    input: (env) => ({ userId: env.adminId, reason: 'test' }),
    prepare: {
      reduceLine: lineDelta('qty_canceled', (s) => (s === 'submitted' ? 2 : 1)),
      receive: lineDelta('qty_received', () => 1),
      cancelReceipt: lineDelta('qty_received', () => -1),
    },
    edits: {
      addLine: ['new'],
      editLine: ['new'],
      removeLine: ['new'],
      edit: ['new', 'submitted', 'receivedPartial'],
      changeVendor: ['new', 'submitted'],
      email: ['new', 'submitted', 'receivedPartial', 'receivedFull'],
    },
  },
  {
    name: 'approvalWorkflow',
    workflow: loose(approvalWorkflow),
    settings: { approvalThreshold: 1 },
    build: approval,
    // Approval moves only while the order is New: sent or cancelled, every action is refused.
    variants: ['approved+submitted', 'requested+canceled'],
    allowed: {
      request: { none: 'requested', rejected: 'requested' },
      approve: { requested: 'approved' },
      reject: { requested: 'rejected' },
      withdraw: { requested: 'none', approved: 'none', rejected: 'none' },
    },
    input: (env, action) => (action === 'approve' || action === 'reject' ? { userId: env.boss.id, note: 'noted' } : { userId: env.adminId }),
    refusalStatus: (row) => String(row.status),
  },
  {
    name: 'receiptWorkflow',
    workflow: loose(receiptWorkflow),
    build: receipt,
    allowed: { cancel: { posted: 'canceled' } },
    repeated: { cancel: ['canceled'] },
    input: (env) => ({ userId: env.adminId, reason: 'wrong delivery' }),
  },
  {
    name: 'stocktakeWorkflow',
    workflow: loose(stocktakeWorkflow),
    build: stocktake,
    allowed: {
      submit: { open: 'submitted' },
      sendBack: { submitted: 'open' },
      post: { open: 'posted', submitted: 'posted' },
      cancel: { open: 'canceled', submitted: 'canceled' },
      reverse: { posted: 'reversed' },
    },
    repeated: { reverse: ['reversed'] },
    input: (env) => ({ userId: env.adminId, reason: 'test', note: 'check the top shelf' }),
    edits: { scan: ['open'], setQty: ['open'] },
  },
  {
    name: 'adjustmentWorkflow',
    workflow: loose(adjustmentWorkflow),
    build: adjustment,
    allowed: { reverse: { posted: 'reversed' } },
    repeated: { reverse: ['reversed'] },
    input: (env) => ({ userId: env.adminId, reason: 'test' }),
  },
  {
    name: 'transferWorkflow',
    workflow: loose(transferWorkflow),
    build: transfer,
    // Applied with nothing received, a receipt leaves the shipment partly received (its state follows what is still on its way).
    allowed: { receive: { inTransit: 'partlyReceived', partlyReceived: 'partlyReceived' }, cancel: { inTransit: 'canceled', partlyReceived: 'canceled' }, reverse: { done: 'reversed' } },
    // Undone already, one way (cancelled in transit) or the other (reversed once received).
    repeated: { cancel: ['canceled', 'reversed'], reverse: ['reversed', 'canceled'] },
    input: (env) => ({ userId: env.adminId, reason: 'test' }),
  },
  {
    name: 'containerWorkflow',
    workflow: loose(containerWorkflow),
    build: container,
    allowed: { close: { open: 'closed' }, reopen: { closed: 'open' } },
    input: (env) => ({ userId: env.adminId }),
  },
  {
    name: 'chargeWorkflow',
    workflow: loose(chargeWorkflow),
    build: charge,
    allowed: {
      hold: { waitingApproval: 'pending', needToOrder: 'pending', onOrder: 'pending', ready: 'pending' },
      release: { pending: 'needToOrder' },
      cancel: { pending: 'canceled', waitingApproval: 'canceled', needToOrder: 'canceled', onOrder: 'canceled', ready: 'canceled' },
      // The quantities decide: nothing picked, needed; one more unit than picked, needed again; all delivered, delivered.
      // Waiting for approval with no threshold set: nothing waits.
      follow: { waitingApproval: 'needToOrder', needToOrder: 'needToOrder', onOrder: 'needToOrder', ready: 'needToOrder', delivered: 'delivered' },
      voidFreight: { delivered: 'canceled' },
      approve: { waitingApproval: 'needToOrder' },
      reject: { waitingApproval: 'pending' },
    },
    // The fixtures are the administrator's own charges: approving them needs self-approval allowed.
    settings: { allowSelfApproval: true },
    repeated: { cancel: ['canceled'] },
    input: (env) => ({ userId: env.adminId, reason: 'test', note: 'noted' }),
    prepare: {
      follow: (env, id, state) => {
        if (state === 'ready') env.ctx.sqlite.prepare(`UPDATE charges SET quantity = quantity + 1 WHERE id = ?`).run(id);
      },
    },
    edits: {
      edit: ['pending', 'waitingApproval', 'needToOrder', 'onOrder', 'ready', 'delivered'],
      pick: ['waitingApproval', 'needToOrder', 'onOrder', 'ready'],
      unpick: ['pending', 'waitingApproval', 'needToOrder', 'onOrder', 'ready'],
      order: ['needToOrder', 'onOrder', 'ready'],
      deliver: ['needToOrder', 'onOrder', 'ready'],
    },
  },
  {
    name: 'deliveryWorkflow',
    workflow: loose(deliveryWorkflow),
    build: delivery,
    // A delivery a receipt made straight to the client is undone by cancelling the receipt, which applies receiptCanceled.
    variants: ['delivered+receipt'],
    allowed: { reverse: { delivered: 'reversed' }, receiptCanceled: { 'delivered+receipt': 'reversed' } },
    repeated: { reverse: ['reversed'] },
    refusals: { reverse: { 'delivered+receipt': 'DELIVERED_BY_RECEIPT' } },
    input: (env) => ({ userId: env.adminId, reason: 'test' }),
  },
  {
    name: 'opportunityWorkflow',
    workflow: loose(opportunityWorkflow),
    build: opportunity,
    allowed: { lose: { open: 'lost' }, win: { open: 'won' } },
    input: (env) => ({ userId: env.adminId, reason: 'test' }),
    edits: { edit: ['open'], items: ['open'], reserve: ['open'], release: ['open'] },
  },
  {
    name: 'salesOrderWorkflow',
    workflow: loose(salesOrderWorkflow),
    build: salesOrder,
    // The charges decide: each state's order follows them to where it already is.
    allowed: {
      follow: { open: 'open', inProgress: 'inProgress', partiallyFulfilled: 'partiallyFulfilled', fulfilled: 'fulfilled' },
      cancel: { open: 'canceled', inProgress: 'canceled' },
    },
    input: (env) => ({ userId: env.adminId, reason: 'test' }),
  },
  {
    name: 'deviceWorkflow',
    workflow: loose(deviceWorkflow),
    build: device,
    allowed: { void: { installed: 'voided' }, return: { installed: 'returned' } },
    input: (env) => ({ userId: env.adminId }),
  },
  {
    name: 'rmaWorkflow',
    workflow: loose(rmaWorkflow),
    build: rmaCase,
    // The path depends on the type: a return ends once received, a replacement goes through a new unit.
    variants: ['received+return', 'sentToVendor+replace', 'backFromVendor+swap', 'replacementReceived+swap'],
    allowed: {
      authorize: { requested: 'authorized' },
      reject: { requested: 'rejected' },
      receive: { authorized: 'received' },
      sendToVendor: { received: 'sentToVendor' },
      backFromVendor: { sentToVendor: 'backFromVendor' },
      receiveReplacement: { 'sentToVendor+replace': 'replacementReceived' },
      deliver: { backFromVendor: 'delivered', replacementReceived: 'delivered', 'backFromVendor+swap': 'delivered', 'replacementReceived+swap': 'delivered' },
      close: { 'received+return': 'closed', delivered: 'closed', 'backFromVendor+swap': 'closed', 'replacementReceived+swap': 'closed' },
      cancel: {
        requested: 'canceled',
        authorized: 'canceled',
        received: 'canceled',
        'received+return': 'canceled',
        sentToVendor: 'canceled',
        'sentToVendor+replace': 'canceled',
        backFromVendor: 'canceled',
        replacementReceived: 'canceled',
        'backFromVendor+swap': 'canceled',
        'replacementReceived+swap': 'canceled',
        delivered: 'canceled',
      },
    },
    repeated: { cancel: ['canceled'] },
    edits: {
      edit: ['requested', 'authorized', 'received', 'received+return', 'sentToVendor', 'sentToVendor+replace', 'backFromVendor', 'replacementReceived', 'backFromVendor+swap', 'replacementReceived+swap', 'delivered'],
    },
    input: (env) => ({ userId: env.adminId, reason: 'test' }),
  },
  {
    name: 'vendorReturnWorkflow',
    workflow: loose(vendorReturnWorkflow),
    build: vendorReturnCase,
    // The state an answer leads to is what is still open after it (here, applied with nothing answered).
    allowed: { resolve: { sent: 'partlyResolved', partlyResolved: 'partlyResolved' } },
    edits: { edit: ['sent', 'partlyResolved'] },
    input: (env) => ({ userId: env.adminId }),
  },
  {
    name: 'returnWorkflow',
    workflow: loose(returnWorkflow),
    build: clientReturn,
    allowed: {},
    input: (env) => ({ userId: env.adminId }),
  },
];

describe('transition tables: every (state, action) pair', () => {
  for (const c of cases) {
    const wf = c.workflow;
    describe(`${c.name} (${wf.document}.${wf.column})`, () => {
      let env: Env;
      beforeAll(() => {
        env = createEnv(c.settings);
      });
      afterAll(() => {
        // Direct transitions keep every cache the ledger check covers (on order, receivable lines) in step.
        expect(env.t.ok('stock.verifyLedger', {}).ok).toBe(true);
        env.t.close();
      });

      it('names exactly the actions this file expects', () => {
        expect(Object.keys(wf.transitions).sort()).toEqual(Object.keys(c.allowed).sort());
        expect(Object.keys(wf.edits).sort()).toEqual(Object.keys(c.edits ?? {}).sort());
      });

      for (const state of [...wf.states, ...(c.variants ?? [])]) {
        for (const action of Object.keys(c.allowed)) {
          const to = c.allowed[action]![state];
          if (to !== undefined) {
            it(`${state} --${action}--> ${to}`, () => {
              const { ctx } = env;
              const id = c.build(env, state);
              const before = historyRows(ctx, wf, id).length;
              const input = c.input(env, action);
              const result = act(ctx, () => {
                c.prepare?.[action]?.(env, id, state);
                return applyTransition(ctx, wf as never, id, action as never, input) as { from: string; to: string };
              });
              // A variant fixture ('delivered+receipt') is in its table's state before the '+'.
              const from = state.split('+')[0];
              expect(result).toMatchObject({ from, to });
              expect(stateOf(wf, ctx, id)).toBe(to);
              const rows = historyRows(ctx, wf, id);
              const type = wf.transitions[action]!.history;
              if (type === false) {
                expect(rows).toHaveLength(before);
              } else {
                expect(rows).toHaveLength(before + 1);
                expect(rows.at(-1)).toEqual({ userId: input.userId, type: type ?? action, from, to });
              }
            });
          } else {
            const repeat = c.repeated?.[action]?.includes(state) ?? false;
            const code: ErrorCode = c.refusals?.[action]?.[state] ?? (repeat ? 'ALREADY_REVERSED' : 'INVALID_TRANSITION');
            it(`${state} --${action}--> ${code}, nothing changed`, () => {
              const { ctx } = env;
              const id = c.build(env, state);
              const row = wf.read(ctx, id)!;
              const before = snapshot(ctx);
              const error = caught(() => act(ctx, () => applyTransition(ctx, wf as never, id, action as never, c.input(env, action))));
              expect(error.code).toBe(code);
              if (c.refusals?.[action]?.[state]) expect(error.details).toMatchObject({ number: row.number });
              else expect(error.details).toMatchObject({ document: wf.document, number: row.number, status: c.refusalStatus?.(row) ?? state.split('+')[0], action });
              expect(snapshot(ctx)).toBe(before);
            });
          }
        }
        for (const [edit, states] of Object.entries(c.edits ?? {})) {
          it(`${state}: ${edit} ${states.includes(state) ? 'allowed' : 'refused'}`, () => {
            const { ctx } = env;
            const id = c.build(env, state);
            const check = () => requireEditable(wf as never, wf.read(ctx, id) as never, edit as never);
            if (states.includes(state)) expect(check).not.toThrow();
            else expect(caught(check)).toMatchObject({ code: 'INVALID_TRANSITION', details: { document: wf.document, status: state, action: edit } });
          });
        }
      }
    });
  }

  it('covers every table declared in src/main', () => {
    const root = join(import.meta.dirname, '..', '..');
    const declared: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) {
          for (const m of readFileSync(path, 'utf8').matchAll(/export const (\w+) = defineWorkflow</g)) declared.push(m[1]!);
        }
      }
    };
    walk(root);
    expect(declared.sort()).toEqual(cases.map((c) => c.name).sort());
  });
});

// Through the channels --------------------------------------------------------------------------

/** The outcome per state: the state the document is in afterwards, or the error code (nothing changed). */
type Outcomes = Record<string, string>;

interface ChannelCase {
  name: string;
  table: TableCase;
  calls: { channel: ChannelName; input: (env: Env, id: number) => unknown; as?: (env: Env) => string; outcomes: Outcomes }[];
}

const byName = (name: string) => cases.find((c) => c.name === name)!;
const firstLine = (env: Env, id: number) => env.t.ok('purchasing.getOrder', { id }).lines[0]!.id;
const refusedBut = (states: readonly string[], allowed: Outcomes, code: ErrorCode = 'INVALID_TRANSITION'): Outcomes => ({
  ...Object.fromEntries(states.map((s) => [s, code])),
  ...allowed,
});
const poStates = ['new', 'submitted', 'receivedPartial', 'receivedFull', 'canceled'];
const approvalStates = ['none', 'requested', 'approved', 'rejected', 'approved+submitted', 'requested+canceled'];

const channelCases: ChannelCase[] = [
  {
    name: 'purchase order',
    table: byName('orderWorkflow'),
    calls: [
      { channel: 'purchasing.submit', input: (_e, id) => ({ id }), outcomes: refusedBut(poStates, { new: 'submitted' }) },
      { channel: 'purchasing.cancelOrder', input: (_e, id) => ({ id, reason: 'duplicate' }), outcomes: refusedBut(poStates, { new: 'canceled', submitted: 'canceled' }) },
      {
        channel: 'purchasing.reduceLine',
        input: (e, id) => ({ id: firstLine(e, id), qty: 1, reason: 'discontinued' }),
        outcomes: refusedBut(poStates, { submitted: 'submitted', receivedPartial: 'receivedFull' }),
      },
      {
        channel: 'purchasing.receive',
        input: (e, id) => ({ lines: [{ lineId: firstLine(e, id), qty: 1 }] }),
        outcomes: refusedBut(poStates, { submitted: 'receivedPartial', receivedPartial: 'receivedFull' }),
      },
      {
        channel: 'purchasing.addLine',
        input: (e, id) => ({ orderId: id, productId: e.w.cable.id, qty: 1, locationId: e.w.main.id }),
        outcomes: refusedBut(poStates, { new: 'new' }),
      },
      {
        channel: 'purchasing.updateOrder',
        input: (e, id) => ({ id, vendorId: e.vendorId, freight: 0, memo: 'call first' }),
        outcomes: refusedBut(poStates, { new: 'new', submitted: 'submitted', receivedPartial: 'receivedPartial' }),
      },
    ],
  },
  {
    name: 'purchase order approval',
    table: byName('approvalWorkflow'),
    calls: [
      {
        channel: 'purchasing.requestApproval',
        input: (_e, id) => ({ id }),
        outcomes: refusedBut(approvalStates, { none: 'requested', rejected: 'requested' }),
      },
      {
        channel: 'purchasing.approve',
        input: (_e, id) => ({ id, note: 'fine' }),
        as: (e) => e.boss.token,
        outcomes: refusedBut(approvalStates, { requested: 'approved' }),
      },
      {
        channel: 'purchasing.reject',
        input: (_e, id) => ({ id, note: 'too dear' }),
        as: (e) => e.boss.token,
        outcomes: refusedBut(approvalStates, { requested: 'rejected' }),
      },
    ],
  },
  {
    name: 'receipt',
    table: byName('receiptWorkflow'),
    calls: [{ channel: 'purchasing.cancelReceipt', input: (_e, id) => ({ id, reason: 'wrong delivery' }), outcomes: { posted: 'canceled', canceled: 'ALREADY_REVERSED' } }],
  },
  {
    name: 'stocktake',
    table: byName('stocktakeWorkflow'),
    calls: [
      { channel: 'stock.postCount', input: (_e, id) => ({ id, reason: 'annual count' }), outcomes: refusedBut(['open', 'posted', 'canceled', 'reversed'], { open: 'posted' }) },
      { channel: 'stock.cancelCount', input: (_e, id) => ({ id }), outcomes: refusedBut(['open', 'posted', 'canceled', 'reversed'], { open: 'canceled' }) },
      {
        channel: 'stock.reverse',
        input: (_e, id) => ({ documentType: 'stocktake', id, reason: 'wrong shelf' }),
        outcomes: { open: 'INVALID_TRANSITION', posted: 'reversed', canceled: 'INVALID_TRANSITION', reversed: 'ALREADY_REVERSED' },
      },
      {
        channel: 'stock.setCountQty',
        input: (e, id) => ({ id, productId: e.w.cable.id, countedQty: 5 }),
        outcomes: refusedBut(['open', 'posted', 'canceled', 'reversed'], { open: 'open' }),
      },
      { channel: 'stock.scanCount', input: (_e, id) => ({ id, code: 'CAB-6-2M' }), outcomes: refusedBut(['open', 'posted', 'canceled', 'reversed'], { open: 'open' }) },
    ],
  },
  {
    name: 'adjustment',
    table: byName('adjustmentWorkflow'),
    calls: [{ channel: 'stock.reverse', input: (_e, id) => ({ documentType: 'adjustment', id, reason: 'typo' }), outcomes: { posted: 'reversed', reversed: 'ALREADY_REVERSED' } }],
  },
  {
    name: 'transfer',
    table: byName('transferWorkflow'),
    calls: [
      { channel: 'stock.receiveTransfer', input: (_e, id) => ({ id }), outcomes: refusedBut(['inTransit', 'partlyReceived', 'done', 'canceled', 'reversed'], { inTransit: 'done', partlyReceived: 'done' }) },
      // In transit it is cancelled, once received reversed: the same channel, two actions of the table.
      {
        channel: 'stock.reverse',
        input: (_e, id) => ({ documentType: 'transfer', id, reason: 'not needed' }),
        outcomes: { inTransit: 'canceled', partlyReceived: 'canceled', done: 'reversed', canceled: 'ALREADY_REVERSED', reversed: 'ALREADY_REVERSED' },
      },
    ],
  },
];

describe('transition tables through the channels', () => {
  for (const c of channelCases) {
    describe(c.name, () => {
      let env: Env;
      beforeAll(() => {
        env = createEnv(c.table.settings);
      });
      afterAll(() => {
        expect(env.t.ok('stock.verifyLedger', {}).ok).toBe(true);
        env.t.close();
      });
      for (const call of c.calls) {
        for (const [state, outcome] of Object.entries(call.outcomes)) {
          it(`${call.channel} on ${state} → ${outcome}`, () => {
            const { t, ctx } = env;
            const wf = c.table.workflow;
            const id = c.table.build(env, state);
            const input = call.input(env, id);
            const token = call.as?.(env) ?? t.token;
            const before = snapshot(ctx);
            const r = t.raw(call.channel, input, token);
            if (outcome === outcome.toUpperCase()) {
              expect(r.ok ? 'succeeded' : r.error.code).toBe(outcome);
              expect(snapshot(ctx)).toBe(before);
            } else {
              expect(r.ok ? 'ok' : `${r.error.code} ${JSON.stringify(r.error.details)}`).toBe('ok');
              expect(stateOf(wf, ctx, id)).toBe(outcome);
            }
          });
        }
      }
    });
  }
});

// Guards: the state allows the action, the situation does not ----------------------------------

describe('transition guards refuse with nothing changed', () => {
  let env: Env;
  beforeAll(() => {
    env = createEnv();
  });
  afterAll(() => env.t.close());

  /** Builds the document first, then calls: the call must answer `code` and change nothing. */
  function refused(build: () => number, call: (id: number) => { ok: boolean; error?: { code: string } }, code: string) {
    const id = build();
    const before = snapshot(env.ctx);
    const r = call(id);
    expect(r.ok ? 'succeeded' : r.error!.code).toBe(code);
    expect(snapshot(env.ctx)).toBe(before);
  }

  it('submit: an order without lines, or one the approval gate holds', () => {
    const { t } = env;
    const empty = () => t.ok('purchasing.createOrder', { vendorId: env.vendorId }).id;
    refused(empty, (id) => t.raw('purchasing.submit', { id }), 'PO_EMPTY');
    t.ok('settings.update', { approvalThreshold: 1 });
    try {
      refused(() => order(env, 'new'), (id) => t.raw('purchasing.submit', { id }), 'APPROVAL_REQUIRED');
      refused(empty, (id) => t.raw('purchasing.requestApproval', { id }), 'PO_EMPTY');
    } finally {
      t.ok('settings.update', { approvalThreshold: null });
    }
  });

  it('request: nothing to ask for below the threshold; approve: not by the one who created or asked', () => {
    const { t } = env;
    t.ok('settings.update', { approvalThreshold: 100_000_000 });
    try {
      refused(() => order(env, 'new'), (id) => t.raw('purchasing.requestApproval', { id }), 'INVALID_TRANSITION');
      t.ok('settings.update', { approvalThreshold: 1 });
      const asked = order(env, 'new');
      t.ok('purchasing.requestApproval', { id: asked });
      refused(() => asked, (id) => t.raw('purchasing.approve', { id, note: null }), 'SELF_APPROVAL');
      expect(t.ok('purchasing.approve', { id: asked, note: null }, env.boss.token).approvalStatus).toBe('approved');
    } finally {
      t.ok('settings.update', { approvalThreshold: null });
    }
  });

  it('the reason a manual stock change needs: cancelling a receipt, reversing a count, an adjustment or a transfer either way', () => {
    const { t } = env;
    refused(() => receipt(env, 'posted'), (id) => t.raw('purchasing.cancelReceipt', { id, reason: null }), 'REASON_REQUIRED');
    refused(() => stocktake(env, 'posted'), (id) => t.raw('stock.reverse', { documentType: 'stocktake', id, reason: null }), 'REASON_REQUIRED');
    refused(() => adjustment(env, 'posted'), (id) => t.raw('stock.reverse', { documentType: 'adjustment', id, reason: null }), 'REASON_REQUIRED');
    refused(() => transfer(env, 'inTransit'), (id) => t.raw('stock.reverse', { documentType: 'transfer', id, reason: null }), 'REASON_REQUIRED');
    refused(() => transfer(env, 'done'), (id) => t.raw('stock.reverse', { documentType: 'transfer', id, reason: null }), 'REASON_REQUIRED');
  });

  it('answers NOT_FOUND naming the document for an id that does not exist', () => {
    const { t } = env;
    for (const [channel, input, entity] of [
      ['purchasing.submit', { id: 9_999 }, 'purchaseOrder'],
      ['purchasing.requestApproval', { id: 9_999 }, 'purchaseOrder'],
      ['purchasing.cancelReceipt', { id: 9_999, reason: 'x' }, 'receipt'],
      ['stock.cancelCount', { id: 9_999 }, 'stocktake'],
      ['stock.receiveTransfer', { id: 9_999 }, 'transfer'],
      ['stock.reverse', { documentType: 'adjustment', id: 9_999, reason: 'x' }, 'adjustment'],
      ['stock.reverse', { documentType: 'stocktake', id: 9_999, reason: 'x' }, 'stocktake'],
      ['stock.reverse', { documentType: 'transfer', id: 9_999, reason: 'x' }, 'transfer'],
    ] as const) {
      expect(t.fail(channel, input as never)).toMatchObject({ code: 'NOT_FOUND', details: { entity, id: 9_999 } });
    }
  });
});

describe('history rows', () => {
  let env: Env;
  beforeAll(() => {
    env = createEnv();
  });
  afterAll(() => env.t.close());

  it('record each document from its creation through every transition, with who and the states', () => {
    const { t, ctx, adminId } = env;
    const transferId = transfer(env, 'inTransit');
    t.ok('stock.receiveTransfer', { id: transferId });
    t.ok('stock.reverse', { documentType: 'transfer', id: transferId, reason: 'back again' });
    expect(historyRows(ctx, loose(transferWorkflow), transferId)).toEqual([
      { userId: adminId, type: 'ship', from: null, to: 'inTransit' },
      { userId: adminId, type: 'receive', from: 'inTransit', to: 'done' },
      { userId: adminId, type: 'reverse', from: 'done', to: 'reversed' },
    ]);
    const countId = stocktake(env, 'reversed');
    expect(historyRows(ctx, loose(stocktakeWorkflow), countId).map((r) => [r.type, r.from, r.to])).toEqual([
      ['start', null, 'open'],
      ['post', 'open', 'posted'],
      ['reverse', 'posted', 'reversed'],
    ]);
    const receiptId = receipt(env, 'canceled');
    expect(historyRows(ctx, loose(receiptWorkflow), receiptId).map((r) => [r.type, r.from, r.to])).toEqual([
      ['post', null, 'posted'],
      ['cancel', 'posted', 'canceled'],
    ]);
    const adjustmentId = adjustment(env, 'reversed');
    expect(historyRows(ctx, loose(adjustmentWorkflow), adjustmentId).map((r) => [r.type, r.from, r.to])).toEqual([
      ['post', null, 'posted'],
      ['reverse', 'posted', 'reversed'],
    ]);
    // The order's History tab keeps its events; transitions also name the states.
    const poId = order(env, 'receivedFull');
    expect(historyRows(ctx, loose(orderWorkflow), poId).map((r) => [r.type, r.from, r.to])).toEqual([
      ['created', null, 'new'],
      ['submitted', 'new', 'submitted'],
      ['received', 'submitted', 'receivedFull'],
    ]);
    expect(t.ok('purchasing.history', { id: poId }).map((e) => [e.type, e.details.status ?? null])).toEqual([
      ['received', 'receivedFull'],
      ['submitted', null],
      ['created', null],
    ]);
  });
});
