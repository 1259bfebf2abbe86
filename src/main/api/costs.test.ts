// Cost visibility, one mechanism: the contract marks cost fields, dispatch blanks them for callers without
// costs.view and refuses sorting by them. Tested on synthetic schemas, on every channel's schema, and on
// every channel that can answer costs, against the demo data set.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { channelNames, contract, cost, costKeys, costMarkOf, permissions, type ChannelName } from '@shared/contract';
import type { Result } from '@shared/errors';
import { createApp, type App } from '../app';
import { costInputViolation, costRules, redactCosts } from './costs';
import { silentLog } from '../log/appLog';

function redacted(schema: z.ZodType, value: unknown): unknown {
  const plan = costRules({ input: z.object({}), output: schema }).output;
  const copy = structuredClone(value);
  return plan ? redactCosts(copy, plan) : copy;
}

describe('redaction of marked fields', () => {
  const line = z.object({ sku: z.string(), unitCost: cost(z.number()), unitPrice: z.number() });

  it('blanks marked fields through objects, arrays, records, wrappers and unions, and nothing else', () => {
    const schema = z.object({
      total: cost(z.number()).optional(),
      lines: z.array(line),
      // The same sub-schema used twice must be redacted in both places.
      other: line.nullable(),
      byKey: z.record(z.string(), line),
      either: z.union([z.object({ kind: z.literal('a'), value: cost(z.number()) }), z.object({ kind: z.literal('b'), count: z.number() })]),
      nested: z.object({ deeper: z.array(z.array(line)) }).default({ deeper: [] }),
    });
    const value = {
      total: 5,
      lines: [{ sku: 'A', unitCost: 1, unitPrice: 2 }],
      other: { sku: 'B', unitCost: 3, unitPrice: 4 },
      byKey: { x: { sku: 'C', unitCost: 5, unitPrice: 6 } },
      either: { kind: 'a', value: 7 },
      nested: { deeper: [[{ sku: 'D', unitCost: 8, unitPrice: 9 }]] },
    };
    expect(redacted(schema, value)).toEqual({
      total: null,
      lines: [{ sku: 'A', unitCost: null, unitPrice: 2 }],
      other: { sku: 'B', unitCost: null, unitPrice: 4 },
      byKey: { x: { sku: 'C', unitCost: null, unitPrice: 6 } },
      either: { kind: 'a', value: null },
      nested: { deeper: [[{ sku: 'D', unitCost: null, unitPrice: 9 }]] },
    });
    expect(redacted(schema, { ...value, other: null, either: { kind: 'b', count: 2 } })).toMatchObject({ other: null, either: { kind: 'b', count: 2 } });
  });

  it('ends on recursive schemas', () => {
    type Node = { unitCost: number | null; children: Node[] };
    const node: z.ZodType<Node> = z.lazy(() => z.object({ unitCost: cost(z.number()), children: z.array(node) }));
    expect(redacted(node, { unitCost: 1, children: [{ unitCost: 2, children: [] }] })).toEqual({ unitCost: null, children: [{ unitCost: null, children: [] }] });
  });

  it('blanks cost keys at any depth of a free-form record, and the before/after of a change to one', () => {
    const details = costKeys(z.record(z.string(), z.unknown()), ['total', 'unitCost', 'freight']);
    const value = {
      total: 10,
      units: 3,
      lines: [{ sku: 'A', qty: 2, unitCost: 4 }],
      changes: [
        { field: 'freight', before: 1, after: 2 },
        { field: 'memo', before: 'x', after: 'y' },
      ],
    };
    expect(redacted(z.object({ details }), { details: value })).toEqual({
      details: {
        total: null,
        units: 3,
        lines: [{ sku: 'A', qty: 2, unitCost: null }],
        changes: [
          { field: 'freight', before: null, after: null },
          { field: 'memo', before: 'x', after: 'y' },
        ],
      },
    });
  });

  it('refuses sorting by a cost column and filtering by a cost field', () => {
    const rules = costRules({
      input: z.object({ sortBy: z.enum(['sku', 'unitCost']).optional(), costAbove: cost(z.number()).optional(), q: z.string().optional() }),
      output: z.object({ rows: z.array(line) }),
    });
    expect(costInputViolation(rules, { sortBy: 'unitCost' })).toBe('unitCost');
    expect(costInputViolation(rules, { costAbove: 5 })).toBe('costAbove');
    expect(costInputViolation(rules, { sortBy: 'sku', q: 'cost' })).toBeNull();
    expect(costInputViolation(rules, {})).toBeNull();
  });
});

