// The document lists — receipts, lines still to receive, stocktakes, transfers — page exactly as a plain
// sort of every matching row would: every sort the contract offers in both directions, each filter, the
// first pages and one past the end, searches with LIKE's own characters (% _ \) taken literally, totals
// capped at COUNT_CAP. The expected answers come from the tables read whole and sorted here, so the SQL
// behind the lists can change (a shared paging helper, another plan) without changing what users see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput } from '@shared/contract';
import { createTestApp, seedWorld, type TestApp } from '../testing/harness';
import { compareAsSqlite, type SortKey } from '../testing/sqliteOrder';
import { COUNT_CAP } from './context';

let t: TestApp;
let w: ReturnType<typeof seedWorld>;
const BULK = COUNT_CAP + 23;
const base = Date.UTC(2026, 0, 1);

type Key = SortKey;
const compare = compareAsSqlite;
/** Sorted by each key in turn, each in its own direction. */
function sorted<R>(rows: R[], keys: [(r: R) => Key, 'asc' | 'desc'][]): R[] {
  return [...rows].sort((a, b) => {
    for (const [key, dir] of keys) {
      const c = compare(key(a), key(b));
      if (c !== 0) return dir === 'asc' ? c : -c;
    }
    return 0;
  });
}

const directions = ['asc', 'desc'] as const;
const pages = [
  { page: 1, pageSize: 7 },
  { page: 2, pageSize: 7 },
  { page: 3, pageSize: 7 },
  { page: 1, pageSize: 200 },
  { page: 3, pageSize: 200 },
  // Past the last page of any list here: no rows, the same total.
  { page: 60, pageSize: 200 },
];

/** Every page of `pages` answers the slice of `expected` it covers, and the capped total. */
function expectPages<R extends { id?: number; lineId?: number }>(
  label: string,
  list: (page: { page: number; pageSize: number }) => { rows: R[]; total: number; totalCapped: boolean },
  expected: number[],
  which = pages,
) {
  for (const p of which) {
    const answer = list(p);
    const from = (p.page - 1) * p.pageSize;
    expect(
      answer.rows.map((r) => r.id ?? r.lineId),
      `${label} page ${p.page} of ${p.pageSize}`,
    ).toEqual(expected.slice(from, from + p.pageSize));
    expect({ total: answer.total, totalCapped: answer.totalCapped }, label).toEqual({ total: Math.min(expected.length, COUNT_CAP), totalCapped: expected.length > COUNT_CAP });
  }
}

const fewPages = [pages[0]!, pages[2]!, pages[5]!];

const likeContains = (text: string | null, q: string) => text !== null && text.toLowerCase().includes(q.toLowerCase());

let users: { admin: number; tech: number };
let extra: { odd: number };
const names = new Map<number, string>();
const userNames = new Map<number, string>();

beforeAll(() => {
  t = createTestApp();
  w = seedWorld(t);
  const sqlite = t.app.ctx.sqlite;
  users = { admin: sqlite.prepare<[], { id: number }>(`SELECT id FROM users WHERE username = 'admin'`).get()!.id, tech: w.tech.id };
  extra = { odd: t.ok('locations.create', { name: 'Shelf 50%_off \\ back', kind: 'shelf' }).id };
  for (const l of sqlite.prepare<[], { id: number; name: string }>(`SELECT id, name FROM locations`).all()) names.set(l.id, l.name);
  for (const u of sqlite.prepare<[], { id: number; name: string }>(`SELECT id, display_name AS name FROM users`).all()) userNames.set(u.id, u.name);
});
afterAll(() => t.close());

