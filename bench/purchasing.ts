// Purchasing budgets: receiving one PO line of 10,000 serialized units (serials pasted as a list), the
// Receiving page's first page at 20,000 open PO lines (plain and searched), and the PDF of a 500-line
// purchase order. Orders are created through the API (untimed); each timed call is the real channel.
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { App } from '../src/main/app';
import { serialKey } from '../src/shared/serials';
import { must, type BenchDb } from './build-db';
import { cacheWriters, log, measure, measureAsync } from './measure';

const SERIALS = 10_000;
const OPEN_ORDERS = 200;
const LINES_PER_ORDER = 100;
const PDF_LINES = 500;
const VENDOR = 1;

export const purchasingBudgets: Record<string, { maxMs: number; maxRatio?: number; text: string }> = {
  receivePoLine10kSerials: { maxMs: 500, maxRatio: 3, text: '≤ 3× raw, < 500 ms' },
  firstPageOpenLines: { maxMs: 50, text: '< 50 ms' },
  firstPageOpenLinesSearch: { maxMs: 50, text: '< 50 ms' },
};

export async function measurePurchasing(app: App, token: string, bench: BenchDb): Promise<void> {
  const sqlite = app.ctx.sqlite;
  const mainId = bench.locations.main;
  const vendorId = must(app.call('catalog.createCompany', { name: 'Bench Distribution', isVendor: true, isClient: false }, token), 'createCompany').id;
  const order = (lines: { productId: number; qty: number }[]) =>
    must(app.call('purchasing.createOrder', { vendorId, lines: lines.map((l) => ({ ...l, unitCost: 9_990_000, locationId: mainId })) }, token), 'createOrder');
  const submit = (id: number) => must(app.call('purchasing.submit', { id }, token), 'submit');

  // 1. One PO line of 10,000 serialized units. The baseline writes what the ledger needs for the same
  // units on a twin order: the receipt and its line, 10,000 lots, moves and a balance each (Vendor keeps none), the
  // caches, and the line's received quantity.
  const productId = bench.serializedProductId;
  must(app.call('catalog.saveProductVendor', { productId, vendorId, vendorPartNumber: 'BENCH-SER', vendorCost: 9_990_000 }, token), 'saveProductVendor');
  const insertReceipt = sqlite.prepare(`INSERT INTO receipts (number, status, freight, split_freight, user_id, created_at) VALUES (?, 'posted', 0, 0, 1, ?)`);
  const insertReceiptLine = sqlite.prepare(
    `INSERT INTO receipt_lines (receipt_id, po_id, po_line_id, qty, unit_cost, landed_unit_cost, location_id) VALUES (?, ?, ?, ?, 9990000, 9990000, ?)`,
  );
  const insertLot = sqlite.prepare(
    `INSERT INTO lots (product_id, serial_number, serial_key, unit_cost, received_at, vendor_id, po_line_id, receipt_id, source_type, source_id) VALUES (?, ?, ?, 9990000, ?, ?, ?, ?, 'receipt', ?)`,
  );
  const insertMove = sqlite.prepare(
    `INSERT INTO stock_moves (lot_id, product_id, qty, from_location_id, to_location_id, unit_cost, source_type, source_id, source_line, user_id, occurred_at) VALUES (?, ?, 1, ?, ?, 9990000, 'receipt', ?, ?, 1, ?)`,
  );
  const insertBalance = sqlite.prepare(`INSERT INTO balances (lot_id, location_id, product_id, qty, received_at) VALUES (?, ?, ?, ?, ?)`);
  const closeLine = sqlite.prepare(`UPDATE purchase_order_lines SET qty_received = qty_received + ?, receivable = 0 WHERE id = ?`);
  const closeOrder = sqlite.prepare(`UPDATE purchase_orders SET status = 'receivedFull' WHERE id = ?`);
  const caches = cacheWriters(sqlite);
  let run = 0;
  let appLine = 0;
  let twin = { orderId: 0, lineId: 0 };
  let appSerials: string[] = [];
  let twinSerials: string[] = [];
  const serials = (prefix: string, r: number) => Array.from({ length: SERIALS }, (_, i) => `${prefix}${r}-${String(i).padStart(5, '0')}`);
  measure(
    'receivePoLine10kSerials',
    3,
    () => must(app.call('purchasing.receive', { lines: [{ lineId: appLine, qty: SERIALS, serials: appSerials, vendorInvoiceNumber: 'INV-BENCH' }] }, token), 'receive'),
    () =>
      sqlite.transaction(() => {
        const at = Date.now();
        const receiptId = Number(insertReceipt.run(`BENCH-RCV-${run}`, at).lastInsertRowid);
        const receiptLine = Number(insertReceiptLine.run(receiptId, twin.orderId, twin.lineId, SERIALS, mainId).lastInsertRowid);
        for (const serial of twinSerials) {
          const lot = Number(insertLot.run(productId, serial, serialKey(serial), at, vendorId, twin.lineId, receiptId, receiptId).lastInsertRowid);
          insertMove.run(lot, productId, VENDOR, mainId, receiptId, receiptLine, at);
          insertBalance.run(lot, mainId, productId, 1, at);
        }
        caches.move(productId, VENDOR, mainId, SERIALS, SERIALS * 9_990_000, at);
        closeLine.run(SERIALS, twin.lineId);
        closeOrder.run(twin.orderId);
      })(),
    {
      prepare: () => {
        run++;
        appLine = submit(order([{ productId, qty: SERIALS }]).id).lines[0]!.id;
        const twinOrder = submit(order([{ productId, qty: SERIALS }]).id);
        twin = { orderId: twinOrder.id, lineId: twinOrder.lines[0]!.id };
        appSerials = serials('RCA', run);
        twinSerials = serials('RCB', run);
      },
    },
  );

  // 2. The Receiving page at 20,000 open lines: 200 submitted orders of 100 lines.
  const products = createOpenOrders(app, token, vendorId, mainId);
  const open = (sqlite.prepare(`SELECT count(*) AS n FROM purchase_order_lines WHERE receivable = 1`).get() as { n: number }).n;
  log(`  ${open.toLocaleString('en')} open purchase order lines`);
  measure(
    'firstPageOpenLines',
    5,
    () => must(app.call('purchasing.listOpenLines', {}, token), 'listOpenLines'),
    () =>
      sqlite
        .prepare(`SELECT l.*, po.number FROM purchase_order_lines l JOIN purchase_orders po ON po.id = l.po_id WHERE l.receivable = 1 ORDER BY l.po_id, l.line_no LIMIT 50`)
        .all(),
  );
  measure(
    'firstPageOpenLinesSearch',
    5,
    () => must(app.call('purchasing.listOpenLines', { q: 'BD-0000' }, token), 'listOpenLines q'),
    () =>
      sqlite
        .prepare(
          `SELECT l.*, po.number FROM purchase_order_lines l JOIN purchase_orders po ON po.id = l.po_id
           WHERE l.receivable = 1 AND l.vendor_part_number LIKE ? ORDER BY l.po_id, l.line_no LIMIT 50`,
        )
        .all('%BD-0000%'),
  );

  // 3. The PDF of a 500-line order. Baseline: pdf-lib writing the same 500 lines as plain text rows.
  const big = order(Array.from({ length: PDF_LINES }, (_, i) => ({ productId: products[i % products.length]!, qty: 1 + (i % 9) })));
  await measureAsync(
    'pdf500Lines',
    3,
    async () => {
      const pdf = await app.callAsync('purchasing.renderPdf', { id: big.id, locale: 'en' }, token);
      if (!pdf.ok) throw new Error(`renderPdf failed: ${pdf.error.code}`);
    },
    async () => {
      const doc = await PDFDocument.create();
      const font = await doc.embedFont(StandardFonts.Helvetica);
      let page = doc.addPage([595, 842]);
      big.lines.forEach((line, i) => {
        if (i > 0 && i % 45 === 0) page = doc.addPage([595, 842]);
        page.drawText(`${line.sku}  ${line.description}  ${line.qtyOrdered}  ${line.unitCost}  ${line.extended}`, { x: 40, y: 800 - (i % 45) * 17, size: 8, font });
      });
      await doc.save();
    },
  );
}

