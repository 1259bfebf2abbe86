// Buying for charges: the first page of Purchasing & Fulfillment at 20,000 open charges (< 50 ms, and the
// slowest of its filters), one purchase order made from 1,000 selected charges (< 0.5 s), and receiving a
// 1,000-line order linked to 1,000 charges (≤ 3× a raw baseline writing the same rows).
//
// The open charges are written straight into the measured copy (untimed) as sales.createCharge writes them
// (the charge in Need to Order/Fulfill and its history row), for non-serialized products of the vendor that
// sells most of the catalogue, on tickets of 30 client companies made through the API. Each timed call is
// the real channel; each run takes charges no earlier run ordered.
import type { App } from '../src/main/app';
import { must, type BenchDb } from './build-db';
import { cacheWriters, pickedWriter, log, measure, median, record, timed } from './measure';
import { takeNumbers } from './sales';

type Budget = { maxMs: number; maxRatio?: number; text: string };

export const fulfillmentBudgets: Record<string, Budget> = {
  firstPageFulfillment: { maxMs: 50, text: '< 50 ms' },
  listFulfillment: { maxMs: 50, text: '< 50 ms (slowest variant)' },
  queueCounts: { maxMs: 10, text: '< 10 ms (all four badges)' },
  orderFor1000Charges: { maxMs: 500, text: '< 500 ms' },
  receive1000LinkedLines: { maxMs: Number.POSITIVE_INFINITY, maxRatio: 3, text: '≤ 3× raw' },
  receive1000Notified: { maxMs: Number.POSITIVE_INFINITY, maxRatio: 1.2, text: '< 1.2× notifications off' },
};

const VIRTUAL = { vendor: 1 };
const BATCH = 1_000;
const RUNS = 3;
const CLIENTS = 30;