describe('stock.listTransfers', () => {
  interface TransferRow {
    id: number;
    number: string;
    status: string;
    mode: string;
    fromLocationId: number;
    toLocationId: number;
    note: string | null;
    userId: number;
    createdAt: number;
    receivedAt: number | null;
  }
  let all: TransferRow[];
  const units = new Map<number, number>();
  const statuses = ['inTransit', 'done', 'canceled', 'reversed'] as const;

  beforeAll(() => {
    // A few through the channels (their units come from real moves), then many more written directly,
    // with creation times that tie, so the id decides among them.
    t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 50, costMethod: 'manual', unitCost: 10_000, reason: null });
    const shipped = t.ok('stock.transfer', { fromLocationId: w.main.id, toLocationId: w.van.id, mode: 'ship', lines: [{ productId: w.cable.id, qty: 4 }] });
    units.set(shipped.id, 4);
    t.clock.now += 1000;
    const direct = t.ok('stock.transfer', { fromLocationId: w.main.id, toLocationId: w.shelf.id, lines: [{ productId: w.cable.id, qty: 7 }] });
    units.set(direct.id, 7);
    const received = t.ok('stock.transfer', { fromLocationId: w.main.id, toLocationId: w.van.id, mode: 'ship', lines: [{ productId: w.cable.id, qty: 2 }] });
    t.ok('stock.receiveTransfer', { id: received.id });
    units.set(received.id, 2);
    const back = t.ok('stock.transfer', { fromLocationId: w.shelf.id, toLocationId: w.main.id, lines: [{ productId: w.cable.id, qty: 3 }] });
    t.ok('stock.reverse', { documentType: 'transfer', id: back.id, reason: 'wrong shelf' });
    units.set(back.id, 3);

    const sqlite = t.app.ctx.sqlite;
    const insert = sqlite.prepare(`INSERT INTO transfers (number, from_location_id, to_location_id, mode, status, note, user_id, created_at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const ends = [
      [w.main.id, w.van.id],
      [w.van.id, w.main.id],
      [w.main.id, w.shelf.id],
      [w.shelf.id, extra.odd],
      [extra.odd, w.van.id],
    ] as const;
    sqlite.transaction(() => {
      for (let i = 0; i < BULK; i++) {
        const [from, to] = i % 97 === 0 ? [extra.odd, w.shelf.id] : ends[i % 3 === 0 ? 0 : i % 5 === 0 ? 1 : i % 7 === 0 ? 2 : i % 2 === 0 ? 3 : 4]!;
        // Mostly done; few cancelled (a short list by status), none reversed among these.
        const status = i % 211 === 0 ? 'canceled' : i % 13 === 0 ? 'inTransit' : 'done';
        const createdAt = base - 86_400_000 + Math.floor(((i * 7919) % BULK) / 3) * 1000;
        insert.run(`TRF-B${String(i).padStart(6, '0')}`, from, to, status === 'inTransit' ? 'ship' : 'direct', status, i % 4 === 0 ? `note ${i}` : null, i % 2 ? users.admin : users.tech, createdAt, status === 'done' ? createdAt + 5 : null);
      }
    })();
    all = sqlite
      .prepare<[], TransferRow>(
        `SELECT id, number, status, mode, from_location_id AS fromLocationId, to_location_id AS toLocationId, note, user_id AS userId, created_at AS createdAt, received_at AS receivedAt FROM transfers`,
      )
      .all();
    expect(all.length).toBe(BULK + 4);
  });

  const filters: { status?: (typeof statuses)[number]; locationId?: () => number }[] = [
    {},
    ...statuses.map((status) => ({ status })),
    { locationId: () => w.main.id },
    { locationId: () => extra.odd },
    { locationId: () => w.shelf.id, status: 'canceled' },
    { locationId: () => w.van.id, status: 'inTransit' },
    { locationId: () => w.shelf.id, status: 'reversed' },
  ];

  it('pages every sort, direction and filter as a plain sort of the matches, newest first by default', () => {
    for (const filter of filters) {
      const locationId = filter.locationId?.();
      const matches = all.filter((r) => (!filter.status || r.status === filter.status) && (locationId === undefined || r.fromLocationId === locationId || r.toLocationId === locationId));
      const input = { ...(filter.status ? { status: filter.status } : {}), ...(locationId ? { locationId } : {}) };
      // No sort asked: newest first, whatever the direction says.
      for (const sortDirection of [undefined, ...directions]) {
        const expected = sorted(matches, [
          [(r) => r.createdAt, 'desc'],
          [(r) => r.id, 'desc'],
        ]).map((r) => r.id);
        expectPages(`${JSON.stringify(input)} default ${sortDirection}`, (p) => t.ok('stock.listTransfers', { ...input, ...p, ...(sortDirection ? { sortDirection } : {}) }), expected);
      }
      for (const dir of directions) {
        const byDate = sorted(matches, [
          [(r) => r.createdAt, dir],
          [(r) => r.id, dir],
        ]).map((r) => r.id);
        expectPages(`${JSON.stringify(input)} createdAt ${dir}`, (p) => t.ok('stock.listTransfers', { ...input, ...p, sortBy: 'createdAt', sortDirection: dir }), byDate);
        // The number follows the id (numbers are given in order).
        const byNumber = sorted(matches, [[(r) => r.id, dir]]).map((r) => r.id);
        expectPages(`${JSON.stringify(input)} number ${dir}`, (p) => t.ok('stock.listTransfers', { ...input, ...p, sortBy: 'number', sortDirection: dir }), byNumber);
      }
    }
  });

  it('answers each row with its locations, units, user and times', () => {
    const answer = t.ok('stock.listTransfers', { pageSize: 200, sortBy: 'number', sortDirection: 'desc', page: 1 });
    const rest = t.ok('stock.listTransfers', { pageSize: 200, sortBy: 'number', sortDirection: 'asc', page: 1 });
    for (const row of [...answer.rows, ...rest.rows]) {
      const r = all.find((a) => a.id === row.id)!;
      expect(row).toEqual({
        id: r.id,
        number: r.number,
        status: r.status,
        mode: r.mode,
        fromLocationId: r.fromLocationId,
        fromLocationName: names.get(r.fromLocationId),
        toLocationId: r.toLocationId,
        toLocationName: names.get(r.toLocationId),
        units: units.get(r.id) ?? 0,
        note: r.note,
        userName: userNames.get(r.userId),
        createdAt: r.createdAt,
        receivedAt: r.receivedAt,
      });
    }
    expect(rest.rows.slice(0, 4).map((r) => [r.status, r.units])).toEqual([
      ['inTransit', 4],
      ['done', 7],
      ['done', 2],
      ['reversed', 3],
    ]);
  });
});

describe('stock.listCounts', () => {
  interface CountRow {
    id: number;
    number: string;
    locationId: number;
    status: string;
    note: string | null;
    userId: number;
    createdAt: number;
    postedAt: number | null;
  }
  let all: CountRow[];
  const statuses = ['open', 'posted', 'canceled', 'reversed'] as const;

  beforeAll(() => {
    const sqlite = t.app.ctx.sqlite;
    const insert = sqlite.prepare(`INSERT INTO stocktakes (number, location_id, status, note, user_id, created_at, posted_at) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    sqlite.transaction(() => {
      for (let i = 0; i < BULK; i++) {
        const status = i % 307 === 0 ? 'reversed' : i % 11 === 0 ? 'canceled' : 'posted';
        // Creation times out of id order: the list sorts by id, whatever the sort asked.
        const createdAt = base - 86_400_000 + ((i * 7919) % BULK) * 1000;
        insert.run(`CNT-B${String(i).padStart(6, '0')}`, [w.main.id, w.van.id, extra.odd][i % 3]!, status, i % 5 === 0 ? null : `count ${i}`, i % 2 ? users.admin : users.tech, createdAt, status === 'posted' ? createdAt + 60_000 : null);
      }
    })();
    // One open count, through the channel, last.
    t.ok('stock.startCount', { locationId: w.shelf.id, note: 'open one' });
    all = sqlite
      .prepare<[], CountRow>(`SELECT id, number, location_id AS locationId, status, note, user_id AS userId, created_at AS createdAt, posted_at AS postedAt FROM stocktakes`)
      .all();
  });

  it('pages every sort, direction and status by id, newest first when no sort is asked', () => {
    for (const status of [undefined, ...statuses]) {
      const matches = all.filter((r) => !status || r.status === status);
      const input = status ? { status } : {};
      for (const sortDirection of [undefined, ...directions]) {
        expectPages(
          `${status} default ${sortDirection}`,
          (p) => t.ok('stock.listCounts', { ...input, ...p, ...(sortDirection ? { sortDirection } : {}) }),
          sorted(matches, [[(r) => r.id, 'desc']]).map((r) => r.id),
        );
      }
      for (const sortBy of ['createdAt', 'number'] as const) {
        for (const dir of directions) {
          expectPages(`${status} ${sortBy} ${dir}`, (p) => t.ok('stock.listCounts', { ...input, ...p, sortBy, sortDirection: dir }), sorted(matches, [[(r) => r.id, dir]]).map((r) => r.id));
        }
      }
    }
  });

  it('answers each row with its location, user and times, without lines', () => {
    const rows = [...t.ok('stock.listCounts', { pageSize: 200 }).rows, ...t.ok('stock.listCounts', { pageSize: 200, sortBy: 'number' }).rows];
    for (const row of rows) {
      const r = all.find((a) => a.id === row.id)!;
      expect(row).toEqual({ id: r.id, number: r.number, locationId: r.locationId, locationName: names.get(r.locationId), status: r.status, note: r.note, reviewNote: null, createdAt: r.createdAt, postedAt: r.postedAt, userName: userNames.get(r.userId) });
    }
    expect(rows[0]).toMatchObject({ status: 'open', note: 'open one', locationName: 'Office shelf' });
  });
});