// ------------------------------------------------------------------------------------------------
// Every channel's schema: a field whose name says cost, value or margin is marked, or listed here.

/** Names that say "internal money". Unit price and MSRP are selling prices, not costs. */
const COSTLY = /cost|value|margin|profit|total|freight|extended|landed|amount/i;
/** Fields with such a name that are not money: `channel:path`, or `*:path` for every channel. */
const notCosts = new Set([
  // A paging total counts rows.
  '*:total',
  // verifyLedger is for administrators, who hold every permission.
  'stock.verifyLedger:differences[].expected',
  'stock.verifyLedger:differences[].actual',
  // Selling prices are not costs.
  '*:extendedPrice',
  '*:rows[].extendedPrice',
  '*:items[].extendedPrice',
  // A shipment's freight charge: a reference, not an amount.
  '*:freightChargeId',
  '*:freightChargeNumber',
  // A credit given to a client is a (negative) selling price.
  '*:creditAmount',
  '*:rows[].creditAmount',
]);

type Def = { type: string; [key: string]: unknown };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;
const wrapperTypes = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

/** Every object field of a schema as `path` (arrays as `[]`, record values as `{}`) with whether it is marked. */
function fields(schema: z.ZodType, path = '', out: { path: string; name: string; marked: boolean; numeric: boolean }[] = [], depth = 0): typeof out {
  if (depth > 12) return out;
  let s = schema;
  let marked = false;
  for (;;) {
    if (costMarkOf(s)?.kind === 'value') marked = true;
    const def = defOf(s);
    if (wrapperTypes.has(def.type)) s = def.innerType as z.ZodType;
    else if (def.type === 'pipe') s = def.in as z.ZodType;
    else if (def.type === 'lazy') s = (def.getter as () => z.ZodType)();
    else break;
  }
  if (marked) return out;
  const def = defOf(s);
  if (def.type === 'object') {
    for (const [key, field] of Object.entries(def.shape as Record<string, z.ZodType>)) {
      const p = path ? `${path}.${key}` : key;
      out.push({ path: p, name: key, marked: isMarked(field), numeric: isNumeric(field) });
      fields(field, p, out, depth + 1);
    }
  } else if (def.type === 'array') fields(def.element as z.ZodType, `${path}[]`, out, depth + 1);
  else if (def.type === 'record') fields(def.valueType as z.ZodType, `${path}{}`, out, depth + 1);
  else if (def.type === 'union') for (const o of def.options as z.ZodType[]) fields(o, path, out, depth + 1);
  return out;
}

function isMarked(schema: z.ZodType): boolean {
  let s = schema;
  for (;;) {
    // Free-form records marked with costKeys are checked by name (leakedNumbers), not as one value.
    if (costMarkOf(s)?.kind === 'value') return true;
    const def = defOf(s);
    if (!wrapperTypes.has(def.type)) return false;
    s = def.innerType as z.ZodType;
  }
}

function isNumeric(schema: z.ZodType): boolean {
  let s = schema;
  while (wrapperTypes.has(defOf(s).type)) s = defOf(s).innerType as z.ZodType;
  const type = defOf(s).type;
  if (type === 'union') return (defOf(s).options as z.ZodType[]).some(isNumeric);
  // Amounts that can pass 2^53 cross as decimal strings.
  return type === 'number' || type === 'bigint' || type === 'string' || type === 'unknown' || type === 'any';
}

const allowed = (channel: string, path: string) => notCosts.has(`${channel}:${path}`) || notCosts.has(`*:${path}`);