export function measureFulfillment(app: App, token: string, bench: BenchDb, openCharges: number): void {
  const sqlite = app.ctx.sqlite;
  const mainId = bench.locations.main;
  const started = performance.now();
  const userId = must(app.call('auth.status', {}, token), 'auth.status').user!.id;
  // The vendor selling most non-serialized products in stock, by default.
  const { vendorId } = sqlite
    .prepare(
      `SELECT pv.vendor_id AS vendorId FROM product_vendors pv JOIN products p ON p.id = pv.product_id
       WHERE pv.is_default = 1 AND p.serialized = 0 AND p.tracked_in_stock = 1 AND p.active = 1 GROUP BY pv.vendor_id ORDER BY count(*) DESC LIMIT 1`,
    )
    .get() as { vendorId: number };
  const products = sqlite
    .prepare(
      `SELECT p.id, p.name, p.unit_price AS price FROM product_vendors pv JOIN products p ON p.id = pv.product_id
       WHERE pv.vendor_id = ? AND pv.is_default = 1 AND p.serialized = 0 AND p.tracked_in_stock = 1 AND p.active = 1 AND p.does_not_require_procurement = 0 ORDER BY p.id LIMIT 2000`,
    )
    .all(vendorId) as { id: number; name: string; price: number }[];
  const tickets = Array.from({ length: CLIENTS }, (_, i) => {
    const company = must(app.call('catalog.createCompany', { name: `Fulfilment Client ${String(i + 1).padStart(2, '0')}`, isClient: true, isVendor: false }, token), 'createCompany').id;
    return { id: must(app.call('sales.createContainer', { kind: 'ticket', title: `Workstations ${i + 1}`, companyId: company }, token), 'createContainer').id, companyId: company };
  });
  const insertCharge = sqlite.prepare(
    `INSERT INTO charges (number, container_id, company_id, kind, product_id, description, quantity, unit_price, billable, status, created_by, created_at, updated_at)
     VALUES (?, ?, ?, 'product', ?, ?, ?, ?, 1, 'needToOrder', ?, ?, ?)`,
  );
  const insertEvent = sqlite.prepare(`INSERT INTO charge_events (charge_id, occurred_at, user_id, type, from_state, to_state, details) VALUES (?, ?, ?, 'created', NULL, 'needToOrder', ?)`);
  const first = takeNumbers(app, 'CHG', openCharges);
  const ids: number[] = [];
  sqlite.transaction(() => {
    const at = Date.now() - 86_400_000;
    for (let i = 0; i < openCharges; i++) {
      const p = products[(i * 7) % products.length]!;
      const ticket = tickets[i % tickets.length]!;
      const quantity = 1 + (i % 3);
      const id = Number(insertCharge.run(`CHG-${first + i}`, ticket.id, ticket.companyId, p.id, p.name, quantity, p.price, userId, at + i, at + i).lastInsertRowid);
      insertEvent.run(id, at + i, userId, JSON.stringify({ quantity }));
      ids.push(id);
    }
  })();
  log(`  ${openCharges.toLocaleString('en')} open charges of ${products.length} products of one vendor on ${CLIENTS} clients' tickets written in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  // 1. The page: first page in the default order (oldest charge first), then every filter and sort.
  const pageBaseline = sqlite.prepare(
    `SELECT ch.*, p.sku, p.name, co.name FROM charges ch JOIN products p ON p.id = ch.product_id JOIN companies co ON co.id = ch.company_id
     WHERE ch.status = 'needToOrder' ORDER BY ch.id LIMIT 50`,
  );
  measure(
    'firstPageFulfillment',
    5,
    () => {
      const page = must(app.call('purchasing.listFulfillment', {}, token), 'purchasing.listFulfillment');
      if (page.rows.length !== 50) throw new Error(`purchasing.listFulfillment answered ${page.rows.length} rows`);
    },
    () => pageBaseline.all(),
  );
  const variants: { label: string; input: Record<string, unknown> }[] = [
    { label: 'newest first', input: { sortDirection: 'desc' } },
    { label: 'the vendor', input: { vendorId } },
    { label: 'a client', input: { companyId: tickets[3]!.companyId } },
    { label: 'a product', input: { productId: products[5]!.id } },
    { label: 'searched "client 07"', input: { q: 'client 07' } },
    { label: 'On order', input: { status: 'onOrder' } },
  ];
  let worst = { label: '', ms: -1 };
  for (const v of variants) {
    const ms = median([0, 1, 2].map(() => timed(() => must(app.call('purchasing.listFulfillment', v.input as never, token), `listFulfillment ${v.label}`))));
    log(`    listFulfillment ${v.label}: ${ms.toFixed(1)} ms`);
    if (ms > worst.ms) worst = { label: v.label, ms };
  }
  log(`  listFulfillment: slowest ${worst.label}`);
  record('listFulfillment', worst.ms, median([0, 1, 2].map(() => timed(() => pageBaseline.all()))));

  // The four queues' badges: one call, each an indexed count.
  const countsBaseline = sqlite.prepare(`SELECT count(*) FROM charges WHERE status = 'needToOrder'`);
  measure(
    'queueCounts',
    5,
    () => must(app.call('purchasing.queueCounts', {}, token), 'purchasing.queueCounts'),
    () => countsBaseline.get(),
  );

  // 2. One purchase order from 1,000 selected charges. The baseline writes what it writes for 1,000 others:
  // the order and its history row, a line per charge (the product's name and the vendor's part and cost
  // read per line) and a history row per charge.
  const batches = Array.from({ length: 2 * RUNS + 2 * RUNS + 2 * RUNS }, (_, i) => ids.slice(i * BATCH, (i + 1) * BATCH));
  if (batches.at(-1)!.length < BATCH) throw new Error(`fulfillment: ${openCharges} open charges are too few for ${batches.length} batches of ${BATCH}`);
  const vendorPart = sqlite.prepare(`SELECT vendor_part_number AS part, vendor_cost AS cost FROM product_vendors WHERE product_id = ? AND vendor_id = ?`);
  const chargeRow = sqlite.prepare(`SELECT id, number, product_id AS productId, quantity - picked - delivered AS qty FROM charges WHERE id = ?`);
  const productName = sqlite.prepare(`SELECT name FROM products WHERE id = ?`);
  const poNumber = sqlite.prepare(`INSERT INTO counters (name, next) VALUES ('PO', 1001) ON CONFLICT(name) DO UPDATE SET next = next + 1 RETURNING next`);
  const insertOrder = sqlite.prepare(`INSERT INTO purchase_orders (number, status, vendor_id, freight, created_by, created_at, updated_at) VALUES (?, 'new', ?, 0, ?, ?, ?)`);
  const orderEvent = sqlite.prepare(`INSERT INTO purchase_order_events (po_id, occurred_at, user_id, type, from_state, to_state, details) VALUES (?, ?, ?, 'created', NULL, 'new', ?)`);
  const insertLine = sqlite.prepare(
    `INSERT INTO purchase_order_lines (po_id, line_no, product_id, description, vendor_part_number, qty_ordered, unit_cost, location_id, charge_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const chargeEvent = sqlite.prepare(`INSERT INTO charge_events (charge_id, occurred_at, user_id, type, from_state, to_state, details) VALUES (?, ?, ?, 'ordered', 'needToOrder', 'needToOrder', ?)`);
  const rawOrder = (charges: number[]): number =>
    sqlite.transaction(() => {
      const at = Date.now();
      const { next } = poNumber.get() as { next: number };
      const number = `PO-B${next}`;
      const poId = Number(insertOrder.run(number, vendorId, userId, at, at).lastInsertRowid);
      orderEvent.run(poId, at, userId, JSON.stringify({ lines: charges.length, charges: charges.length }));
      charges.forEach((id, i) => {
        const c = chargeRow.get(id) as { id: number; number: string; productId: number; qty: number };
        const pv = vendorPart.get(c.productId, vendorId) as { part: string | null; cost: number };
        const { name } = productName.get(c.productId) as { name: string };
        insertLine.run(poId, i + 1, c.productId, name, pv.part, c.qty, pv.cost, mainId, c.id);
        chargeEvent.run(c.id, at, userId, JSON.stringify({ orderId: poId, orderNumber: number, qty: c.qty }));
      });
      return poId;
    })();
  let batch = 0;
  const appOrders: number[] = [];
  const rawOrders: number[] = [];
  measure(
    'orderFor1000Charges',
    RUNS,
    () => {
      const po = must(app.call('purchasing.orderForCharges', { vendorId, locationId: mainId, charges: batches[batch]!.map((chargeId) => ({ chargeId })) }, token), 'purchasing.orderForCharges');
      if (po.lines.length !== BATCH) throw new Error(`purchasing.orderForCharges made ${po.lines.length} lines`);
      appOrders.push(po.id);
    },
    () => rawOrders.push(rawOrder(batches[batch + 1]!)),
    { prepare: () => void (batch = 2 * appOrders.length) },
  );

  // 3. Receiving a 1,000-line order linked to 1,000 charges, every line in full: the app's order (made and
  // submitted through the API, untimed) and, for the baseline, its twin. The baseline writes what the
  // receipt writes: the receipt and its history row; per line the receipt line, the lot, the move from the
  // Vendor, the balance at the location (Vendor keeps none), the line's received units, the allocation picking the units for the charge,
  // the charge's picked figure, status and history row, and the inventory history row; per product and
  // location the stock level and month caches; the order's status, history row and receivable lines.
  const s = {
    number: sqlite.prepare(`INSERT INTO counters (name, next) VALUES ('RCV', 1001) ON CONFLICT(name) DO UPDATE SET next = next + 1 RETURNING next`),
    receipt: sqlite.prepare(`INSERT INTO receipts (number, status, freight, split_freight, note, user_id, created_at) VALUES (?, 'posted', 0, 0, NULL, ?, ?)`),
    receiptEvent: sqlite.prepare(`INSERT INTO receipt_events (receipt_id, occurred_at, user_id, type, from_state, to_state, details) VALUES (?, ?, ?, 'post', NULL, 'posted', '{}')`),
    lines: sqlite.prepare(
      `SELECT l.id, l.product_id AS productId, l.qty_ordered - l.qty_canceled - l.qty_received AS qty, l.unit_cost AS unitCost, l.charge_id AS chargeId, ch.quantity - ch.picked - ch.delivered AS need
       FROM purchase_order_lines l JOIN charges ch ON ch.id = l.charge_id WHERE l.po_id = ? ORDER BY l.line_no`,
    ),
    receiptLine: sqlite.prepare(`INSERT INTO receipt_lines (receipt_id, po_id, po_line_id, qty, unit_cost, landed_unit_cost, location_id) VALUES (?, ?, ?, ?, ?, ?, ?)`),
    lot: sqlite.prepare(`INSERT INTO lots (product_id, unit_cost, received_at, vendor_id, po_line_id, receipt_id, source_type, source_id) VALUES (?, ?, ?, ?, ?, ?, 'receipt', ?)`),
    move: sqlite.prepare(
      `INSERT INTO stock_moves (lot_id, product_id, qty, from_location_id, to_location_id, unit_cost, source_type, source_id, source_line, user_id, occurred_at) VALUES (?, ?, ?, ?, ?, ?, 'receipt', ?, ?, ?, ?)`,
    ),
    balance: sqlite.prepare(`INSERT INTO balances (lot_id, location_id, product_id, qty, received_at) VALUES (?, ?, ?, ?, ?)`),
    received: sqlite.prepare(`UPDATE purchase_order_lines SET qty_received = qty_received + ?, receivable = 0 WHERE id = ?`),
    allocation: sqlite.prepare(`INSERT INTO allocations (lot_id, location_id, product_id, qty, kind, source_type, source_id, created_at) VALUES (?, ?, ?, ?, 'picked', 'charge', ?, ?)`),
    charge: sqlite.prepare(`UPDATE charges SET picked = picked + ?, status = 'ready', updated_at = ? WHERE id = ?`),
    chargeEvent: sqlite.prepare(`INSERT INTO charge_events (charge_id, occurred_at, user_id, type, from_state, to_state, details) VALUES (?, ?, ?, 'receivedPicked', 'onOrder', 'ready', ?)`),
    history: sqlite.prepare(
      `INSERT INTO inventory_events (occurred_at, type, product_id, location_id, lot_id, serial_number, user_id, changes, qty, document_type, document_id) VALUES (?, 'stock.picked', ?, ?, ?, NULL, ?, '[]', ?, 'charge', ?)`,
    ),
    order: sqlite.prepare(`UPDATE purchase_orders SET status = 'receivedFull', updated_at = ? WHERE id = ?`),
    orderEvent: sqlite.prepare(`INSERT INTO purchase_order_events (po_id, occurred_at, user_id, type, from_state, to_state, details) VALUES (?, ?, ?, 'received', 'submitted', 'receivedFull', ?)`),
  };
  const caches = cacheWriters(sqlite);
  const picks = pickedWriter(sqlite);
  let appOrder = 0;
  let twinOrder = 0;
  let receiveBatch = 2 * RUNS;
  const submitted = (charges: number[]) => {
    const po = must(app.call('purchasing.orderForCharges', { vendorId, locationId: mainId, charges: charges.map((chargeId) => ({ chargeId })) }, token), 'purchasing.orderForCharges');
    must(app.call('purchasing.submit', { id: po.id }, token), 'purchasing.submit');
    return po.id;
  };
  measure(
    'receive1000LinkedLines',
    RUNS,
    () => {
      const lines = (sqlite.prepare(`SELECT id, qty_ordered AS qty FROM purchase_order_lines WHERE po_id = ? ORDER BY line_no`).all(appOrder) as { id: number; qty: number }[]).map((l) => ({ lineId: l.id, qty: l.qty }));
      const receipt = must(app.call('purchasing.receive', { lines }, token), 'purchasing.receive');
      if (receipt.lines.length !== BATCH) throw new Error(`purchasing.receive answered ${receipt.lines.length} lines`);
    },
    () =>
      sqlite.transaction(() => {
        const at = Date.now();
        const { next } = s.number.get() as { next: number };
        const number = `RCV-${next}`;
        const receiptId = Number(s.receipt.run(number, userId, at).lastInsertRowid);
        s.receiptEvent.run(receiptId, at, userId);
        const totals = new Map<number, { qty: number; value: number }>();
        let units = 0;
        for (const l of s.lines.all(twinOrder) as { id: number; productId: number; qty: number; unitCost: number; chargeId: number; need: number }[]) {
          const receiptLineId = Number(s.receiptLine.run(receiptId, twinOrder, l.id, l.qty, l.unitCost, l.unitCost, mainId).lastInsertRowid);
          const lotId = Number(s.lot.run(l.productId, l.unitCost, at, vendorId, l.id, receiptId, receiptId).lastInsertRowid);
          s.move.run(lotId, l.productId, l.qty, VIRTUAL.vendor, mainId, l.unitCost, receiptId, receiptLineId, userId, at);
          s.balance.run(lotId, mainId, l.productId, l.qty, at);
          s.received.run(l.qty, l.id);
          const picked = Math.min(l.qty, l.need);
          s.allocation.run(lotId, mainId, l.productId, picked, l.chargeId, at);
          picks.add(l.productId, mainId, picked);
          s.charge.run(picked, at, l.chargeId);
          s.chargeEvent.run(l.chargeId, at, userId, JSON.stringify({ receiptId, receiptNumber: number, locationId: mainId, qty: picked }));
          s.history.run(at, l.productId, mainId, lotId, userId, picked, l.chargeId);
          const t = totals.get(l.productId) ?? { qty: 0, value: 0 };
          totals.set(l.productId, { qty: t.qty + l.qty, value: t.value + l.qty * l.unitCost });
          units += l.qty;
        }
        for (const [productId, t] of totals) caches.move(productId, VIRTUAL.vendor, mainId, t.qty, t.value, at);
        picks.flush();
        s.order.run(at, twinOrder);
        s.orderEvent.run(twinOrder, at, userId, JSON.stringify({ receiptId, receiptNumber: number, units }));
      })(),
    {
      prepare: () => {
        appOrder = submitted(batches[receiveBatch++]!);
        twinOrder = submitted(batches[receiveBatch++]!);
      },
    },
  );
  const ready = sqlite.prepare(`SELECT count(*) AS n FROM charges WHERE id IN (SELECT charge_id FROM purchase_order_lines WHERE po_id = ?) AND status = 'ready'`).get(appOrder) as { n: number };
  if (ready.n !== BATCH) record('receive1000LinkedLines', Number.NaN, Number.NaN, `the last receipt left ${BATCH - ready.n} charges not Ready`);

  // 4. The same receipt with notifications on against every event switched off (the baseline): the
  // tickets get technicians with e-mail addresses, one of them on the purchasing team, and the office an
  // SMTP server, so each receipt writes per technician one in-app row and one queued e-mail per event.
  // Nothing is sent while it is timed (sending runs after the call, on the event loop this bench holds).
  const techs = sqlite.prepare(`SELECT id FROM users WHERE is_admin = 0 AND active = 1 ORDER BY id LIMIT ?`).all(CLIENTS) as { id: number }[];
  if (techs.length === 0) throw new Error('fulfillment: the bench database has no technicians');
  tickets.forEach((ticket, i) => sqlite.prepare(`UPDATE containers SET owner_user_id = ? WHERE id = ?`).run(techs[i % techs.length]!.id, ticket.id));
  techs.forEach((tech, i) => sqlite.prepare(`UPDATE users SET email = ?, language = ?, purchasing_team = ? WHERE id = ?`).run(`tech${tech.id}@bench.example`, i % 2 ? 'en' : 'es', i === 0 ? 1 : 0, tech.id));
  must(app.call('settings.updateSmtp', { host: '127.0.0.1', port: 1, security: 'none', user: '', fromAddress: 'bench@bench.example', fromName: '' }, token), 'settings.updateSmtp');
  const everyEvent = must(app.call('notifications.settings', {}, token), 'notifications.settings');
  const switchAll = (enabled: boolean) => must(app.call('notifications.saveSettings', { events: everyEvent.map((e) => ({ ...e, enabled })) }, token), 'notifications.saveSettings');
  const notices = sqlite.prepare(`SELECT (SELECT count(*) FROM notifications) + (SELECT count(*) FROM mail_outbox) AS n`);
  const receiveAll = (poId: number) => {
    const lines = (sqlite.prepare(`SELECT id, qty_ordered AS qty FROM purchase_order_lines WHERE po_id = ? ORDER BY line_no`).all(poId) as { id: number; qty: number }[]).map((l) => ({ lineId: l.id, qty: l.qty }));
    const receipt = must(app.call('purchasing.receive', { lines }, token), 'purchasing.receive');
    if (receipt.lines.length !== BATCH) throw new Error(`purchasing.receive answered ${receipt.lines.length} lines`);
  };
  let told = 0;
  measure(
    'receive1000Notified',
    RUNS,
    () => {
      const before = (notices.get() as { n: number }).n;
      receiveAll(appOrder);
      told = (notices.get() as { n: number }).n - before;
    },
    () => receiveAll(twinOrder),
    {
      prepare: () => {
        switchAll(true);
        appOrder = submitted(batches[receiveBatch++]!);
        twinOrder = submitted(batches[receiveBatch++]!);
      },
      between: () => switchAll(false),
    },
  );
  switchAll(true);
  log(`  a notified receipt wrote ${told} notifications and e-mails for ${techs.length} technicians`);
  if (told === 0) record('receive1000Notified', Number.NaN, Number.NaN, 'the notified receipt told nobody');
}