describe('purchasing lists', () => {
  interface LineRow {
    lineId: number;
    orderId: number;
    orderNumber: string;
    vendorId: number;
    purchaseForCompanyId: number | null;
    productId: number;
    sku: string;
    productName: string;
    serialized: number;
    vendorPartNumber: string | null;
    qtyOrdered: number;
    qtyReceived: number;
    qtyCanceled: number;
    unitCost: number;
    locationId: number;
    estimatedArrival: string | null;
    lineNo: number;
    receivable: number;
  }
  let lines: LineRow[];
  const companyNames = new Map<number, string>();
  let vendors: number[];
  let orders: number[];
  let receivedOrder: number;
  interface ReceiptRow {
    id: number;
    number: string;
    status: string;
    createdAt: number;
    userId: number;
    freight: number;
    splitFreight: number;
    note: string | null;
    canceledAt: number | null;
    cancelReason: string | null;
  }
  let receipts: ReceiptRow[];
  let receiptLines: { id: number; receiptId: number; poId: number; poLineId: number; qty: number }[];

  beforeAll(() => {
    const sqlite = t.app.ctx.sqlite;
    const company = (name: string, isVendor: boolean) => t.ok('catalog.createCompany', { name, isVendor, isClient: !isVendor }).id;
    vendors = [company('Acme 100% Parts', true), company('Under_score Ltd', true), company('Back\\slash SA', true), company('Plain vendor', true)];
    const client = company('Client 50% Co', false);
    for (const c of sqlite.prepare<[], { id: number; name: string }>(`SELECT id, name FROM companies`).all()) companyNames.set(c.id, c.name);

    // A real receipt (lines, serials, landed cost) on an order made through the channels.
    t.ok('catalog.saveProductVendor', { productId: w.laptop.id, vendorId: vendors[0]!, vendorPartNumber: 'AC_T14%', vendorCost: 8_000_000, isDefault: true });
    const po = t.ok('purchasing.createOrder', { vendorId: vendors[0]!, lines: [{ productId: w.laptop.id, qty: 3, locationId: w.main.id }] });
    t.ok('purchasing.submit', { id: po.id });
    receivedOrder = po.id;
    t.clock.now = base + 3_600_000;
    t.ok('purchasing.receive', { lines: [{ lineId: po.lines[0]!.id, qty: 2, serials: ['R-1', 'R-2'], vendorInvoiceNumber: 'INV-1' }], freight: 10_000, splitFreight: true, note: 'first' });

    const insertProduct = sqlite.prepare(
      `INSERT INTO products (sku, name, unit_cost, unit_price, msrp, serialized, active, created_at, updated_at) VALUES (?, ?, 100, 200, 0, ?, 1, 0, 0)`,
    );
    const products = [
      ['SKU-%1', 'Plain widget', 0],
      ['SKU_2', 'Under_line gadget', 1],
      ['SKU\\3', 'Back\\slash thing', 0],
      ['ABC-4', '100% cotton cable', 0],
      ['abc-5', 'lower sku', 1],
      ['Z-6', 'Zed', 0],
    ].map(([sku, name, serialized]) => Number(insertProduct.run(sku, name, serialized).lastInsertRowid));
    const insertOrder = sqlite.prepare(
      `INSERT INTO purchase_orders (number, status, approval_status, vendor_id, purchase_for_company_id, freight, expected_ship_date, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertLine = sqlite.prepare(
      `INSERT INTO purchase_order_lines (po_id, line_no, product_id, description, vendor_part_number, qty_ordered, qty_received, qty_canceled, unit_cost, location_id, estimated_arrival, receivable)
       VALUES (?, ?, ?, 'x', ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertReceipt = sqlite.prepare(`INSERT INTO receipts (number, status, freight, split_freight, note, user_id, created_at, canceled_by, canceled_at, cancel_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const insertReceiptLine = sqlite.prepare(
      `INSERT INTO receipt_lines (receipt_id, po_id, po_line_id, qty, unit_cost, landed_unit_cost, location_id, vendor_invoice_number) VALUES (?, ?, ?, ?, 100, 100, ?, NULL)`,
    );
    orders = [];
    sqlite.transaction(() => {
      // Orders numbered out of id order, so sorting by "order number" (the order's id) shows it.
      for (let o = 0; o < 41; o++) {
        // Statuses, dates, ship dates and totals that tie, so the id decides among them.
        const status = ['submitted', 'new', 'receivedPartial', 'canceled', 'receivedFull'][o % 5]!;
        const number = `PO-${o % 2 ? 'A' : 'B'}${(o * 17) % 41}${o === 5 ? '%' : o === 6 ? '_' : o === 7 ? '\\' : ''}`;
        const shipDate = o % 3 === 0 ? null : `2026-03-0${(o % 4) + 1}`;
        const approval = status === 'new' && o % 2 === 0 ? 'requested' : 'none';
        orders.push(Number(insertOrder.run(number, status, approval, vendors[o % vendors.length]!, o % 3 === 0 ? client : null, (o % 3) * 500, shipDate, users.admin, base + (o % 6) * 60_000, base).lastInsertRowid));
      }
      // Enough lines for every sort to tie and page; the cap is checked once, at the end, on many more.
      for (let i = 0; i < 1_500; i++) {
        const orderId = orders[i % orders.length]!;
        const lineNo = Math.floor(i / orders.length) + 1;
        const parts = [null, 'VP-1', 'VP%2', 'VP_3', 'VP\\4', 'vp-5'];
        const arrival = i % 4 === 0 ? null : `2026-02-${String((i % 9) + 1).padStart(2, '0')}`;
        const ordered = 5 + (i % 4);
        const received = i % 3 === 0 ? 2 : 0;
        insertLine.run(orderId, lineNo, products[(i * 5) % products.length]!, parts[i % parts.length], ordered, received, i % 10 === 0 ? 1 : 0, 1000 + (i % 50), [w.main.id, w.shelf.id, extra.odd][i % 3]!, arrival, i % 53 === 0 ? 0 : 1);
      }
      for (let i = 0; i < BULK; i++) {
        const canceled = i % 17 === 0;
        const createdAt = base + Math.floor(((i * 7919) % BULK) / 4) * 1000;
        const id = Number(insertReceipt.run(`RCV-B${String(i).padStart(6, '0')}`, canceled ? 'canceled' : 'posted', i % 3 === 0 ? 5_000 : 0, i % 6 === 0 ? 1 : 0, i % 5 ? null : `r ${i}`, i % 2 ? users.admin : users.tech, createdAt, canceled ? users.admin : null, canceled ? createdAt + 1 : null, canceled ? 'oops' : null).lastInsertRowid);
        // A few receipts of one order, one of two orders.
        if (i % 29 === 0) {
          const first = orders[i % 4]!;
          const line = sqlite.prepare<[number], { id: number }>(`SELECT id FROM purchase_order_lines WHERE po_id = ? ORDER BY line_no LIMIT 1`).get(first)!;
          insertReceiptLine.run(id, first, line.id, 1 + (i % 3), w.main.id);
          if (i % 58 === 0) {
            const second = orders[10]!;
            const other = sqlite.prepare<[number], { id: number }>(`SELECT id FROM purchase_order_lines WHERE po_id = ? ORDER BY line_no LIMIT 1`).get(second)!;
            insertReceiptLine.run(id, second, other.id, 4, w.shelf.id);
          }
        }
      }
    })();
    lines = sqlite
      .prepare<[], LineRow>(
        `SELECT l.id AS lineId, l.po_id AS orderId, po.number AS orderNumber, po.vendor_id AS vendorId, po.purchase_for_company_id AS purchaseForCompanyId, l.product_id AS productId,
                p.sku, p.name AS productName, p.serialized, l.vendor_part_number AS vendorPartNumber, l.qty_ordered AS qtyOrdered, l.qty_received AS qtyReceived, l.qty_canceled AS qtyCanceled,
                l.unit_cost AS unitCost, l.location_id AS locationId, l.estimated_arrival AS estimatedArrival, l.line_no AS lineNo, l.receivable
         FROM purchase_order_lines l, purchase_orders po, products p WHERE po.id = l.po_id AND p.id = l.product_id`,
      )
      .all();
    receipts = sqlite
      .prepare<[], ReceiptRow>(
        `SELECT id, number, status, created_at AS createdAt, user_id AS userId, freight, split_freight AS splitFreight, note, canceled_at AS canceledAt, cancel_reason AS cancelReason FROM receipts`,
      )
      .all();
    receiptLines = sqlite
      .prepare<[], { id: number; receiptId: number; poId: number; poLineId: number; qty: number }>(`SELECT id, receipt_id AS receiptId, po_id AS poId, po_line_id AS poLineId, qty FROM receipt_lines`)
      .all();
  });

  describe('purchasing.listOpenLines', () => {
    const sortKeys = {
      orderNumber: (r: LineRow) => r.orderId,
      sku: (r: LineRow) => r.sku,
      vendorName: (r: LineRow) => companyNames.get(r.vendorId)!,
      estimatedArrival: (r: LineRow) => r.estimatedArrival,
    };
    const searched = (r: LineRow, q: string) =>
      [r.orderNumber, r.sku, r.productName, companyNames.get(r.vendorId)!, r.vendorPartNumber].some((text) => likeContains(text, q));
    type Filter = { q?: string; orderId?: () => number; vendorId?: () => number; locationId?: () => number };
    const filters: Filter[] = [
      {},
      { q: '%' },
      { q: '_' },
      { q: '\\' },
      { q: '100%' },
      { q: 'vp%2' },
      { q: 'sku_' },
      { q: 'abc' },
      { q: '  under_  ' },
      { q: 'PO-A1' },
      { q: 'nothing like it' },
      { orderId: () => orders[3]! },
      { orderId: () => receivedOrder },
      { vendorId: () => vendors[2]! },
      { locationId: () => extra.odd },
      { q: 'vp', vendorId: () => vendors[1]!, locationId: () => w.shelf.id },
    ];

    it('pages every sort, direction and filter as a plain sort of the receivable matches', () => {
      for (const filter of filters) {
        const input = {
          ...(filter.q !== undefined ? { q: filter.q } : {}),
          ...(filter.orderId ? { orderId: filter.orderId() } : {}),
          ...(filter.vendorId ? { vendorId: filter.vendorId() } : {}),
          ...(filter.locationId ? { locationId: filter.locationId() } : {}),
        };
        const q = filter.q?.trim();
        const matches = lines.filter(
          (r) =>
            r.receivable === 1 &&
            (!q || searched(r, q)) &&
            (input.orderId === undefined || r.orderId === input.orderId) &&
            (input.vendorId === undefined || r.vendorId === input.vendorId) &&
            (input.locationId === undefined || r.locationId === input.locationId),
        );
        for (const sortBy of [undefined, ...(Object.keys(sortKeys) as (keyof typeof sortKeys)[])]) {
          for (const dir of directions) {
            // Ties: the order in the same direction, then its lines in order.
            const expected = sorted(matches, [
              [sortKeys[sortBy ?? 'orderNumber'], dir],
              [(r) => r.orderId, dir],
              [(r) => r.lineNo, 'asc'],
            ]).map((r) => r.lineId);
            const call = (p: { page: number; pageSize: number }) => t.ok('purchasing.listOpenLines', { ...input, ...p, ...(sortBy ? { sortBy } : {}), sortDirection: dir });
            // Fewer pages than the other lists: each call sorts up to ten thousand joined lines.
            expectPages(`${JSON.stringify(input)} ${sortBy} ${dir}`, call, expected, sortBy ? fewPages : pages.slice(0, 2));
          }
        }
      }
    });

    /**
     * The marks as their definitions say, from the tables read whole: expected by now (a sent order past its
     * ship date, or the line's own arrival past) and back-ordered longer than the default 14 days since the
     * line's first posted receipt.
     */
    function marksOf(r: LineRow, today: string, now: number) {
      const order = t.app.ctx.sqlite.prepare<[number], { status: string; shipDate: string | null }>(`SELECT status, expected_ship_date AS shipDate FROM purchase_orders WHERE id = ?`).get(r.orderId)!;
      const orderLate = ['submitted', 'receivedPartial'].includes(order.status) && order.shipDate !== null && order.shipDate < today;
      const first = firstReceiptOf(r.lineId);
      return {
        overdue: orderLate || (r.estimatedArrival !== null && r.estimatedArrival < today),
        backOrderOverdue: r.qtyReceived > 0 && first !== undefined && first < now - 14 * 86_400_000,
      };
    }
    let firstReceipts: Map<number, number> | undefined;
    /** When a line was first received: its earliest posted receipt (the receipts are read once, in beforeAll). */
    function firstReceiptOf(lineId: number): number | undefined {
      if (!firstReceipts) {
        const posted = new Map(receipts.filter((x) => x.status === 'posted').map((x) => [x.id, x.createdAt]));
        firstReceipts = new Map();
        for (const l of receiptLines) {
          const at = posted.get(l.receiptId);
          if (at !== undefined) firstReceipts.set(l.poLineId, Math.min(at, firstReceipts.get(l.poLineId) ?? at));
        }
      }
      return firstReceipts.get(lineId);
    }

    it('answers each line with its order, vendor, product, quantities, cost and marks', () => {
      const before = t.clock.now;
      // Some estimated arrivals (February) are past, the ship dates (March) not yet; the bulk receipts are weeks old.
      t.clock.now = new Date(2026, 1, 5, 12).getTime();
      const answer = t.ok('purchasing.listOpenLines', { pageSize: 200, sortBy: 'sku', sortDirection: 'desc', q: 'a' });
      expect(answer.rows.length).toBe(200);
      for (const row of answer.rows) {
        const r = lines.find((l) => l.lineId === row.lineId)!;
        const outstanding = r.qtyOrdered - r.qtyCanceled - r.qtyReceived;
        expect(row).toEqual({
          lineId: r.lineId,
          orderId: r.orderId,
          orderNumber: r.orderNumber,
          vendorId: r.vendorId,
          vendorName: companyNames.get(r.vendorId),
          purchaseForCompanyId: r.purchaseForCompanyId,
          purchaseForName: r.purchaseForCompanyId === null ? null : companyNames.get(r.purchaseForCompanyId),
          productId: r.productId,
          sku: r.sku,
          productName: r.productName,
          serialized: r.serialized === 1,
          vendorPartNumber: r.vendorPartNumber,
          qtyOrdered: r.qtyOrdered,
          qtyReceived: r.qtyReceived,
          outstanding,
          backOrdered: r.qtyReceived > 0 ? outstanding : 0,
          unitCost: r.unitCost,
          locationId: r.locationId,
          locationName: names.get(r.locationId),
          estimatedArrival: r.estimatedArrival,
          ...marksOf(r, '2026-02-05', t.clock.now),
          // These lines buy for stock, not for a charge (forCharges.test.ts covers linked lines).
          chargeId: null,
          chargeNumber: null,
          chargeCompanyId: null,
          chargeCompanyName: null,
        });
      }
      expect(new Set(answer.rows.map((r) => r.overdue))).toEqual(new Set([true, false]));
      // Without costs.view the same lines come back, their cost blanked.
      const receiver = t.tokenFor(t.addUser({ username: 'receiver', permissions: ['purchasing.receive', 'inventory.view'] }).id);
      const blind = t.ok('purchasing.listOpenLines', { pageSize: 200, sortBy: 'sku', sortDirection: 'desc', q: 'a' }, receiver);
      expect(blind.rows).toEqual(answer.rows.map((r) => ({ ...r, unitCost: null })));
      // In March the sent orders' ship dates pass too; every line's marks follow, whichever page it is on.
      t.clock.now = new Date(2026, 2, 3, 12).getTime();
      const all = [1, 2, 3, 4, 5, 6, 7, 8].flatMap((page) => t.ok('purchasing.listOpenLines', { page, pageSize: 200 }).rows);
      expect(all.length).toBe(lines.filter((l) => l.receivable === 1).length);
      for (const row of all) {
        expect({ lineId: row.lineId, overdue: row.overdue, backOrderOverdue: row.backOrderOverdue }).toEqual({ lineId: row.lineId, ...marksOf(lines.find((l) => l.lineId === row.lineId)!, '2026-03-03', t.clock.now) });
      }
      expect(all.some((r) => r.backOrderOverdue)).toBe(true);
      t.clock.now = before;
    });
  });

  describe('purchasing.listOrders', () => {
    interface OrderRow {
      id: number;
      number: string;
      status: string;
      approvalStatus: string;
      vendorId: number;
      freight: number;
      expectedShipDate: string | null;
      createdAt: number;
    }
    const sortKeys = {
      number: (r: OrderRow) => r.id,
      createdAt: (r: OrderRow) => r.createdAt,
      vendorName: (r: OrderRow) => companyNames.get(r.vendorId)!,
      status: (r: OrderRow) => r.status,
      total: (r: OrderRow) => r.freight + lines.filter((l) => l.orderId === r.id).reduce((s, l) => s + (l.qtyOrdered - l.qtyCanceled) * l.unitCost, 0),
      expectedShipDate: (r: OrderRow) => r.expectedShipDate,
    };

    it('pages every sort and direction (ties newest order first), with each filter', () => {
      const before = t.clock.now;
      // The ship dates are the first days of March: some sent orders are past theirs on the 3rd.
      t.clock.now = new Date(2026, 2, 3, 12).getTime();
      const overdue = (r: OrderRow) => (r.status === 'submitted' || r.status === 'receivedPartial') && r.expectedShipDate !== null && r.expectedShipDate < '2026-03-03';
      const all = t.app.ctx.sqlite
        .prepare<[], OrderRow>(
          `SELECT id, number, status, approval_status AS approvalStatus, vendor_id AS vendorId, freight, expected_ship_date AS expectedShipDate, created_at AS createdAt FROM purchase_orders`,
        )
        .all();
      const totals = new Map(all.map((r) => [r.id, sortKeys.total(r)]));
      const keys = { ...sortKeys, total: (r: OrderRow) => totals.get(r.id)! };
      const product = lines.find((l) => l.orderId === orders[4])!.productId;
      const filters: ChannelInput<'purchasing.listOrders'>[] = [
        {},
        { q: '%' },
        { q: '_' },
        { q: 'po-a1' },
        { q: 'under_' },
        { q: 'no such order' },
        { statuses: ['new'] },
        { statuses: ['submitted', 'canceled', 'receivedFull'] },
        { vendorId: vendors[1]! },
        { productId: product },
        { from: base + 60_000, to: base + 180_000 },
        { from: base + 240_000 },
        { to: base },
        { q: 'po', statuses: ['new', 'submitted'], vendorId: vendors[0]!, from: base },
        { overdue: true },
        { overdue: false },
        { overdue: true, statuses: ['receivedPartial', 'new'] },
        { overdue: true, q: 'po-a' },
      ];
      for (const filter of filters) {
        const q = filter.q?.trim();
        const matches = all.filter(
          (r) =>
            (!q || likeContains(r.number, q) || likeContains(companyNames.get(r.vendorId)!, q)) &&
            (!filter.statuses?.length || filter.statuses.includes(r.status as never)) &&
            (filter.vendorId === undefined || r.vendorId === filter.vendorId) &&
            (filter.productId === undefined || lines.some((l) => l.orderId === r.id && l.productId === filter.productId)) &&
            (filter.from === undefined || r.createdAt >= filter.from) &&
            (filter.to === undefined || r.createdAt <= filter.to) &&
            (!filter.overdue || overdue(r)),
        );
        for (const sortBy of [undefined, ...(Object.keys(keys) as (keyof typeof keys)[])]) {
          for (const dir of directions) {
            const expected = sorted(matches, [
              [keys[sortBy ?? 'number'], dir],
              [(r) => r.id, 'desc'],
            ]).map((r) => r.id);
            expectPages(`${JSON.stringify(filter)} ${sortBy} ${dir}`, (p) => t.ok('purchasing.listOrders', { ...filter, ...p, ...(sortBy ? { sortBy } : {}), sortDirection: dir }), expected, [
              { page: 1, pageSize: 7 },
              { page: 2, pageSize: 50 },
            ]);
          }
        }
      }
      // Each row carries its mark; the filter finds exactly the marked ones.
      const rows = t.ok('purchasing.listOrders', { pageSize: 200 }).rows;
      expect(rows.map((r) => [r.id, r.overdue])).toEqual(rows.map((r) => [r.id, overdue(all.find((a) => a.id === r.id)!)]));
      expect(t.ok('purchasing.listOrders', { overdue: true, pageSize: 200 }).rows.map((r) => r.id).sort()).toEqual(rows.filter((r) => r.overdue).map((r) => r.id).sort());
      expect(rows.filter((r) => r.overdue).length).toBeGreaterThan(0);
      t.clock.now = before;
    });
  });

  describe('purchasing.listReceipts', () => {
    const inputs: (() => ChannelInput<'purchasing.listReceipts'>)[] = [
      () => ({}),
      () => ({ sortDirection: 'asc' }),
      () => ({ sortBy: 'createdAt', sortDirection: 'asc' }),
      () => ({ sortBy: 'createdAt', sortDirection: 'desc' }),
      () => ({ orderId: orders[0]! }),
      () => ({ orderId: orders[1]!, sortBy: 'createdAt', sortDirection: 'asc' }),
      () => ({ orderId: orders[10]! }),
      () => ({ orderId: receivedOrder }),
      () => ({ orderId: orders[20]! }),
    ];

    it('pages newest first (ties by id), whatever the sort asked, optionally of one order', () => {
      for (const make of inputs) {
        const input = make();
        const of = input.orderId === undefined ? undefined : new Set(receiptLines.filter((l) => l.poId === input.orderId).map((l) => l.receiptId));
        const expected = sorted(
          receipts.filter((r) => !of || of.has(r.id)),
          [
            [(r) => r.createdAt, 'desc'],
            [(r) => r.id, 'desc'],
          ],
        ).map((r) => r.id);
        expectPages(JSON.stringify(input), (p) => t.ok('purchasing.listReceipts', { ...input, ...p }), expected);
      }
      expect(t.ok('purchasing.listReceipts', { orderId: orders[20]! })).toEqual({ rows: [], total: 0, totalCapped: false });
    });

    it('answers each receipt with its user, costs and lines', () => {
      const answer = t.ok('purchasing.listReceipts', { pageSize: 200, orderId: orders[0]! });
      expect(answer.rows.length).toBeGreaterThan(0);
      for (const row of answer.rows) {
        const r = receipts.find((x) => x.id === row.id)!;
        const own = receiptLines.filter((l) => l.receiptId === r.id);
        const { lines: listed, ...header } = row;
        expect(header).toEqual({
          id: r.id,
          number: r.number,
          status: r.status,
          createdAt: r.createdAt,
          userName: userNames.get(r.userId),
          freight: r.freight,
          splitFreight: r.splitFreight === 1,
          note: r.note,
          canceledAt: r.canceledAt,
          cancelReason: r.cancelReason,
          units: own.reduce((s, l) => s + l.qty, 0),
        });
        expect(listed.map((l) => [l.id, l.orderId, l.qty])).toEqual(own.map((l) => [l.id, l.poId, l.qty]));
      }
      const real = t.ok('purchasing.listReceipts', { orderId: receivedOrder }).rows;
      expect(real.map((r) => [r.note, r.units, r.freight, r.lines.map((l) => l.serials)])).toEqual([['first', 2, 10_000, [['R-1', 'R-2']]]]);
      const viewer = t.tokenFor(t.addUser({ username: 'viewer', permissions: ['inventory.view'] }).id);
      const blind = t.ok('purchasing.listReceipts', { orderId: receivedOrder }, viewer).rows;
      expect(blind.map((r) => [r.id, r.freight, r.lines.map((l) => [l.unitCost, l.landedUnitCost])])).toEqual([[real[0]!.id, null, [[null, null]]]]);
    });
  });

  it('caps the lines still to receive at COUNT_CAP and says so; the first page stays the first', () => {
    const sqlite = t.app.ctx.sqlite;
    const before = t.ok('purchasing.listOpenLines', { pageSize: 20, sortBy: 'sku', sortDirection: 'desc' });
    expect(before.totalCapped).toBe(false);
    const insertLine = sqlite.prepare(
      `INSERT INTO purchase_order_lines (po_id, line_no, product_id, description, qty_ordered, unit_cost, location_id, receivable) VALUES (?, ?, ?, 'x', 1, 1, ?, ?)`,
    );
    const tail = sqlite.prepare<[number], { id: number }>(`SELECT product_id AS id FROM purchase_order_lines WHERE po_id = ? ORDER BY line_no LIMIT 1`).get(orders[40]!)!.id;
    sqlite.transaction(() => {
      for (let i = 0; i < COUNT_CAP - before.total; i++) insertLine.run(orders[40]!, 10_000 + i, tail, w.main.id, 1);
    })();
    expect(t.ok('purchasing.listOpenLines', { pageSize: 20 })).toMatchObject({ total: COUNT_CAP, totalCapped: false });
    insertLine.run(orders[40]!, 99_999, tail, w.main.id, 0);
    expect(t.ok('purchasing.listOpenLines', { pageSize: 20 })).toMatchObject({ total: COUNT_CAP, totalCapped: false });
    insertLine.run(orders[40]!, 100_000, tail, w.main.id, 1);
    const after = t.ok('purchasing.listOpenLines', { pageSize: 20, sortBy: 'sku', sortDirection: 'desc' });
    expect(after).toMatchObject({ total: COUNT_CAP, totalCapped: true });
    // The page is still the first of every receivable line sorted, now ten thousand more.
    const receivable = sqlite
      .prepare<[], { id: number; sku: string; orderId: number; lineNo: number }>(
        `SELECT l.id, p.sku, l.po_id AS orderId, l.line_no AS lineNo FROM purchase_order_lines l, products p WHERE p.id = l.product_id AND l.receivable = 1`,
      )
      .all();
    const expected = sorted(receivable, [
      [(r) => r.sku, 'desc'],
      [(r) => r.orderId, 'desc'],
      [(r) => r.lineNo, 'asc'],
    ]);
    expect(after.rows.map((r) => r.lineId)).toEqual(expected.slice(0, 20).map((r) => r.id));
  });
});