describe('every channel’s output schema', () => {
  it.each(channelNames)('%s marks every field named like a cost', (channel) => {
    const unmarked = fields(contract[channel].output).filter((f) => COSTLY.test(f.name) && f.numeric && !f.marked && !allowed(channel, f.path));
    expect(unmarked.map((f) => f.path)).toEqual([]);
  });
});

// ------------------------------------------------------------------------------------------------
// Every channel that can answer a cost, with real data: the demo data set.

function data<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${JSON.stringify(result.error.details)}`);
  return result.data;
}

/** Paths of marked values in an output schema, for reading them back from data. */
function markedPaths(channel: ChannelName): string[] {
  return fields(contract[channel].output)
    .filter((f) => f.marked)
    .map((f) => f.path);
}

function valuesAt(value: unknown, path: string): unknown[] {
  const steps = path.split(/(?=\[\]|\{\})|\./).filter(Boolean);
  let current: unknown[] = [value];
  for (const step of steps) {
    const next: unknown[] = [];
    for (const v of current) {
      if (v === null || typeof v !== 'object') continue;
      if (step === '[]') {
        if (Array.isArray(v)) next.push(...v);
      } else if (step === '{}') next.push(...Object.values(v));
      else if (step in v) next.push((v as Record<string, unknown>)[step]);
    }
    current = next;
  }
  // A top-level marked value is read as it is.
  return path === '' ? [value] : current;
}

/** A number, or an amount written as a decimal string (values that can pass 2^53). */
const isAmount = (v: unknown) => typeof v === 'number' || (typeof v === 'string' && /^-?\d+$/.test(v));

/** Every number under a name that says cost, outside the marked paths and the allowed ones. */
function leakedNumbers(channel: string, value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => leakedNumbers(channel, v, `${path}[]`));
  if (value === null || typeof value !== 'object') return [];
  const found: string[] = [];
  const record = value as Record<string, unknown>;
  for (const [key, v] of Object.entries(record)) {
    const p = path ? `${path}.${key}` : key;
    if (isAmount(v) && COSTLY.test(key) && !allowed(channel, p)) found.push(`${p}=${v}`);
    // A change record of a cost field: { field: 'unitCost', before, after }.
    if (key === 'field' && typeof v === 'string' && COSTLY.test(v) && (isAmount(record.before) || isAmount(record.after))) found.push(`${p}=${v}`);
    found.push(...leakedNumbers(channel, v, p));
  }
  return found;
}

describe('every channel that answers costs, with the demo data', () => {
  let app: App;
  let dir: string;
  let admin: string;
  let costUser: string;
  let noCostUser: string;
  let approver: string;
  const seen = new Map<ChannelName, { marked: number; withCosts: number }>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'costs-'));
    app = createApp({ dbPath: join(dir, 'costs.db'), checkOutputs: true, log: silentLog });
    app.loadDemoIntoEmptyDatabase();
    const adminId = (app.ctx.sqlite.prepare(`SELECT id FROM users WHERE username = 'admin'`).get() as { id: number }).id;
    admin = app.sessions.create(adminId);
    const everything = permissions.filter((p) => p !== 'admin');
    const make = async (username: string, granted: readonly string[]) => {
      const user = data(await app.callAsync('users.create', { username, displayName: username, password: `${username}-password`, permissions: granted as never }, admin));
      return app.sessions.create(user.id);
    };
    costUser = await make('buyer', everything);
    noCostUser = await make('clerk', everything.filter((p) => p !== 'costs.view'));
    approver = await make('approver', everything.filter((p) => p !== 'costs.view'));
  });
  afterAll(() => {
    app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const one = (sql: string) => (app.ctx.sqlite.prepare(sql).get() as { id: number }).id;

  /** Calls as both users; the clerk's answer must hold no cost, the buyer's the same rows with costs. */
  function check(channel: ChannelName, input: unknown, as = noCostUser): unknown {
    const result = app.dispatch(channel, input, as);
    if (result instanceof Promise) throw new Error(`${channel} is asynchronous`);
    const answer = data(result);
    const stats = seen.get(channel) ?? { marked: 0, withCosts: 0 };
    // Shown to whoever may call it (approvers on the approvals lists): nothing to blank (approvalLimits.test).
    if (contract[channel].costsVisibleTo) {
      seen.set(channel, stats);
      return answer;
    }
    for (const path of markedPaths(channel)) {
      for (const v of valuesAt(answer, path)) {
        stats.marked += 1;
        expect(v, `${channel} ${path}`).toBeNull();
      }
    }
    expect(leakedNumbers(channel, answer), channel).toEqual([]);
    seen.set(channel, stats);
    return answer;
  }

  /** The same query as the buyer: costs present, so the clerk's nulls above were redaction, not empty data. */
  function withCosts(channel: ChannelName, input: unknown): void {
    if (contract[channel].costsVisibleTo) return;
    const answer = data(app.dispatch(channel, input, costUser) as Result<unknown>);
    const stats = seen.get(channel)!;
    for (const path of markedPaths(channel)) stats.withCosts += valuesAt(answer, path).filter(isAmount).length;
  }

  const query = (channel: ChannelName, input: unknown) => {
    check(channel, input);
    withCosts(channel, input);
  };

  it('blanks every cost a read answers', () => {
    const productId = one(`SELECT product_id AS id FROM product_vendors ORDER BY id LIMIT 1`);
    const orderId = one(`SELECT po_id AS id FROM receipt_lines ORDER BY id LIMIT 1`);
    query('catalog.listProducts', {});
    query('catalog.listProducts', { q: 'laptop' });
    query('catalog.getProduct', { id: productId });
    query('catalog.listProductVendors', { productId });
    query('stock.listInventoryProducts', {});
    query('stock.listLots', {});
    query('stock.costOptions', { productId });
    // A transfer's page values its lines.
    query('stock.getTransfer', { id: one(`SELECT id FROM transfers ORDER BY id LIMIT 1`) });
    query('purchasing.listOrders', {});
    query('purchasing.getOrder', { id: orderId });
    query('purchasing.history', { id: orderId });
    query('purchasing.listApprovals', {});
    query('purchasing.reorderSuggestions', {});
    query('purchasing.listOpenLines', {});
    query('purchasing.listReceipts', {});
    query('purchasing.listReceipts', { orderId });
  });

  it('blanks every cost a change answers', () => {
    const productId = one(`SELECT pv.product_id AS id FROM product_vendors pv JOIN products p ON p.id = pv.product_id WHERE p.serialized = 0 ORDER BY pv.id LIMIT 1`);
    const vendorId = one(`SELECT vendor_id AS id FROM product_vendors WHERE product_id = ${productId} ORDER BY id LIMIT 1`);
    const locationId = one(`SELECT id FROM locations WHERE is_default = 1`);
    const emptyLocation = one(`SELECT id FROM locations l WHERE usage = 'internal' AND active = 1 AND NOT EXISTS (SELECT 1 FROM inventory_products ip WHERE ip.location_id = l.id AND ip.product_id = ${productId}) LIMIT 1`);
    const product = check('catalog.createProduct', { sku: 'COST-TEST-1', name: 'Cost test', unitCost: 1_000_000, unitPrice: 2_000_000, msrp: 0, serialized: false }) as { id: number };
    check('catalog.updateProduct', { id: product.id, sku: 'COST-TEST-1', name: 'Cost test, renamed', unitPrice: 2_000_000, msrp: 0, serialized: false });
    const pv = check('catalog.saveProductVendor', { productId: product.id, vendorId, vendorCost: 900_000 }) as { id: number };
    check('catalog.saveProductVendor', { id: pv.id, productId: product.id, vendorId, vendorPartNumber: 'X-1' });
    // An edit without the cost keeps it: the buyer still sees what was stored.
    expect(data(app.call('catalog.getProduct', { id: product.id }, costUser)).unitCost).toBe(1_000_000);
    expect(data(app.call('catalog.listProductVendors', { productId: product.id }, costUser))[0]!.vendorCost).toBe(900_000);
    const ip = check('stock.createInventoryProduct', { productId, locationId: emptyLocation, min: 0, max: 5 }) as { id: number };
    check('stock.updateInventoryProduct', { id: ip.id, min: 1, max: 6 });

    // A purchase order from creation to a cancelled receipt, every answer seen by the clerk.
    const order = check('purchasing.createOrder', { vendorId, lines: [{ productId, qty: 2, locationId }] }) as { id: number; lines: { id: number }[] };
    check('purchasing.updateOrder', { id: order.id, vendorId, freight: 50_000 });
    const withLine = check('purchasing.addLine', { orderId: order.id, productId, qty: 1, locationId }) as { lines: { id: number }[] };
    check('purchasing.updateLine', { id: withLine.lines[1]!.id, qty: 1000, unitCost: 100_000_000, locationId });
    check('purchasing.requestApproval', { id: order.id });
    check('purchasing.reject', { id: order.id, note: 'Too many' }, approver);
    check('purchasing.requestApproval', { id: order.id });
    check('purchasing.approve', { id: order.id, note: null }, approver);
    check('purchasing.removeLine', { id: withLine.lines[1]!.id });
    check('purchasing.submit', { id: order.id });
    const receipt = check('purchasing.receive', { lines: [{ lineId: order.lines[0]!.id, qty: 1, vendorInvoiceNumber: 'INV-COST-1' }] }) as { id: number };
    check('purchasing.cancelReceipt', { id: receipt.id, reason: 'Wrong delivery' });
    check('purchasing.reduceLine', { id: order.lines[0]!.id, qty: 1 });
    const second = check('purchasing.createOrder', { vendorId, lines: [{ productId, qty: 1, locationId }] }) as { id: number };
    check('purchasing.cancelOrder', { id: second.id });
    const suggestion = (data(app.call('purchasing.reorderSuggestions', {}, costUser)) as { rows: { inventoryProductId: number; suggestedQty: number }[] }).rows[0]!;
    check('purchasing.createFromSuggestions', { lines: [{ inventoryProductId: suggestion.inventoryProductId, qty: Math.max(1, suggestion.suggestedQty) }] });
    // The history of that order now records freight and cost changes: blanked too.
    query('purchasing.history', { id: order.id });

    // A charge from creation to delivery (delivered cost, estimates, margin, the device's origin).
    const client = check('catalog.createCompany', { name: 'Cost Client', isClient: true }) as { id: number };
    const ticket = check('sales.createContainer', { kind: 'ticket', title: 'Cost test', companyId: client.id }) as { id: number };
    const unit = app.ctx.sqlite
      .prepare(
        `SELECT l.product_id AS productId, l.serial_number AS serial, b.location_id AS locationId FROM lots l JOIN balances b ON b.lot_id = l.id JOIN locations loc ON loc.id = b.location_id
         WHERE loc.usage = 'internal' AND l.serial_number IS NOT NULL AND b.qty > 0 AND NOT EXISTS (SELECT 1 FROM allocations a WHERE a.lot_id = l.id) ORDER BY l.id LIMIT 1`,
      )
      .get() as { productId: number; serial: string; locationId: number };
    const charge = check('sales.createCharge', { containerId: ticket.id, productId: unit.productId, quantity: 2 }) as { id: number };
    check('sales.updateCharge', { id: charge.id, quantity: 1, billable: true });
    check('stock.pick', { chargeId: charge.id, locationId: unit.locationId, serials: [unit.serial] });
    check('stock.unpick', { chargeId: charge.id });
    check('stock.pick', { chargeId: charge.id, locationId: unit.locationId, serials: [unit.serial] });
    check('sales.holdCharge', { id: charge.id, note: 'wait' });
    check('sales.releaseCharge', { id: charge.id });
    query('sales.getCharge', { id: charge.id });
    const delivered = check('delivery.deliver', { method: 'deliver', lines: [{ chargeId: charge.id }] }) as { id: number };
    query('sales.listCharges', { containerId: ticket.id });
    query('delivery.get', { id: delivered.id });
    query('devices.get', { id: one(`SELECT id FROM devices WHERE delivery_id = ${delivered.id}`) });
    // The unit comes back from the client: the return's lines and the charge show the cost it came back at.
    const returned = check('returns.create', { companyId: client.id, condition: 'faulty', reason: 'Dead on arrival', lines: [{ deviceId: one(`SELECT id FROM devices WHERE delivery_id = ${delivered.id}`) }] }) as { id: number };
    query('returns.get', { id: returned.id });
    query('sales.getCharge', { id: charge.id });
    // An RMA of another unit of it, replaced by the vendor for a fee: the unit's, the replacement's and the fee's costs.
    const spare = app.ctx.sqlite
      .prepare(
        `SELECT l.product_id AS productId, l.serial_number AS serial, b.location_id AS locationId FROM lots l JOIN balances b ON b.lot_id = l.id JOIN locations loc ON loc.id = b.location_id
         WHERE loc.usage = 'internal' AND loc.offers_stock = 1 AND l.serial_number IS NOT NULL AND b.qty > 0 AND NOT EXISTS (SELECT 1 FROM allocations a WHERE a.lot_id = l.id) ORDER BY l.id LIMIT 1`,
      )
      .get() as { productId: number; serial: string; locationId: number };
    app.ctx.sqlite.prepare(`UPDATE products SET eligible_for_rma = 1 WHERE id = ?`).run(spare.productId);
    const rmaCharge = check('sales.createCharge', { containerId: ticket.id, productId: spare.productId, quantity: 1 }) as { id: number };
    check('stock.pick', { chargeId: rmaCharge.id, locationId: spare.locationId, serials: [spare.serial] });
    const rmaDelivery = check('delivery.deliver', { method: 'deliver', lines: [{ chargeId: rmaCharge.id }] }) as { id: number };
    const vendorOf = one(`SELECT id FROM companies WHERE is_vendor = 1 ORDER BY id LIMIT 1`);
    const rma = check('rma.create', { deviceId: one(`SELECT id FROM devices WHERE delivery_id = ${rmaDelivery.id}`), type: 'replace', fault: 'Dead', vendorId: vendorOf }) as { id: number };
    check('rma.authorize', { id: rma.id });
    check('rma.receive', { id: rma.id });
    check('rma.sendToVendor', { id: rma.id });
    check('rma.receiveReplacement', { id: rma.id, serial: 'COST-RMA-NEW-1', vendorFee: 12_345 });
    query('rma.get', { id: rma.id });
    query('rma.list', {});
    // A vendor return of the replacement, credited and replaced: the lines' costs, the value sent, the credit and the fee.
    const dead = app.ctx.sqlite
      .prepare(
        `SELECT l.product_id AS productId, l.serial_number AS serial, b.location_id AS locationId FROM lots l JOIN balances b ON b.lot_id = l.id JOIN locations loc ON loc.id = b.location_id
         WHERE loc.usage = 'internal' AND l.serial_number IS NOT NULL AND b.qty > 0 AND NOT EXISTS (SELECT 1 FROM allocations a WHERE a.lot_id = l.id) ORDER BY l.id LIMIT 1`,
      )
      .get() as { productId: number; serial: string; locationId: number };
    const sentBack = check('vendorReturns.create', { vendorId: vendorOf, locationId: dead.locationId, reason: 'deadOnArrival', vendorRmaNumber: 'COST-RA', lines: [{ productId: dead.productId, serials: [dead.serial] }] }) as { id: number };
    check('vendorReturns.resolve', { id: sentBack.id, lines: [{ lineNo: 1, replaced: 1, serials: ['COST-VRT-NEW-1'] }], unitFee: 4_321 });
    query('vendorReturns.get', { id: sentBack.id });
    query('vendorReturns.list', {});
    const dropped = check('sales.createCharge', { containerId: ticket.id, productId: unit.productId, quantity: 1 }) as { id: number };
    check('sales.cancelCharge', { id: dropped.id });

    // Buying for a charge: the Purchasing & Fulfillment page shows the vendor's cost, the order made from it its lines' costs.
    const bought = app.ctx.sqlite
      .prepare(`SELECT pv.product_id AS productId, pv.vendor_id AS vendorId FROM product_vendors pv JOIN products p ON p.id = pv.product_id WHERE pv.is_default = 1 AND p.tracked_in_stock = 1 AND p.active = 1 ORDER BY pv.product_id LIMIT 1`)
      .get() as { productId: number; vendorId: number };
    const needed = check('sales.createCharge', { containerId: ticket.id, productId: bought.productId, quantity: 3 }) as { id: number };
    query('purchasing.listFulfillment', { q: 'Cost Client' });
    check('purchasing.orderForCharges', { vendorId: bought.vendorId, locationId: unit.locationId, charges: [{ chargeId: needed.id }] });
    // Approval of a charge above the threshold: rejected, released (it asks again), approved.
    const { approvalThreshold } = data(app.dispatch('settings.get', {}, admin) as Result<{ approvalThreshold: number | null }>);
    data(app.dispatch('settings.update', { approvalThreshold: 1 }, admin) as Result<unknown>);
    const costly = check('sales.createCharge', { containerId: ticket.id, productId: bought.productId, quantity: 2 }) as { id: number };
    check('sales.rejectCharge', { id: costly.id, note: 'not this month' });
    check('sales.releaseCharge', { id: costly.id });
    query('sales.listChargeApprovals', {});
    check('sales.approveCharge', { id: costly.id, note: null });
    data(app.dispatch('settings.update', { approvalThreshold }, admin) as Result<unknown>);
  });

  it('covered every channel whose answer can hold a cost, with costs present for the buyer', () => {
    const costly = channelNames.filter((c) => costRules(contract[c]).output !== null && !contract[c].showsCosts && contract[c].permission !== 'costs.view');
    const missing = costly.filter((c) => !seen.has(c));
    expect(missing).toEqual([]);
    // Non-vacuous: the reads met real costs, so their nulls for the clerk were redaction.
    for (const [channel, stats] of seen) if (stats.withCosts > 0) expect(stats.marked, channel).toBeGreaterThan(0);
    const readsWithCosts = [...seen].filter(([, s]) => s.withCosts > 0).map(([c]) => c);
    expect(readsWithCosts.length).toBeGreaterThanOrEqual(10);
  });

  it('refuses sorting by a cost column to the clerk, naming the field, and allows it to the buyer', () => {
    const sorted = channelNames.flatMap((c) => {
      const sortBy = defOf(contract[c].input).type === 'object' ? (defOf(contract[c].input).shape as Record<string, z.ZodType>).sortBy : undefined;
      if (!sortBy) return [];
      let s = sortBy;
      while (wrapperTypes.has(defOf(s).type)) s = defOf(s).innerType as z.ZodType;
      const options = (defOf(s).entries ? Object.values(defOf(s).entries as Record<string, string>) : []) as string[];
      return options.filter((o) => costRules(contract[c]).outputNames.has(o)).map((o) => [c, o] as const);
    });
    expect(sorted.map(([c, o]) => `${c}:${o}`)).toEqual(expect.arrayContaining(['catalog.listProducts:unitCost', 'purchasing.listOrders:total']));
    for (const [channel, column] of sorted) {
      expect(app.dispatch(channel, { sortBy: column }, noCostUser), `${channel} by ${column}`).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', details: { field: column, permission: 'costs.view' } },
      });
      expect((app.dispatch(channel, { sortBy: column }, costUser) as Result<unknown>).ok, `${channel} by ${column}`).toBe(true);
    }
  });

  it('produces no document showing costs for a user without costs.view', async () => {
    const orderId = one(`SELECT id FROM purchase_orders WHERE status = 'submitted' ORDER BY id LIMIT 1`);
    const documents = channelNames.filter((c) => contract[c].showsCosts);
    expect(documents).toEqual(expect.arrayContaining(['purchasing.renderPdf', 'purchasing.emailOrder']));
    const pdf = await app.dispatch('purchasing.renderPdf', { id: orderId, locale: 'en' }, noCostUser);
    expect(pdf).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { permission: 'costs.view' } } });
    const mail = await app.dispatch('purchasing.emailOrder', { id: orderId, to: ['a@example.com'], subject: 'PO', message: '', locale: 'en' }, noCostUser);
    expect(mail).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { permission: 'costs.view' } } });
    expect((await app.dispatch('purchasing.renderPdf', { id: orderId, locale: 'en' }, costUser)).ok).toBe(true);
  });
});
