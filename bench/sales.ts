// Sales budgets: shipping 1,000 charge lines holding 10,000 picked serials in one action (≤ 3× raw, < 0.5 s),
// the first page of Delivery & Shipping at 20,000 open lines and the devices search by serial at 200,000
// devices (< 50 ms each). Beside them, as for every list: Delivery & Shipping and Devices in every sort and
// filter (the slowest variant; the log names each), serial prefixes, and opening the 1,000-line shipment.
//
// The history the lists read is written straight into the measured copy (untimed), with prepared
// statements, as the services would have written it, so stock.verifyLedger passes on the result:
// - 200,000 devices: serialized units added at the main warehouse by adjustments (lots, moves from
//   Adjustment, balances) and delivered to client companies by deliveries of two charge lines of ten units
//   each (delivery lines, moves to Customer at each unit's cost, charges Delivered with their delivered
//   cost), the stock levels and month totals added from the rows written, a device and its history row per unit.
// - 20,000 open Delivery & Shipping lines: 19,000 charges (Ready or Need to Order) holding picked units of
//   lots in stock at the warehouses and vans (never more than a balance holds; the inventory products'
//   picked figure follows through the allocation triggers) and 1,000 Ready charges of licences (products
//   not tracked in stock). 1,000 charges on hold with picks sit beside them, left out of the list.
// The shipment's serials are added through stock.add before each run, for the app's set and the baseline's
// twin set; their charges and picks are written as sales.createCharge and stock.pick write them. Each
// timed call is the real channel.
import type { App } from '../src/main/app';
import { serialKey } from '../src/shared/serials';
import { must, rng, type BenchDb } from './build-db';
import { cacheWriters, pickedWriter, log, measure, median, record, timed } from './measure';

type Budget = { maxMs: number; maxRatio?: number; text: string };

export const salesBudgets: Record<string, Budget> = {
  shipment10kSerials: { maxMs: 500, maxRatio: 3, text: '≤ 3× raw, < 500 ms' },
  return1000Devices: { maxMs: 200, maxRatio: 3, text: '≤ 3× raw, < 200 ms' },
  firstPageDeliveryShipping: { maxMs: 50, text: '< 50 ms' },
  listDeliveryShipping: { maxMs: 50, text: '< 50 ms (slowest variant)' },
  devicesBySerial: { maxMs: 50, text: '< 50 ms' },
  devicesBySerialPrefix: { maxMs: 50, text: '< 50 ms (slowest variant)' },
  listDevices: { maxMs: 50, text: '< 50 ms (slowest variant)' },
  firstPageRmas: { maxMs: 50, text: '< 50 ms' },
  listRmas: { maxMs: 50, text: '< 50 ms (slowest variant)' },
};

/** RMAs written for the RMA list, one per device of the first devices, over the last two years. */
const RMAS = 50_000;

const DAY = 86_400_000;
const VIRTUAL = { vendor: 1, customer: 2, adjustment: 3 };
/** The shipment: 1,000 charge lines of 10 serials, over 10 serialized products and 10 projects of one client. */
const SHIP_CHARGES = 1_000;
const SHIP_UNITS = 10;
const SHIP_PRODUCTS = 10;
/** The devices' deliveries: two charge lines of ten units each. */
const DEVICE_LINES = 2;
const DEVICE_LINE_UNITS = 10;
const UNTRACKED_LINES = 1_000;
const HELD_CHARGES = 1_000;

export interface SalesSize {
  devices: number;
  openLines: number;
  clients: number;
}