/**
 * Submitted purchase orders of `vendorId` (OPEN_ORDERS orders of LINES_PER_ORDER lines, all still to
 * receive) for the Receiving and purchase-order lists; the products linked to the vendor on the way.
 * Returns the products of the lines.
 */
export function createOpenOrders(app: App, token: string, vendorId: number, locationId: number): number[] {
  const sqlite = app.ctx.sqlite;
  const products = (sqlite.prepare(`SELECT id FROM products WHERE serialized = 0 ORDER BY id LIMIT ?`).all(LINES_PER_ORDER) as { id: number }[]).map((p) => p.id);
  const link = sqlite.prepare(`INSERT OR IGNORE INTO product_vendors (product_id, vendor_id, vendor_part_number, vendor_cost, is_default) VALUES (?, ?, ?, 9990000, 0)`);
  sqlite.transaction(() => products.forEach((id) => link.run(id, vendorId, `BD-${String(id).padStart(6, '0')}`)))();
  for (let i = 0; i < OPEN_ORDERS; i++) {
    const lines = products.map((productId) => ({ productId, qty: 5 + (i % 7), unitCost: 9_990_000, locationId }));
    const created = must(app.call('purchasing.createOrder', { vendorId, lines }, token), 'createOrder');
    must(app.call('purchasing.submit', { id: created.id }, token), 'submit');
  }
  return products;
}