export function measureSales(app: App, token: string, bench: BenchDb, size: SalesSize): void {
  const sqlite = app.ctx.sqlite;
  const started = performance.now();
  const world = createWorld(app, token, size);
  seedDevices(app, bench, world, size.devices);
  seedOpenLines(app, bench, world, size.openLines);
  log(`  sales data written in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  // 1. Delivery & Shipping, first page in the default sort (charge number), then every sort, the search
  // box, the serial search and the location filter (the slowest of them is the second row).
  const open = (sqlite.prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM allocations a JOIN charges ch ON ch.id = a.source_id
      WHERE a.source_type = 'charge' AND a.kind = 'picked' AND ch.status IN ('needToOrder', 'onOrder', 'ready') GROUP BY a.source_id, a.location_id)`).get() as { n: number }).n;
  const untracked = (sqlite.prepare(`SELECT count(*) AS n FROM charges ch JOIN products p ON p.id = ch.product_id WHERE ch.status = 'ready' AND p.tracked_in_stock = 0 AND ch.delivered < ch.quantity`).get() as { n: number }).n;
  log(`  ${(open + untracked).toLocaleString('en')} open Delivery & Shipping lines (${untracked.toLocaleString('en')} of products not tracked in stock)`);
  const openPageBaseline = sqlite.prepare(
    `SELECT ch.id, a.location_id, sum(a.qty) FROM charges ch JOIN allocations a ON a.source_type = 'charge' AND a.source_id = ch.id AND a.kind = 'picked'
     WHERE ch.picked > 0 AND ch.status IN ('needToOrder', 'onOrder', 'ready') GROUP BY ch.id, a.location_id ORDER BY ch.id LIMIT 50`,
  );
  measure(
    'firstPageDeliveryShipping',
    5,
    () => must(app.call('delivery.listOpen', {}, token), 'delivery.listOpen'),
    () => openPageBaseline.all(),
  );
  const sampleLine = sqlite
    .prepare(
      `SELECT a.location_id AS locationId, l.serial_number AS serial, ch.company_id AS companyId FROM allocations a JOIN lots l ON l.id = a.lot_id JOIN charges ch ON ch.id = a.source_id
       WHERE a.source_type = 'charge' AND l.serial_number IS NOT NULL AND ch.status = 'ready' ORDER BY a.id DESC LIMIT 1`,
    )
    .get() as { locationId: number; serial: string; companyId: number };
  const variants: { label: string; input: Record<string, unknown> }[] = [];
  for (const sortBy of ['chargeNumber', 'companyName', 'productName', 'locationName']) {
    for (const sortDirection of ['asc', 'desc']) variants.push({ label: `${sortBy} ${sortDirection}`, input: { sortBy, sortDirection } });
  }
  variants.push(
    { label: 'searched "thinkpad"', input: { q: 'thinkpad' } },
    { label: 'searched "client 01"', input: { q: 'client 01' } },
    { label: 'a serial', input: { serial: sampleLine.serial } },
    { label: 'a van', input: { locationId: bench.locations.vans[0] } },
    { label: 'a company, by product', input: { companyId: sampleLine.companyId, sortBy: 'productName' } },
  );
  measureVariants(app, token, 'listDeliveryShipping', 'delivery.listOpen', variants, () => openPageBaseline.all());

  // 2. Devices: a serial as scanned or typed whole, then prefixes of it, and the list's first page.
  const device = sqlite.prepare(`SELECT serial_number AS serial FROM devices WHERE status = 'installed' ORDER BY id LIMIT 1 OFFSET ?`).get(Math.floor(size.devices / 3)) as { serial: string };
  const devicePage = sqlite.prepare(`SELECT * FROM devices WHERE serial_key >= ? AND serial_key < ? ORDER BY installed_at DESC LIMIT 50`);
  const range = (s: string) => [serialKey(s), `${serialKey(s)}\uffff`] as const;
  measure(
    'devicesBySerial',
    5,
    () => {
      const page = must(app.call('devices.list', { serial: device.serial }, token), 'devices.list serial');
      if (page.rows.length !== 1) throw new Error(`devices.list found ${page.rows.length} devices for ${device.serial}`);
    },
    () => devicePage.all(...range(device.serial)),
  );
  const prefixes = [device.serial.slice(0, -7), device.serial.slice(0, -3), device.serial.slice(0, -1)];
  for (const p of prefixes) log(`  serial prefix "${p}": ${(sqlite.prepare(`SELECT count(*) AS n FROM devices WHERE serial_key >= ? AND serial_key < ?`).get(...range(p)) as { n: number }).n.toLocaleString('en')} devices`);
  measureVariants(
    app,
    token,
    'devicesBySerialPrefix',
    'devices.list',
    prefixes.flatMap((p) => [
      { label: `"${p}"`, input: { serial: p } },
      { label: `"${p}" by serial`, input: { serial: p, sortBy: 'serialNumber' } },
    ]),
    () => devicePage.all(...range(prefixes[0]!)),
  );
  const devicesPageBaseline = sqlite.prepare(`SELECT * FROM devices WHERE status <> 'voided' ORDER BY installed_at DESC LIMIT 50`);
  const some = sqlite.prepare(`SELECT company_id AS companyId, product_id AS productId FROM devices ORDER BY id LIMIT 1 OFFSET ?`).get(Math.floor(size.devices / 2)) as { companyId: number; productId: number };
  const deviceVariants: { label: string; input: Record<string, unknown> }[] = [{ label: 'default (newest first)', input: {} }];
  for (const sortBy of ['installedAt', 'serialNumber', 'companyName']) {
    for (const sortDirection of ['asc', 'desc']) deviceVariants.push({ label: `${sortBy} ${sortDirection}`, input: { sortBy, sortDirection } });
  }
  deviceVariants.push(
    { label: 'a company', input: { companyId: some.companyId } },
    { label: 'a product', input: { productId: some.productId } },
    { label: 'a company, by serial', input: { companyId: some.companyId, sortBy: 'serialNumber' } },
    { label: 'with voided', input: { includeVoided: true } },
  );
  measureVariants(app, token, 'listDevices', 'devices.list', deviceVariants, () => devicesPageBaseline.all());

  // 3. The RMA list at 50,000 RMAs: first page, then its filters.
  seedRmas(app, world, Math.min(RMAS, size.devices));
  const rmaPageBaseline = sqlite.prepare(
    `SELECT r.*, co.name, d.serial_number, p.sku FROM rmas r JOIN companies co ON co.id = r.company_id JOIN devices d ON d.id = r.device_id JOIN products p ON p.id = r.product_id ORDER BY r.created_at DESC, r.id DESC LIMIT 50`,
  );
  measure(
    'firstPageRmas',
    5,
    () => {
      const page = must(app.call('rma.list', {}, token), 'rma.list');
      if (page.rows.length !== 50) throw new Error(`rma.list answered ${page.rows.length} rows`);
    },
    () => rmaPageBaseline.all(),
  );
  const someRma = sqlite.prepare(`SELECT r.company_id AS companyId, d.serial_number AS serial FROM rmas r JOIN devices d ON d.id = r.device_id ORDER BY r.id LIMIT 1 OFFSET ?`).get(Math.floor(RMAS / 2)) as { companyId: number; serial: string };
  measureVariants(
    app,
    token,
    'listRmas',
    'rma.list',
    [
      { label: 'by number', input: { sortBy: 'number', sortDirection: 'desc' } },
      { label: 'open (requested, authorized)', input: { statuses: ['requested', 'authorized'] } },
      { label: 'sent to vendor', input: { statuses: ['sentToVendor'] } },
      { label: 'overdue only', input: { overdueOnly: true } },
      { label: 'replacements', input: { type: 'replace' } },
      { label: 'a client', input: { companyId: someRma.companyId } },
      { label: `searched "${someRma.serial}"`, input: { q: someRma.serial } },
    ],
    () => rmaPageBaseline.all(),
  );

  // 4. One shipment of 1,000 charge lines holding 10,000 picked serials.
  measureShipment(app, token, bench, world);
}

/**
 * `count` RMAs, one for each of the first devices, written straight into the measured copy as rma.create and
 * its steps would leave them (the row and its history): every status and type, a third of those waiting
 * for the client or the vendor past their expected day. The units do not move: the list reads no moves.
 */
function seedRmas(app: App, world: World, count: number): void {
  const sqlite = app.ctx.sqlite;
  const started = performance.now();
  const statuses = ['requested', 'authorized', 'rejected', 'received', 'sentToVendor', 'backFromVendor', 'replacementReceived', 'delivered', 'closed', 'canceled'] as const;
  const types = ['return', 'repair', 'replace'] as const;
  const devices = sqlite
    .prepare(`SELECT d.id, d.company_id AS companyId, d.product_id AS productId, d.lot_id AS lotId, d.charge_id AS chargeId, d.container_id AS containerId, d.installed_at AS at FROM devices d ORDER BY d.id LIMIT ?`)
    .all(count) as { id: number; companyId: number; productId: number; lotId: number; chargeId: number | null; containerId: number | null; at: number }[];
  const vendor = sqlite.prepare(`SELECT id FROM companies WHERE is_vendor = 1 ORDER BY id LIMIT 1`).get() as { id: number };
  const insert = sqlite.prepare(
    `INSERT INTO rmas (number, type, status, company_id, device_id, product_id, lot_id, charge_id, container_id, fault, vendor_id, vendor_rma_number, expected_from_client, expected_from_vendor, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'Does not boot', ?, ?, ?, ?, ?, ?, ?)`,
  );
  const event = sqlite.prepare(`INSERT INTO rma_events (rma_id, occurred_at, user_id, type, from_state, to_state, details) VALUES (?, ?, ?, 'created', NULL, 'requested', '{}')`);
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  sqlite.transaction(() => {
    devices.forEach((d, i) => {
      const at = d.at + 86_400_000 * (1 + (i % 30));
      const status = statuses[i % statuses.length]!;
      const id = Number(
        insert.run(`RMA-${100_001 + i}`, types[i % types.length], status, d.companyId, d.id, d.productId, d.lotId, d.chargeId, d.containerId, vendor.id, `V-${i}`, i % 3 === 0 ? day(at) : null, i % 3 === 1 ? day(at + 14 * 86_400_000) : null, world.userId, at, at)
          .lastInsertRowid,
      );
      event.run(id, at, world.userId);
    });
    sqlite.prepare(`INSERT INTO counters (name, next) VALUES ('RMA', ?) ON CONFLICT(name) DO UPDATE SET next = excluded.next`).run(100_000 + devices.length);
  })();
  log(`  ${devices.length.toLocaleString('en')} RMAs written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** Times every variant of a list (median of 3 each) and records the slowest, naming each in the log. */
function measureVariants(app: App, token: string, name: string, channel: 'delivery.listOpen' | 'devices.list' | 'rma.list', variants: { label: string; input: Record<string, unknown> }[], baseline: () => void): void {
  let worst = { label: '', ms: -1 };
  const baselineMs = median([0, 1, 2].map(() => timed(baseline)));
  try {
    for (const v of variants) {
      const ms = median([0, 1, 2].map(() => timed(() => must(app.call(channel, v.input as never, token), `${channel} ${v.label}`))));
      log(`    ${name} ${v.label}: ${ms.toFixed(1)} ms`);
      if (ms > worst.ms) worst = { label: v.label, ms };
    }
    log(`  ${name}: slowest ${worst.label}`);
    record(name, worst.ms, baselineMs);
  } catch (error) {
    record(name, Number.NaN, baselineMs, error instanceof Error ? error.message : String(error));
  }
}

interface Container {
  id: number;
  companyId: number;
  kind: 'contract' | 'project' | 'ticket';
  contractId: number | null;
}

interface World {
  userId: number;
  clients: number[];
  containers: Container[];
  licences: { id: number; price: number; cost: number }[];
  random: () => number;
}

/** Takes n numbers of a series at once (as n calls of nextNumber would): the first one. */
export function takeNumbers(app: App, series: string, n: number): number {
  const { next } = app.ctx.sqlite
    .prepare(`INSERT INTO counters (name, next) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET next = next + ? RETURNING next`)
    .get(series, 1000 + n, n) as { next: number };
  return next - n + 1;
}

/** Client companies and licences through the API; ten containers per client (a contract, two projects, seven tickets). */
function createWorld(app: App, token: string, size: SalesSize): World {
  const sqlite = app.ctx.sqlite;
  const random = rng(0x5a1e5);
  const userId = must(app.call('auth.status', {}, token), 'auth.status').user!.id;
  const techs = (sqlite.prepare(`SELECT id FROM users WHERE id <> ? ORDER BY id`).all(userId) as { id: number }[]).map((u) => u.id);
  const cities = ['Madrid', 'Barcelona', 'Valencia', 'Sevilla', 'Bilbao', 'Zaragoza'];
  const clients = Array.from({ length: size.clients }, (_, i) =>
    must(
      app.call('catalog.createCompany', { name: `Client ${String(i + 1).padStart(3, '0')} ${['Dental', 'Legal', 'Logistics', 'Architects', 'Clinic'][i % 5]}`, isClient: true, isVendor: false, address1: `Calle ${i + 1}`, city: cities[i % cities.length], postalCode: String(28000 + i), country: 'Spain' }, token),
      'catalog.createCompany',
    ).id,
  );
  const licences = ['Business Basic', 'Business Standard', 'Business Premium', 'E3', 'Defender'].map((name, i) => {
    const cost = (60 + 40 * i) * 10_000;
    const p = must(
      app.call('catalog.createProduct', { sku: `BENCH-M365-${i + 1}`, name: `Microsoft 365 ${name} (bench)`, unitCost: cost, unitPrice: Math.round(cost * 1.25), msrp: Math.round(cost * 1.3), serialized: false, trackedInStock: false, doesNotRequireProcurement: true }, token),
      'catalog.createProduct',
    );
    return { id: p.id, price: Math.round(cost * 1.25), cost };
  });

  const kinds: Container['kind'][] = ['contract', 'project', 'project', 'ticket', 'ticket', 'ticket', 'ticket', 'ticket', 'ticket', 'ticket'];
  const first = { contract: takeNumbers(app, 'CTR', clients.length), project: takeNumbers(app, 'PRJ', clients.length * 2), ticket: takeNumbers(app, 'TKT', clients.length * 7) };
  const used = { contract: 0, project: 0, ticket: 0 };
  const insert = sqlite.prepare(
    `INSERT INTO containers (kind, number, title, company_id, status, owner_user_id, contract_id, description, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)`,
  );
  const event = sqlite.prepare(`INSERT INTO container_events (container_id, occurred_at, user_id, type, from_state, to_state, details) VALUES (?, ?, ?, 'created', NULL, 'open', '{}')`);
  const containers: Container[] = [];
  const titles = { contract: 'Managed services', project: 'Office refresh', ticket: 'New starter kit' };
  const t0 = Date.now() - 760 * DAY;
  sqlite.transaction(() => {
    clients.forEach((companyId, c) => {
      let contractId: number | null = null;
      for (const kind of kinds) {
        const prefix = { contract: 'CTR', project: 'PRJ', ticket: 'TKT' }[kind];
        const number = `${prefix}-${first[kind] + used[kind]++}`;
        const at = t0 + Math.floor(random() * 30 * DAY);
        const link: number | null = kind === 'contract' ? null : kind === 'project' || random() < 0.5 ? contractId : null;
        const owner = kind === 'ticket' && techs.length ? techs[c % techs.length]! : null;
        const id: number = Number(insert.run(kind, number, `${titles[kind]} ${number}`, companyId, 'open', owner, link, userId, at, at).lastInsertRowid);
        event.run(id, at, userId);
        if (kind === 'contract') contractId = id;
        containers.push({ id, companyId, kind, contractId: kind === 'contract' ? null : link });
      }
    });
  })();
  log(`  ${clients.length} client companies, ${containers.length.toLocaleString('en')} containers`);
  return { userId, clients, containers, licences, random };
}

/**
 * size devices: serialized units added at the main warehouse and delivered to clients, two charge lines of
 * ten units per delivery, over the last two years. Every row the services write for them is written.
 */
function seedDevices(app: App, bench: BenchDb, world: World, devices: number): void {
  const sqlite = app.ctx.sqlite;
  const { random, userId } = world;
  const mainId = bench.locations.main;
  const started = performance.now();
  // Serialized products and the serial prefix their vendor uses (from a serial already in stock).
  const products = sqlite
    .prepare(
      `SELECT p.id, p.name, p.unit_cost AS cost, p.unit_price AS price, (SELECT serial_number FROM lots WHERE product_id = p.id AND serial_number IS NOT NULL LIMIT 1) AS serial
       FROM products p WHERE p.serialized = 1 AND p.tracked_in_stock = 1 AND p.active = 1 ORDER BY p.id`,
    )
    .all() as { id: number; name: string; cost: number; price: number; serial: string | null }[];
  const deliveries = Math.ceil(devices / (DEVICE_LINES * DEVICE_LINE_UNITS));
  const lines = deliveries * DEVICE_LINES;
  const firstAdj = takeNumbers(app, 'ADJ', lines);
  const firstChg = takeNumbers(app, 'CHG', lines);
  const firstDlv = takeNumbers(app, 'DLV', deliveries);
  const now = Date.now();
  const t0 = now - 730 * DAY;
  const times = Array.from({ length: deliveries }, () => t0 + Math.floor(random() * (now - DAY - t0))).sort((a, b) => a - b);

  const s = {
    adjustment: sqlite.prepare(
      `INSERT INTO adjustments (number, direction, location_id, product_id, counterpart, cost_method, reason, status, user_id, created_at) VALUES (?, 'add', ?, ?, 'adjustment', 'manual', 'Delivery from Distributor', 'posted', ?, ?)`,
    ),
    lot: sqlite.prepare(`INSERT INTO lots (product_id, serial_number, serial_key, unit_cost, received_at, source_type, source_id) VALUES (?, ?, ?, ?, ?, 'adjustment', ?)`),
    move: sqlite.prepare(
      `INSERT INTO stock_moves (lot_id, product_id, qty, from_location_id, to_location_id, unit_cost, source_type, source_id, source_line, company_id, reason, user_id, occurred_at) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    balance: sqlite.prepare(`INSERT INTO balances (lot_id, location_id, product_id, qty, received_at) VALUES (?, ?, ?, ?, ?)`),
    charge: sqlite.prepare(
      `INSERT INTO charges (number, container_id, company_id, kind, product_id, description, quantity, unit_price, billable, status, picked, delivered, delivered_cost, created_by, created_at, updated_at)
       VALUES (?, ?, ?, 'product', ?, ?, ?, ?, 1, 'delivered', 0, ?, ?, ?, ?, ?)`,
    ),
    chargeEvent: sqlite.prepare(`INSERT INTO charge_events (charge_id, occurred_at, user_id, type, from_state, to_state, details) VALUES (?, ?, ?, ?, ?, ?, ?)`),
    delivery: sqlite.prepare(
      `INSERT INTO deliveries (number, company_id, method, status, carrier, tracking_number, ship_date, ship_to_name, ship_to_address, user_id, created_at) VALUES (?, ?, ?, 'delivered', ?, ?, ?, ?, ?, ?, ?)`,
    ),
    deliveryEvent: sqlite.prepare(`INSERT INTO delivery_events (delivery_id, occurred_at, user_id, type, from_state, to_state, details) VALUES (?, ?, ?, ?, NULL, 'delivered', ?)`),
    line: sqlite.prepare(`INSERT INTO delivery_lines (delivery_id, line_no, charge_id, product_id, location_id, qty, cost) VALUES (?, ?, ?, ?, ?, ?, ?)`),
    device: sqlite.prepare(
      `INSERT INTO devices (product_id, lot_id, serial_number, serial_key, company_id, container_id, contract_id, charge_id, delivery_id, delivery_line_id, status, installed_at, warranty_end, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'installed', ?, ?, ?)`,
    ),
    deviceEvent: sqlite.prepare(`INSERT INTO device_events (device_id, occurred_at, user_id, type, from_state, to_state, details) VALUES (?, ?, ?, 'installed', NULL, 'installed', ?)`),
  };
  const firstLot = (sqlite.prepare(`SELECT coalesce(max(id), 0) + 1 AS id FROM lots`).get() as { id: number }).id;
  const firstMove = (sqlite.prepare(`SELECT coalesce(max(id), 0) + 1 AS id FROM stock_moves`).get() as { id: number }).id;
  let unit = 0;
  let line = 0;
  const chunk = 2_000;
  for (let start = 0; start < deliveries; start += chunk) {
    sqlite.transaction(() => {
      for (let d = start; d < Math.min(deliveries, start + chunk); d++) {
        const at = times[d]!;
        const container = world.containers[Math.floor(random() * world.containers.length)]!;
        const companyId = container.companyId;
        const ship = random() < 0.4;
        const number = `DLV-${firstDlv + d}`;
        const deliveryId = Number(
          s.delivery.run(number, companyId, ship ? 'ship' : 'deliver', ship ? 'SEUR' : null, ship ? `SE${String(7e9 + d)}` : null, ship ? new Date(at).toISOString().slice(0, 10) : null, `Client ${companyId}`, null, userId, at).lastInsertRowid,
        );
        s.deliveryEvent.run(deliveryId, at, userId, ship ? 'shipped' : 'delivered', JSON.stringify({ lines: DEVICE_LINES, units: DEVICE_LINES * DEVICE_LINE_UNITS }));
        for (let lineNo = 1; lineNo <= DEVICE_LINES; lineNo++) {
          const product = products[Math.floor(random() * products.length)]!;
          const prefix = product.serial ? product.serial.slice(0, -7) : 'SN';
          const receivedAt = at - DAY * (1 + Math.floor(random() * 30));
          const adjustmentId = Number(s.adjustment.run(`ADJ-${firstAdj + line}`, mainId, product.id, userId, receivedAt).lastInsertRowid);
          const chargeId = Number(
            s.charge.run(`CHG-${firstChg + line}`, container.id, companyId, product.id, product.name, DEVICE_LINE_UNITS, product.price, DEVICE_LINE_UNITS, product.cost * DEVICE_LINE_UNITS, userId, receivedAt, at)
              .lastInsertRowid,
          );
          s.chargeEvent.run(chargeId, receivedAt, userId, 'created', null, 'needToOrder', JSON.stringify({ quantity: DEVICE_LINE_UNITS }));
          s.chargeEvent.run(chargeId, at, userId, ship ? 'shipped' : 'delivered', 'ready', 'delivered', JSON.stringify({ deliveryId, deliveryNumber: number, qty: DEVICE_LINE_UNITS }));
          const lineId = Number(s.line.run(deliveryId, lineNo, chargeId, product.id, mainId, DEVICE_LINE_UNITS, product.cost * DEVICE_LINE_UNITS).lastInsertRowid);
          const contractId = container.kind === 'contract' ? container.id : container.contractId;
          const warrantyEnd = random() < 0.7 ? at + 3 * 365 * DAY : null;
          for (let u = 0; u < DEVICE_LINE_UNITS; u++, unit++) {
            const serial = `${prefix}Z${unit.toString(36).toUpperCase().padStart(6, '0')}`;
            const key = serialKey(serial);
            const lotId = Number(s.lot.run(product.id, serial, key, product.cost, receivedAt, adjustmentId).lastInsertRowid);
            s.move.run(lotId, product.id, VIRTUAL.adjustment, mainId, product.cost, 'adjustment', adjustmentId, u + 1, null, 'Delivery from Distributor', userId, receivedAt);
            s.move.run(lotId, product.id, mainId, VIRTUAL.customer, product.cost, 'delivery', deliveryId, lineNo, companyId, null, userId, at);
            const deviceId = Number(s.device.run(product.id, lotId, serial, key, companyId, container.id, contractId, chargeId, deliveryId, lineId, at, warrantyEnd, at).lastInsertRowid);
            s.deviceEvent.run(deviceId, at, userId, JSON.stringify({ deliveryId, deliveryNumber: number }));
          }
          line++;
        }
      }
    })();
  }
  // The caches of what was written: stock levels from the new balances, month totals from the new moves.
  sqlite.transaction(() => {
    sqlite
      .prepare(
        `INSERT INTO stock_levels (product_id, location_id, qty, value)
         SELECT b.product_id, b.location_id, sum(b.qty), sum(b.qty * l.unit_cost) FROM balances b JOIN lots l ON l.id = b.lot_id WHERE b.lot_id >= ? GROUP BY 1, 2
         ON CONFLICT (product_id, location_id) DO UPDATE SET qty = qty + excluded.qty, value = value + excluded.value`,
      )
      .run(firstLot);
    sqlite
      .prepare(
        `INSERT INTO stock_value_months (month, location_id, qty, value)
         SELECT month, loc, sum(q), sum(v) FROM (
           SELECT strftime('%Y-%m', occurred_at / 1000, 'unixepoch') AS month, to_location_id AS loc, qty AS q, qty * unit_cost AS v FROM stock_moves WHERE id >= ?
           UNION ALL SELECT strftime('%Y-%m', occurred_at / 1000, 'unixepoch'), from_location_id, -qty, -qty * unit_cost FROM stock_moves WHERE id >= ?)
         WHERE true GROUP BY 1, 2
         ON CONFLICT (month, location_id) DO UPDATE SET qty = qty + excluded.qty, value = value + excluded.value`,
      )
      .run(firstMove, firstMove);
  })();
  log(`  ${unit.toLocaleString('en')} devices from ${deliveries.toLocaleString('en')} deliveries (${lines.toLocaleString('en')} delivered charges) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * The Delivery & Shipping lines: charges holding picked units of lots in stock at the warehouses and vans
 * (one (product, location) per charge, up to three lots of it, never more than a balance holds), Ready when
 * every unit is picked and Need to Order otherwise; Ready charges of licences; and charges on hold with picks.
 */
function seedOpenLines(app: App, bench: BenchDb, world: World, openLines: number): void {
  const sqlite = app.ctx.sqlite;
  const { random, userId } = world;
  const started = performance.now();
  const picked = openLines - UNTRACKED_LINES * (openLines >= 10 * UNTRACKED_LINES ? 1 : 0.1);
  const held = picked >= 10 * HELD_CHARGES ? HELD_CHARGES : HELD_CHARGES / 10;
  const locations = [bench.locations.main, bench.locations.north, bench.locations.returns, ...bench.locations.vans];
  // Units in stock by (product, location), up to three lots each, in the order of the location's index;
  // every k-th group is taken, spread over the catalogue.
  const balances = sqlite
    .prepare(`SELECT product_id AS productId, location_id AS locationId, lot_id AS lotId, qty FROM balances WHERE location_id IN (${locations.join(',')}) AND qty > 0`)
    .all() as { productId: number; locationId: number; lotId: number; qty: number }[];
  const byKey = new Map<string, typeof balances>();
  for (const b of balances) {
    const key = `${b.productId}:${b.locationId}`;
    const group = byKey.get(key);
    if (!group) byKey.set(key, [b]);
    else if (group.length < 3) group.push(b);
  }
  const groups = [...byKey.values()];
  const productOf = sqlite.prepare(`SELECT name, unit_price AS price FROM products WHERE id = ? AND tracked_in_stock = 1`);
  const wanted = picked + held;
  if (groups.length < wanted) throw new Error(`only ${groups.length} (product, location) groups in stock for ${wanted} picked charges`);
  const step = groups.length / wanted;
  const chosen = Array.from({ length: wanted }, (_, i) => groups[Math.floor(i * step)]!);
  // Shuffled, so charge numbers do not follow the products.
  for (let i = chosen.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [chosen[i], chosen[j]] = [chosen[j]!, chosen[i]!];
  }
  const untracked = openLines - picked;
  const total = wanted + untracked;
  const firstChg = takeNumbers(app, 'CHG', total);
  const insertCharge = sqlite.prepare(
    `INSERT INTO charges (number, container_id, company_id, kind, product_id, description, quantity, unit_price, billable, status, picked, delivered, delivered_cost, hold_note, created_by, created_at, updated_at)
     VALUES (?, ?, ?, 'product', ?, ?, ?, ?, 1, ?, ?, 0, 0, ?, ?, ?, ?)`,
  );
  const insertEvent = sqlite.prepare(`INSERT INTO charge_events (charge_id, occurred_at, user_id, type, from_state, to_state, details) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const insertAllocation = sqlite.prepare(`INSERT INTO allocations (lot_id, location_id, product_id, qty, kind, source_type, source_id, created_at) VALUES (?, ?, ?, ?, 'picked', 'charge', ?, ?)`);
  const insertPickEvent = sqlite.prepare(
    `INSERT INTO inventory_events (occurred_at, type, product_id, location_id, lot_id, serial_number, user_id, changes, qty, document_type, document_id) VALUES (?, 'stock.picked', ?, ?, ?, NULL, ?, '[]', ?, 'charge', ?)`,
  );
  const now = Date.now();
  let n = 0;
  let allocations = 0;
  const picks = pickedWriter(sqlite);
  sqlite.transaction(() => {
    chosen.forEach((group, i) => {
      const container = world.containers[Math.floor(random() * world.containers.length)]!;
      const at = now - Math.floor(random() * 60 * DAY);
      const units = group.map((b) => Math.min(b.qty, 1 + Math.floor(random() * 4)));
      const pickedQty = units.reduce((a, b) => a + b, 0);
      const onHold = i >= picked;
      const short = !onHold && random() < 0.3;
      const quantity = pickedQty + (short ? 1 + Math.floor(random() * 5) : 0);
      const status = onHold ? 'pending' : short ? 'needToOrder' : 'ready';
      const product = productOf.get(group[0]!.productId) as { name: string; price: number };
      const id = Number(
        insertCharge.run(`CHG-${firstChg + n++}`, container.id, container.companyId, group[0]!.productId, product.name, quantity, product.price, status, pickedQty, onHold ? 'client asked to wait' : null, userId, at, at).lastInsertRowid,
      );
      insertEvent.run(id, at, userId, 'created', null, 'needToOrder', JSON.stringify({ quantity }));
      insertEvent.run(id, at, userId, 'picked', 'needToOrder', onHold ? 'needToOrder' : status, JSON.stringify({ locationId: group[0]!.locationId, qty: pickedQty }));
      group.forEach((b, k) => {
        insertAllocation.run(b.lotId, b.locationId, b.productId, units[k], id, at);
        picks.add(b.productId, b.locationId, units[k]!);
        insertPickEvent.run(at, b.productId, b.locationId, b.lotId, userId, units[k], id);
        allocations++;
      });
      if (onHold) insertEvent.run(id, at, userId, 'hold', 'ready', 'pending', JSON.stringify({ note: 'client asked to wait' }));
    });
    for (let i = 0; i < untracked; i++) {
      const container = world.containers[Math.floor(random() * world.containers.length)]!;
      const licence = world.licences[i % world.licences.length]!;
      const at = now - Math.floor(random() * 60 * DAY);
      const quantity = 5 + Math.floor(random() * 45);
      const id = Number(insertCharge.run(`CHG-${firstChg + n++}`, container.id, container.companyId, licence.id, 'Microsoft 365 licence', quantity, licence.price, 'ready', 0, null, userId, at, at).lastInsertRowid);
      insertEvent.run(id, at, userId, 'created', null, 'ready', JSON.stringify({ quantity }));
    }
    picks.flush();
  })();
  log(`  ${picked.toLocaleString('en')} charges with picks (${allocations.toLocaleString('en')} allocations), ${untracked.toLocaleString('en')} of licences, ${held.toLocaleString('en')} on hold, in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * Shipping 1,000 charge lines holding 10,000 picked serials in one delivery.ship action. Before each run,
 * untimed, two identical sets are made through the API: 10 serialized products × 1,000 new serials added at
 * the main warehouse, 1,000 charges of 10 units on 10 projects of one client, each picked by serial. The
 * app ships one set; the baseline writes what the shipment writes for the other, with prepared statements
 * in one transaction: it reads each charge's picks, deletes the allocations (the inventory products' picked
 * lowered once per product), moves every unit to Customer
 * (the move, the emptied balance at the warehouse deleted; Customer keeps no balance), writes the delivery with
 * its history row, a line per charge, a device and its history row per unit, each charge's picked,
 * delivered, delivered cost and status with a history row, and the stock level and month caches.
 */
function measureShipment(app: App, token: string, bench: BenchDb, world: World): void {
  const sqlite = app.ctx.sqlite;
  const mainId = bench.locations.main;
  const client = must(
    app.call('catalog.createCompany', { name: 'Rollout Client (bench)', isClient: true, isVendor: false, address1: 'Paseo de la Castellana 1', city: 'Madrid', postalCode: '28046', country: 'Spain' }, token),
    'createCompany',
  ).id;
  const contract = must(app.call('sales.createContainer', { kind: 'contract', title: 'Managed workplace', companyId: client }, token), 'createContainer');
  const projects = Array.from({ length: 10 }, (_, i) => must(app.call('sales.createContainer', { kind: 'project', title: `Laptop rollout wave ${i + 1}`, companyId: client, contractId: contract.id }, token), 'createContainer').id);
  const products = (sqlite.prepare(`SELECT id FROM products WHERE serialized = 1 AND tracked_in_stock = 1 AND active = 1 ORDER BY id LIMIT ?`).all(SHIP_PRODUCTS) as { id: number }[]).map((p) => p.id);
  for (const id of products.slice(0, 5)) sqlite.prepare(`UPDATE products SET warranty_months = 36 WHERE id = ?`).run(id);

  const productRows = new Map(
    products.map((id) => [id, sqlite.prepare(`SELECT name, unit_price AS price FROM products WHERE id = ?`).get(id) as { name: string; price: number }]),
  );
  const mainName = (sqlite.prepare(`SELECT name FROM locations WHERE id = ?`).get(mainId) as { name: string }).name;
  const lotsOf = sqlite.prepare(`SELECT id, serial_number AS serial FROM lots WHERE source_type = 'adjustment' AND source_id = ? ORDER BY id`);
  const pick = {
    charge: sqlite.prepare(
      `INSERT INTO charges (number, container_id, company_id, kind, product_id, description, quantity, unit_price, billable, status, picked, created_by, created_at, updated_at)
       VALUES (?, ?, ?, 'product', ?, ?, ?, ?, 1, 'ready', ?, ?, ?, ?)`,
    ),
    event: sqlite.prepare(`INSERT INTO charge_events (charge_id, occurred_at, user_id, type, from_state, to_state, details) VALUES (?, ?, ?, ?, ?, ?, ?)`),
    allocation: sqlite.prepare(`INSERT INTO allocations (lot_id, location_id, product_id, qty, kind, source_type, source_id, created_at) VALUES (?, ?, ?, 1, 'picked', 'charge', ?, ?)`),
    history: sqlite.prepare(
      `INSERT INTO inventory_events (occurred_at, type, product_id, location_id, lot_id, serial_number, user_id, changes, qty, document_type, document_id) VALUES (?, 'stock.picked', ?, ?, ?, ?, ?, '[]', 1, 'charge', ?)`,
    ),
  };
  const picks = pickedWriter(sqlite);
  let set = 0;
  /**
   * One set: 1,000 serials of each product added through stock.add, then 1,000 charges of 10 units picked
   * by serial — the rows sales.createCharge and stock.pick write (the charge, its history, an allocation
   * and an inventory history row per unit), written directly: through the API they took ~6 s per set.
   * Returns the charge ids, interleaved by product as a shipment's lines would be listed.
   */
  const makeSet = (): number[] => {
    set++;
    const perProduct = (SHIP_CHARGES / SHIP_PRODUCTS) * SHIP_UNITS;
    const added = products.map((productId, p) => {
      const serials = Array.from({ length: perProduct }, (_, i) => `SH${set}-${p}-${String(i).padStart(4, '0')}`);
      const doc = must(app.call('stock.add', { productId, locationId: mainId, qty: perProduct, costMethod: 'manual', unitCost: 9_000_000 + p * 10_000, serials, reason: 'bench' }, token), 'stock.add');
      return lotsOf.all(doc.id) as { id: number; serial: string }[];
    });
    const per = SHIP_CHARGES / SHIP_PRODUCTS;
    const first = takeNumbers(app, 'CHG', SHIP_CHARGES);
    const charges: number[] = [];
    sqlite.transaction(() => {
      const at = Date.now();
      products.forEach((productId, p) => {
        const product = productRows.get(productId)!;
        for (let c = 0; c < per; c++) {
          const units = added[p]!.slice(c * SHIP_UNITS, (c + 1) * SHIP_UNITS);
          const id = Number(
            pick.charge.run(`CHG-${first + charges.length}`, projects[c % projects.length], client, productId, product.name, SHIP_UNITS, product.price, SHIP_UNITS, world.userId, at, at).lastInsertRowid,
          );
          pick.event.run(id, at, world.userId, 'created', null, 'needToOrder', JSON.stringify({ quantity: SHIP_UNITS }));
          pick.event.run(id, at, world.userId, 'picked', 'needToOrder', 'ready', JSON.stringify({ locationId: mainId, locationName: mainName, qty: SHIP_UNITS, serials: units.map((u) => u.serial) }));
          for (const u of units) {
            pick.allocation.run(u.id, mainId, productId, id, at);
            pick.history.run(at, productId, mainId, u.id, u.serial, world.userId, id);
          }
          picks.add(productId, mainId, units.length);
          charges.push(id);
        }
      });
      picks.flush();
    })();
    return Array.from({ length: SHIP_CHARGES }, (_, i) => charges[(i % SHIP_PRODUCTS) * per + Math.floor(i / SHIP_PRODUCTS)]!);
  };

  const s = {
    picks: sqlite.prepare(
      `SELECT a.id, a.lot_id AS lotId, a.location_id AS locationId, a.product_id AS productId, a.qty, l.unit_cost AS unitCost, l.serial_number AS serial, l.received_at AS receivedAt,
              ch.container_id AS containerId, c.kind, c.contract_id AS contractId, p.warranty_months AS warrantyMonths
       FROM allocations a JOIN lots l ON l.id = a.lot_id JOIN charges ch ON ch.id = a.source_id JOIN containers c ON c.id = ch.container_id JOIN products p ON p.id = a.product_id
       WHERE a.source_type = 'charge' AND a.source_id = ? AND a.kind = 'picked' ORDER BY a.id`,
    ),
    number: sqlite.prepare(`INSERT INTO counters (name, next) VALUES ('DLV', 1001) ON CONFLICT(name) DO UPDATE SET next = next + 1 RETURNING next`),
    delivery: sqlite.prepare(
      `INSERT INTO deliveries (number, company_id, method, status, carrier, tracking_number, ship_date, ship_to_name, ship_to_address, user_id, created_at) VALUES (?, ?, 'ship', 'delivered', 'DHL', ?, ?, ?, ?, ?, ?)`,
    ),
    deliveryEvent: sqlite.prepare(`INSERT INTO delivery_events (delivery_id, occurred_at, user_id, type, from_state, to_state, details) VALUES (?, ?, ?, 'shipped', NULL, 'delivered', ?)`),
    line: sqlite.prepare(`INSERT INTO delivery_lines (delivery_id, line_no, charge_id, product_id, location_id, qty, cost) VALUES (?, ?, ?, ?, ?, ?, ?)`),
    deleteAllocation: sqlite.prepare(`DELETE FROM allocations WHERE id = ?`),
    move: sqlite.prepare(
      `INSERT INTO stock_moves (lot_id, product_id, qty, from_location_id, to_location_id, unit_cost, source_type, source_id, source_line, company_id, user_id, occurred_at) VALUES (?, ?, ?, ?, ?, ?, 'delivery', ?, ?, ?, ?, ?)`,
    ),
    deleteBalance: sqlite.prepare(`DELETE FROM balances WHERE lot_id = ? AND location_id = ?`),
    balance: sqlite.prepare(`INSERT INTO balances (lot_id, location_id, product_id, qty, received_at) VALUES (?, ?, ?, ?, ?)`),
    device: sqlite.prepare(
      `INSERT INTO devices (product_id, lot_id, serial_number, serial_key, company_id, container_id, contract_id, charge_id, delivery_id, delivery_line_id, status, installed_at, warranty_end, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'installed', ?, ?, ?)`,
    ),
    deviceEvent: sqlite.prepare(`INSERT INTO device_events (device_id, occurred_at, user_id, type, from_state, to_state, details) VALUES (?, ?, ?, 'installed', NULL, 'installed', ?)`),
    charge: sqlite.prepare(`UPDATE charges SET picked = picked - ?, delivered = delivered + ?, delivered_cost = delivered_cost + ?, status = 'delivered', updated_at = ? WHERE id = ?`),
    chargeEvent: sqlite.prepare(`INSERT INTO charge_events (charge_id, occurred_at, user_id, type, from_state, to_state, details) VALUES (?, ?, ?, 'shipped', 'ready', 'delivered', ?)`),
  };
  const caches = cacheWriters(sqlite);
  const userId = world.userId;

  let appCharges: number[] = [];
  let twinCharges: number[] = [];
  let prepareMs = 0;
  const shipDate = new Date().toISOString().slice(0, 10);
  measure(
    'shipment10kSerials',
    3,
    () => {
      const doc = must(
        app.call('delivery.deliver', { method: 'ship', lines: appCharges.map((chargeId) => ({ chargeId })), carrier: 'DHL', trackingNumber: 'JD014600006281234567', shipDate }, token),
        'delivery.deliver',
      );
      if (!doc.number.startsWith('DLV-')) throw new Error(`delivery.deliver answered ${JSON.stringify(doc)}`);
    },
    () =>
      sqlite.transaction(() => {
        const at = Date.now();
        const { next } = s.number.get() as { next: number };
        const number = `DLV-${next}`;
        const deliveryId = Number(s.delivery.run(number, client, 'JD014600006281234568', shipDate, 'Rollout Client (bench)', 'Paseo de la Castellana 1\n28046 Madrid\nSpain', userId, at).lastInsertRowid);
        s.deliveryEvent.run(deliveryId, at, userId, JSON.stringify({ lines: twinCharges.length, units: twinCharges.length * SHIP_UNITS }));
        const totals = new Map<number, { qty: number; value: number }>();
        const deviceDetails = JSON.stringify({ deliveryId, deliveryNumber: number });
        twinCharges.forEach((chargeId, index) => {
          const lineNo = index + 1;
          const units = s.picks.all(chargeId) as { id: number; lotId: number; locationId: number; productId: number; qty: number; unitCost: number; serial: string | null; receivedAt: number; containerId: number; kind: string; contractId: number | null; warrantyMonths: number }[];
          const first = units[0]!;
          const qty = units.reduce((n, u) => n + u.qty, 0);
          const cost = units.reduce((n, u) => n + u.qty * u.unitCost, 0);
          const lineId = Number(s.line.run(deliveryId, lineNo, chargeId, first.productId, first.locationId, qty, cost).lastInsertRowid);
          const contractId = first.kind === 'contract' ? first.containerId : first.contractId;
          const warrantyEnd = first.warrantyMonths > 0 ? new Date(at).setUTCMonth(new Date(at).getUTCMonth() + first.warrantyMonths) : null;
          for (const u of units) {
            s.deleteAllocation.run(u.id);
            s.move.run(u.lotId, u.productId, u.qty, u.locationId, VIRTUAL.customer, u.unitCost, deliveryId, lineNo, client, userId, at);
            s.deleteBalance.run(u.lotId, u.locationId);
            if (u.serial) {
              const deviceId = Number(s.device.run(u.productId, u.lotId, u.serial, serialKey(u.serial), client, u.containerId, contractId, chargeId, deliveryId, lineId, at, warrantyEnd, at).lastInsertRowid);
              s.deviceEvent.run(deviceId, at, userId, deviceDetails);
            }
          }
          picks.add(first.productId, first.locationId, -qty);
          s.charge.run(qty, qty, cost, at, chargeId);
          s.chargeEvent.run(chargeId, at, userId, JSON.stringify({ deliveryId, deliveryNumber: number, qty, serials: units.map((u) => u.serial) }));
          const t = totals.get(first.productId) ?? { qty: 0, value: 0 };
          totals.set(first.productId, { qty: t.qty + qty, value: t.value + cost });
        });
        for (const [productId, t] of totals) caches.move(productId, mainId, VIRTUAL.customer, t.qty, t.value, at);
        picks.flush();
      })(),
    {
      prepare: () => {
        prepareMs += timed(() => {
          appCharges = makeSet();
          twinCharges = makeSet();
        });
      },
    },
  );
  log(`  the shipments' serials (stock.add), charges and picks were made in ${(prepareMs / 1000).toFixed(1)} s (two sets per run, untimed)`);
  const shipped = sqlite.prepare(`SELECT count(*) AS n FROM devices WHERE charge_id IN (${appCharges.join(',')})`).get() as { n: number };
  if (shipped.n !== SHIP_CHARGES * SHIP_UNITS) record('shipment10kSerials', Number.NaN, Number.NaN, `the last shipment made ${shipped.n} devices`);

  // Opening the shipment (its 1,000 lines and 10,000 serials): no budget of its own, timed once. The
  // baseline reads the lines and every serial of the delivery in one pass over its moves.
  const last = sqlite.prepare(`SELECT d.id FROM deliveries d JOIN delivery_lines dl ON dl.delivery_id = d.id WHERE dl.charge_id = ?`).get(appCharges[0]) as { id: number };
  const linesOf = sqlite.prepare(`SELECT dl.*, p.sku, p.name FROM delivery_lines dl JOIN products p ON p.id = dl.product_id WHERE dl.delivery_id = ? ORDER BY dl.line_no`);
  const serialsOf = sqlite.prepare(
    `SELECT m.source_line, l.serial_number FROM stock_moves m JOIN lots l ON l.id = m.lot_id WHERE m.source_type = 'delivery' AND m.source_id = ? AND m.reverses_move_id IS NULL ORDER BY m.id`,
  );
  measure(
    'getShipment',
    1,
    () => {
      const d = must(app.call('delivery.get', { id: last.id }, token), 'delivery.get');
      if (d.lines.length !== SHIP_CHARGES) throw new Error(`delivery.get answered ${d.lines.length} lines`);
    },
    () => {
      linesOf.all(last.id);
      serialsOf.all(last.id);
    },
  );
  measureReturn(app, token, appCharges, twinCharges, client, userId);
}

/**
 * A client giving back 1,000 serialized devices in one returns.create action: the devices of the last
 * shipment (the app's set for the app, the baseline's twin set for the baseline), 1,000 more each run. The
 * baseline writes what the return writes, with prepared statements in one transaction: the return with its
 * history row, a line per delivery line (ten devices each), a move per unit from Customer to the returns
 * shelf (the balance at the shelf inserted; Customer keeps none), each device's status, return and
 * history row, each charge's returned units and cost with a history row, and the stock level and month caches.
 */
function measureReturn(app: App, token: string, appCharges: number[], twinCharges: number[], client: number, userId: number): void {
  const sqlite = app.ctx.sqlite;
  const RETURNED = 1_000;
  const shelf = must(app.call('locations.create', { name: 'Returns shelf (bench)', kind: 'returns' }, token), 'locations.create').id;
  const devicesOf = (charges: number[]) =>
    sqlite
      .prepare(
        `SELECT d.id, d.lot_id AS lotId, d.product_id AS productId, d.charge_id AS chargeId, d.delivery_line_id AS lineId, d.serial_number AS serial, l.unit_cost AS unitCost, l.received_at AS receivedAt
         FROM devices d JOIN lots l ON l.id = d.lot_id WHERE d.charge_id IN (${charges.join(',')}) AND d.status = 'installed' ORDER BY d.id`,
      )
      .all() as { id: number; lotId: number; productId: number; chargeId: number; lineId: number; serial: string; unitCost: number; receivedAt: number }[];
  const appDevices = devicesOf(appCharges);
  const twinDevices = devicesOf(twinCharges);
  const s = {
    number: sqlite.prepare(`INSERT INTO counters (name, next) VALUES ('RET', 1001) ON CONFLICT(name) DO UPDATE SET next = next + 1 RETURNING next`),
    header: sqlite.prepare(`INSERT INTO client_returns (number, company_id, location_id, condition, reason, note, status, user_id, created_at) VALUES (?, ?, ?, 'used', 'End of lease', NULL, 'posted', ?, ?)`),
    headerEvent: sqlite.prepare(`INSERT INTO client_return_events (return_id, occurred_at, user_id, type, from_state, to_state, details) VALUES (?, ?, ?, 'post', NULL, 'posted', ?)`),
    line: sqlite.prepare(`INSERT INTO client_return_lines (return_id, line_no, product_id, charge_id, delivery_line_id, qty, cost) VALUES (?, ?, ?, ?, ?, ?, ?)`),
    move: sqlite.prepare(
      `INSERT INTO stock_moves (lot_id, product_id, qty, from_location_id, to_location_id, unit_cost, source_type, source_id, source_line, company_id, reason, user_id, occurred_at) VALUES (?, ?, 1, ?, ?, ?, 'return', ?, ?, ?, 'End of lease', ?, ?)`,
    ),
    balance: sqlite.prepare(`INSERT INTO balances (lot_id, location_id, product_id, qty, received_at) VALUES (?, ?, ?, 1, ?)`),
    device: sqlite.prepare(`UPDATE devices SET status = 'returned', return_id = ?, returned_at = ? WHERE id = ?`),
    deviceEvent: sqlite.prepare(`INSERT INTO device_events (device_id, occurred_at, user_id, type, from_state, to_state, details) VALUES (?, ?, ?, 'return', 'installed', 'returned', ?)`),
    charge: sqlite.prepare(`UPDATE charges SET returned = returned + ?, returned_cost = returned_cost + ? WHERE id = ?`),
    chargeEvent: sqlite.prepare(`INSERT INTO charge_events (charge_id, occurred_at, user_id, type, from_state, to_state, details) VALUES (?, ?, ?, 'returned', 'delivered', 'delivered', ?)`),
    inventoryProduct: sqlite.prepare(`INSERT INTO inventory_products (product_id, location_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`),
  };
  const caches = cacheWriters(sqlite);
  let run = 0;
  measure(
    'return1000Devices',
    3,
    () => {
      const devices = appDevices.slice(run * RETURNED, (run + 1) * RETURNED);
      const doc = must(app.call('returns.create', { companyId: client, locationId: shelf, condition: 'used', reason: 'End of lease', lines: devices.map((d) => ({ deviceId: d.id })) }, token), 'returns.create');
      if (!doc.number.startsWith('RET-')) throw new Error(`returns.create answered ${JSON.stringify(doc)}`);
    },
    () =>
      sqlite.transaction(() => {
        const devices = twinDevices.slice(run * RETURNED, (run + 1) * RETURNED);
        run++;
        const at = Date.now();
        const { next } = s.number.get() as { next: number };
        const number = `RET-${next}`;
        const id = Number(s.header.run(number, client, shelf, userId, at).lastInsertRowid);
        s.headerEvent.run(id, at, userId, JSON.stringify({ units: devices.length }));
        const byLine = new Map<number, typeof devices>();
        for (const d of devices) byLine.set(d.lineId, [...(byLine.get(d.lineId) ?? []), d]);
        const byCharge = new Map<number, { qty: number; cost: number; serials: string[] }>();
        const totals = new Map<number, { qty: number; value: number }>();
        const details = JSON.stringify({ returnId: id, returnNumber: number, condition: 'used' });
        let lineNo = 0;
        for (const [lineId, units] of byLine) {
          lineNo++;
          const first = units[0]!;
          const cost = units.reduce((n, u) => n + u.unitCost, 0);
          s.line.run(id, lineNo, first.productId, first.chargeId, lineId, units.length, cost);
          for (const u of units) {
            s.move.run(u.lotId, u.productId, VIRTUAL.customer, shelf, u.unitCost, id, lineNo, client, userId, at);
            s.balance.run(u.lotId, shelf, u.productId, u.receivedAt);
            s.device.run(id, at, u.id);
            s.deviceEvent.run(u.id, at, userId, details);
            const t = totals.get(u.productId) ?? { qty: 0, value: 0 };
            totals.set(u.productId, { qty: t.qty + 1, value: t.value + u.unitCost });
          }
          const c = byCharge.get(first.chargeId) ?? { qty: 0, cost: 0, serials: [] };
          byCharge.set(first.chargeId, { qty: c.qty + units.length, cost: c.cost + cost, serials: [...c.serials, ...units.map((u) => u.serial)] });
        }
        for (const [chargeId, c] of byCharge) {
          s.charge.run(c.qty, c.cost, chargeId);
          s.chargeEvent.run(chargeId, at, userId, JSON.stringify({ returnId: id, returnNumber: number, qty: c.qty, serials: c.serials }));
        }
        for (const [productId, t] of totals) {
          s.inventoryProduct.run(productId, shelf, at);
          caches.move(productId, VIRTUAL.customer, shelf, t.qty, t.value, at);
        }
      })(),
  );
  const back = sqlite.prepare(`SELECT count(*) AS n FROM devices WHERE status = 'returned' AND charge_id IN (${appCharges.join(',')})`).get() as { n: number };
  if (back.n !== 3 * RETURNED) record('return1000Devices', Number.NaN, Number.NaN, `the returns brought back ${back.n} devices`);
}
