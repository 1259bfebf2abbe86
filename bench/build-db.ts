// Builds the large database of ARCHITECTURE.md's performance budget (100,000 products, 10 locations,
// 1,000,000 moves over two years) in seconds rather than hours: the app creates the file (migrations,
// admin, users, locations, categories, vendors) and raw prepared statements then bulk-insert the big
// tables in a few large transactions, with the secondary indexes dropped during the load and recreated
// after (the same DDL, read back from sqlite_master). The rows are what the services would have
// written: every move has its document (adjustment or transfer), every lot its receiving move, and the
// balances are the exact Σ of the moves per (lot, location), virtual locations included, so
// stock.verifyLedger passes on the result.
import Database from 'better-sqlite3';
import type { Result } from '../src/shared/errors';
import { serialKey } from '../src/shared/serials';
import { createApp } from '../src/main/app';

export const ADMIN = { username: 'admin', password: 'bench-admin-password' };

const DAY = 86_400_000;
const VIRTUAL = { vendor: 1, customer: 2, adjustment: 3, scrap: 4, transit: 5 };

export interface BuildOptions {
  dbPath: string;
  products: number;
  moves: number;
  /** Products stocked on the office shelf, the location the stocktake benchmark counts. */
  shelfProducts: number;
  now: number;
  log: (message: string) => void;
}

export interface BenchDb {
  locations: { main: number; north: number; shelf: number; returns: number; vans: number[] };
  /** A serialized product for the receiving benchmark. */
  serializedProductId: number;
  /** A product with many moves, for filters by product. */
  busyProductId: number;
  counts: { products: number; moves: number; lots: number; balances: number; inventoryProducts: number; adjustments: number; transfers: number };
}

export function must<T>(result: Result<T>, what: string): T {
  if (!result.ok) throw new Error(`${what} failed: ${result.error.code} ${JSON.stringify(result.error.details)}`);
  return result.data;
}

/** mulberry32: the same database on every run and machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Family {
  brand: string;
  line: string;
  category: number;
  serialPrefix?: string;
  cost: number;
  weight: number;
  variants: string[];
}

const categories = ['Laptops', 'Desktops', 'Firewalls', 'Switches', 'Access points', 'Monitors', 'Docking stations', 'Peripherals', 'Cables', 'Toner & printing', 'Licences', 'Storage', 'Power/UPS', 'Phones'];
const computer = ['i5/16GB/512GB', 'i7/16GB/512GB', 'i7/32GB/1TB', 'Ultra 5/16GB/512GB', 'Ultra 7/32GB/1TB', 'i3/8GB/256GB'];
// About 12% of the products are serialized (by weight), as in an MSP catalogue dominated by consumables.
const families: Family[] = [
  { brand: 'Lenovo', line: 'ThinkPad T14 Gen', category: 0, serialPrefix: 'PF', cost: 1100, weight: 4, variants: computer },
  { brand: 'Lenovo', line: 'ThinkPad X1 Carbon Gen', category: 0, serialPrefix: 'PF', cost: 1900, weight: 2, variants: computer },
  { brand: 'Lenovo', line: 'ThinkPad E14 Gen', category: 0, serialPrefix: 'PF', cost: 750, weight: 3, variants: computer },
  { brand: 'Dell', line: 'Latitude 54', category: 0, serialPrefix: 'D', cost: 1050, weight: 4, variants: computer },
  { brand: 'Dell', line: 'Latitude 74', category: 0, serialPrefix: 'D', cost: 1600, weight: 2, variants: computer },
  { brand: 'HP', line: 'EliteBook 840 G', category: 0, serialPrefix: '5CG', cost: 1200, weight: 3, variants: computer },
  { brand: 'HP', line: 'ProBook 450 G', category: 0, serialPrefix: '5CD', cost: 750, weight: 3, variants: computer },
  { brand: 'Lenovo', line: 'ThinkCentre M70q Gen', category: 1, serialPrefix: 'MJ', cost: 700, weight: 3, variants: computer },
  { brand: 'Dell', line: 'OptiPlex 70', category: 1, serialPrefix: 'D', cost: 750, weight: 3, variants: computer },
  { brand: 'Fortinet', line: 'FortiGate', category: 2, serialPrefix: 'FGT60FTK', cost: 700, weight: 3, variants: ['40F', '60F', '70G', '80F', '100F', '60F UTP bundle'] },
  { brand: 'Sophos', line: 'XGS', category: 2, serialPrefix: 'X21', cost: 900, weight: 2, variants: ['88', '108', '118', '2100', '2300'] },
  { brand: 'Cisco', line: 'CBS350', category: 3, serialPrefix: 'FOC', cost: 700, weight: 3, variants: ['-8P-E-2G', '-24P-4G', '-48P-4G', '-24T-4X'] },
  { brand: 'Ubiquiti', line: 'UniFi Switch', category: 3, serialPrefix: '74ACB9', cost: 300, weight: 3, variants: ['Lite 8 PoE', '24 PoE', 'Pro 24 PoE', 'Pro Max 16'] },
  { brand: 'Ubiquiti', line: 'UniFi', category: 4, serialPrefix: '6C63F8', cost: 140, weight: 4, variants: ['U6 Lite', 'U6 Pro', 'U6+', 'U7 Pro', 'U6 Mesh'] },
  { brand: 'Dell', line: 'P', category: 5, serialPrefix: 'CN0', cost: 250, weight: 5, variants: ['2425H 24"', '2723DE 27"', '2725H 27"', '3424WE 34"'] },
  { brand: 'Lenovo', line: 'ThinkVision', category: 5, serialPrefix: 'V', cost: 230, weight: 3, variants: ['T24i-30', 'T27h-30', 'P27h-30'] },
  { brand: 'APC', line: 'Smart-UPS', category: 12, serialPrefix: 'AS', cost: 600, weight: 2, variants: ['750VA', '1000VA', '1500VA rack'] },
  { brand: 'Yealink', line: 'SIP', category: 13, serialPrefix: '80', cost: 150, weight: 3, variants: ['T54W', 'T46U', 'T33G', 'W73P'] },
  { brand: 'Lenovo', line: 'ThinkPad dock', category: 6, cost: 200, weight: 12, variants: ['USB-C', 'Thunderbolt 4', 'Hybrid USB-C'] },
  { brand: 'Dell', line: 'Dock', category: 6, cost: 220, weight: 12, variants: ['WD19S 130W', 'WD22TB4', 'UD22'] },
  { brand: 'Logitech', line: 'MX Keys', category: 7, cost: 90, weight: 30, variants: ['(ES)', '(UK)', '(DE)', '(FR)', 'Mini (ES)'] },
  { brand: 'Logitech', line: 'mouse', category: 7, cost: 30, weight: 30, variants: ['MX Master 3S', 'M185', 'M330 Silent', 'Lift'] },
  { brand: 'Jabra', line: 'Evolve2', category: 7, cost: 120, weight: 30, variants: ['30 SE', '40 SE', '55', '65 Flex', '75'] },
  { brand: 'Digitus', line: 'Cat6 patch cable', category: 8, cost: 2, weight: 60, variants: ['0.5m grey', '1m grey', '2m grey', '3m blue', '5m red', '10m yellow'] },
  { brand: 'Digitus', line: 'Cat6A S/FTP patch cable', category: 8, cost: 3.5, weight: 50, variants: ['1m', '2m', '3m', '5m'] },
  { brand: 'Goobay', line: 'cable', category: 8, cost: 7, weight: 50, variants: ['HDMI 2m', 'HDMI 5m', 'DisplayPort 2m', 'USB-C 1m', 'USB-C 2m', 'C13 power 1.8m'] },
  { brand: 'HP', line: 'toner', category: 9, cost: 80, weight: 40, variants: ['59A black', '26A black', '207A cyan', '207A magenta', '207A yellow', '30X black'] },
  { brand: 'Brother', line: 'toner', category: 9, cost: 60, weight: 30, variants: ['TN-2420', 'TN-3480', 'TN-243C', 'DR-2400 drum'] },
  { brand: 'Microsoft', line: '365', category: 10, cost: 130, weight: 10, variants: ['Business Basic', 'Business Standard', 'Business Premium', 'E3'] },
  { brand: 'Samsung', line: 'SSD', category: 11, cost: 110, weight: 25, variants: ['990 PRO 1TB', '990 PRO 2TB', '870 EVO 1TB', 'T7 1TB'] },
  { brand: 'Kingston', line: 'memory', category: 11, cost: 50, weight: 25, variants: ['16GB DDR5 SO-DIMM', '32GB DDR5 SO-DIMM', '16GB DDR4 DIMM'] },
  { brand: 'Brennenstuhl', line: 'power strip', category: 12, cost: 15, weight: 20, variants: ['6-way 3m', '8-way 5m', '4-way USB'] },
];

/** Secondary indexes of the bulk tables: dropped for the load, recreated after with the same DDL. */
const bulkTables = ['products', 'product_vendors', 'inventory_products', 'lots', 'stock_moves', 'balances', 'adjustments', 'transfers', 'inventory_events'];

export async function buildDatabase(options: BuildOptions): Promise<BenchDb> {
  const { log } = options;
  const random = rng(0xbe7c4);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));

  // 1. Through the app: migrations, the admin, technicians, locations, categories and vendors.
  const app = createApp({ dbPath: options.dbPath });
  const token = must(await app.callAsync('auth.setup', { username: ADMIN.username, displayName: 'Bench Admin', password: ADMIN.password }, null), 'auth.setup').token!;
  const techNames = ['Lucía Martín', 'Tom Becker', 'Ana Ruiz', 'Jordi Puig', 'Sarah Collins', 'Pablo Vega'];
  const techIds: number[] = [];
  for (const [i, name] of techNames.entries()) {
    techIds.push(must(await app.callAsync('users.create', { username: `tech${i + 1}`, displayName: name, password: 'bench-technician', permissions: ['inventory.view', 'stock.transfer'] }, token), 'users.create').id);
  }
  const adminId = must(app.call('auth.status', {}, token), 'auth.status').user!.id;
  const location = (name: string, kind: 'warehouse' | 'shelf' | 'returns' | 'van', ownerUserId?: number) =>
    must(app.call('locations.create', { name, kind, ownerUserId, isDefault: name === 'Main warehouse' }, token), 'locations.create').id;
  const locations = {
    main: location('Main warehouse', 'warehouse'),
    north: location('North warehouse', 'warehouse'),
    shelf: location('Office shelf', 'shelf'),
    returns: location('Returns shelf', 'returns'),
    vans: techIds.map((id, i) => location(`Van – ${techNames[i]}`, 'van', id)),
  };
  const categoryIds = categories.map((name) => must(app.call('catalog.saveCategory', { name }, token), 'catalog.saveCategory').id);
  const vendorIds = Array.from({ length: 20 }, (_, i) => must(app.call('catalog.createCompany', { name: `Distributor ${i + 1}`, isVendor: true, isClient: false }, token), 'catalog.createCompany').id);
  app.close();

  // 2. Raw bulk load.
  const db = new Database(options.dbPath);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  const indexes = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${bulkTables.map(() => '?').join(',')})`)
    .all(...bulkTables) as { name: string; sql: string }[];
  for (const ix of indexes) db.exec(`DROP INDEX "${ix.name}"`);

  const P = options.products;
  const M = options.moves;
  const T0 = options.now - 730 * DAY;
  const T1 = options.now - 60 * 60 * 1000;

  // Products ---------------------------------------------------------------------------------
  const totalWeight = families.reduce((s, f) => s + f.weight, 0);
  const productFamily = new Int32Array(P);
  const productCost = new Float64Array(P);
  const insertProduct = db.prepare(
    `INSERT INTO products (id, sku, name, description, category_id, manufacturer, manufacturer_part_number, barcode, unit_cost, unit_price, msrp, serialized, active, eligible_for_rma, does_not_require_procurement, billing_period, created_at, updated_at)
     VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, 0, ?, ?, ?)`,
  );
  const insertProductVendor = db.prepare(`INSERT INTO product_vendors (id, product_id, vendor_id, vendor_part_number, vendor_cost, is_default) VALUES (?, ?, ?, ?, ?, 1)`);
  db.transaction(() => {
    for (let i = 0; i < P; i++) {
      let pick = random() * totalWeight;
      let f = 0;
      while (pick >= families[f]!.weight) pick -= families[f++]!.weight;
      const family = families[f]!;
      productFamily[i] = f;
      const cost = Math.round(family.cost * (0.6 + random() * 0.8) * 100) * 100;
      productCost[i] = cost;
      const variant = family.variants[int(0, family.variants.length - 1)]!;
      const generation = family.category <= 1 ? ` ${int(3, 6)}` : '';
      const model = `${family.brand.slice(0, 3).toUpperCase()}${String(i).padStart(6, '0')}`;
      const name = `${family.brand} ${family.line}${generation} ${variant} ${model.slice(3)}`;
      const serialized = family.serialPrefix !== undefined ? 1 : 0;
      const id = i + 1;
      insertProduct.run(
        id, `${model}-${f}`, name, categoryIds[family.category], family.brand, `MPN-${model}`, `84${String(1e10 + i * 7919).slice(-10)}0`,
        cost, Math.round((cost * 1.25) / 100) * 100, Math.round((cost * 1.4) / 100) * 100, serialized, serialized,
        family.category === 10 ? 'yearly' : 'oneTime', T0 - DAY, T0 - DAY,
      );
      insertProductVendor.run(id, id, vendorIds[i % vendorIds.length], `VP-${model}`, cost);
    }
  })();
  log(`  ${P.toLocaleString('en')} products`);

  // Moves, lots and balances per product -----------------------------------------------------
  // Each product gets a budget of moves (skewed: a few busy products, many quiet ones) summing to M.
  const weights = new Float64Array(P);
  let weightSum = 0;
  for (let i = 0; i < P; i++) weightSum += weights[i] = random() ** 3;
  const budget = new Int32Array(P);
  let assigned = 0;
  for (let i = 0; i < P; i++) assigned += budget[i] = 1 + Math.floor((weights[i]! / weightSum) * (M - P));
  for (let i = 0; assigned < M; i = (i + 1) % P, assigned++) budget[i]! += 1;

  const mLot = new Int32Array(M);
  const mProduct = new Int32Array(M);
  const mQty = new Int32Array(M);
  const mFrom = new Uint8Array(M);
  const mTo = new Uint8Array(M);
  const mTime = new Float64Array(M);
  const mKind = new Uint8Array(M); // 0 add, 1 transfer, 2 remove to Adjustment, 3 scrap
  const lProduct = new Int32Array(M);
  const lCost = new Float64Array(M);
  const lSerial: (string | undefined)[] = [];
  const balanceLot: number[] = [];
  const balanceLoc: number[] = [];
  const balanceQty: number[] = [];
  const stocked: number[][] = [];
  let moveCount = 0;
  let lotCount = 0;
  let shelfLeft = options.shelfProducts;
  // Units leave and move between these; the office shelf only holds its own lots, so the counted
  // location has exactly the shelf products.
  const movable = [locations.main, locations.north, locations.returns, ...locations.vans];
  let busyProductId = 1;

  for (let p = 0; p < P; p++) {
    const productId = p + 1;
    const family = families[productFamily[p]!]!;
    const serialized = family.serialPrefix !== undefined;
    const b = budget[p]!;
    if (b > budget[busyProductId - 1]!) busyProductId = productId;
    const times = new Float64Array(b);
    for (let k = 0; k < b; k++) times[k] = T0 + Math.floor(random() * (T1 - T0));
    times.sort();
    const lotBalances: Map<number, number>[] = [];
    const firstLot = lotCount;
    const live: [number, number][] = [];
    const places = new Set<number>([locations.main]);
    const pinned = !serialized && shelfLeft > 0;
    if (pinned) shelfLeft--;

    const emit = (lot: number, qty: number, from: number, to: number, kind: number, at: number) => {
      mLot[moveCount] = lot;
      mProduct[moveCount] = productId;
      mQty[moveCount] = qty;
      mFrom[moveCount] = from;
      mTo[moveCount] = to;
      mKind[moveCount] = kind;
      mTime[moveCount] = at;
      moveCount++;
      const balances = lotBalances[lot - firstLot]!;
      balances.set(from, (balances.get(from) ?? 0) - qty);
      balances.set(to, (balances.get(to) ?? 0) + qty);
    };
    const receive = (loc: number, qty: number, at: number) => {
      const lot = lotCount++;
      lProduct[lot] = productId;
      lCost[lot] = Math.round((productCost[p]! * (0.85 + random() * 0.25)) / 100) * 100;
      if (serialized) lSerial[lot] = `${family.serialPrefix}${lot.toString(36).toUpperCase().padStart(7, '0')}`;
      lotBalances.push(new Map());
      emit(lot, qty, VIRTUAL.adjustment, loc, 0, at);
      places.add(loc);
      return lot;
    };

    for (let k = 0; k < b; k++) {
      const at = times[k]!;
      if (k === 0 && pinned) {
        receive(locations.shelf, int(2, 8), at);
        continue;
      }
      const r = random();
      if (live.length === 0 || r < 0.38) {
        const loc = random() < 0.75 ? locations.main : locations.north;
        const lot = receive(loc, serialized ? 1 : 1 + Math.floor(random() ** 2 * 40), at);
        live.push([lot, loc]);
        continue;
      }
      const index = Math.floor(random() * live.length);
      const [lot, from] = live[index]!;
      const balances = lotBalances[lot - firstLot]!;
      const onHand = balances.get(from)!;
      const qty = serialized ? 1 : 1 + Math.floor(random() * onHand);
      let to: number;
      let kind: number;
      if (r < 0.68) {
        do to = movable[int(0, movable.length - 1)]!;
        while (to === from);
        kind = 1;
        places.add(to);
      } else {
        kind = random() < 0.1 ? 3 : 2;
        to = kind === 3 ? VIRTUAL.scrap : VIRTUAL.adjustment;
      }
      emit(lot, qty, from, to, kind, at);
      if (onHand === qty) {
        live[index] = live[live.length - 1]!;
        live.pop();
      }
      if (kind === 1 && !live.some(([l, loc]) => l === lot && loc === to)) live.push([lot, to]);
    }
    lotBalances.forEach((balances, i) => {
      for (const [loc, qty] of balances) {
        // Balances are kept at our locations and In-transit only (keepsBalances in ledger.ts).
        if (qty === 0 || (loc < VIRTUAL.transit + 1 && loc !== VIRTUAL.transit)) continue;
        balanceLot.push(firstLot + i);
        balanceLoc.push(loc);
        balanceQty.push(qty);
      }
    });
    stocked.push([...places].sort((a, b) => a - b));
  }
  log(`  generated ${moveCount.toLocaleString('en')} moves over ${lotCount.toLocaleString('en')} lots`);

  // Moves go in in time order, each with its document; a lot is created by its receiving move, so lot
  // ids and document numbers grow with time as they would in the app.
  const order = new Uint32Array(moveCount);
  for (let i = 0; i < moveCount; i++) order[i] = i;
  order.sort((a, b) => mTime[a]! - mTime[b]! || a - b);
  const lotId = new Int32Array(lotCount);
  const users = (from: number, to: number) => {
    const van = locations.vans.indexOf(to) >= 0 ? locations.vans.indexOf(to) : locations.vans.indexOf(from);
    return van >= 0 ? techIds[van]! : adminId;
  };
  const insertAdjustment = db.prepare(
    `INSERT INTO adjustments (id, number, direction, location_id, product_id, counterpart, cost_method, reason, status, user_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'posted', ?, ?)`,
  );
  const insertTransfer = db.prepare(
    `INSERT INTO transfers (id, number, from_location_id, to_location_id, mode, status, note, user_id, created_at, received_at) VALUES (?, ?, ?, ?, 'direct', 'done', NULL, ?, ?, ?)`,
  );
  const insertLot = db.prepare(
    `INSERT INTO lots (id, product_id, serial_number, serial_key, unit_cost, received_at, vendor_id, po_line_id, receipt_id, vendor_invoice_number, source_type, source_id) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, 'adjustment', ?)`,
  );
  const insertMove = db.prepare(
    `INSERT INTO stock_moves (id, lot_id, product_id, qty, from_location_id, to_location_id, unit_cost, source_type, source_id, source_line, company_id, reason, user_id, occurred_at, reverses_move_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, NULL, ?, ?, ?, NULL)`,
  );
  let adjustments = 0;
  let transfers = 0;
  let lots = 0;
  const reasons = ['Delivery from Distributor', 'Used on ticket', 'Damaged – written off'];
  const chunk = 100_000;
  for (let start = 0; start < moveCount; start += chunk) {
    db.transaction(() => {
      for (let i = start; i < Math.min(start + chunk, moveCount); i++) {
        const m = order[i]!;
        const at = mTime[m]!;
        const from = mFrom[m]!;
        const to = mTo[m]!;
        const product = mProduct[m]!;
        const user = users(from, to);
        const kind = mKind[m]!;
        let sourceType = 'adjustment';
        let sourceId: number;
        let reason: string | null = null;
        if (kind === 1) {
          sourceType = 'transfer';
          sourceId = ++transfers;
          insertTransfer.run(sourceId, `TRF-${1000 + sourceId}`, from, to, user, at, at);
        } else {
          sourceId = ++adjustments;
          reason = reasons[kind === 0 ? 0 : kind === 2 ? 1 : 2]!;
          const location = kind === 0 ? to : from;
          insertAdjustment.run(sourceId, `ADJ-${1000 + sourceId}`, kind === 0 ? 'add' : 'remove', location, product, kind === 3 ? 'scrap' : 'adjustment', kind === 0 ? 'manual' : null, reason, user, at);
        }
        const tmpLot = mLot[m]!;
        if (kind === 0) {
          lotId[tmpLot] = ++lots;
          const serial = lSerial[tmpLot] ?? null;
          insertLot.run(lots, product, serial, serial === null ? null : serialKey(serial), lCost[tmpLot], at, vendorIds[product % vendorIds.length], `INV-${sourceId}`, sourceId);
        }
        insertMove.run(i + 1, lotId[tmpLot], product, mQty[m], from, to, lCost[tmpLot], sourceType, sourceId, reason, user, at);
      }
    })();
    log(`  moves ${Math.min(start + chunk, moveCount).toLocaleString('en')} / ${moveCount.toLocaleString('en')}`);
  }

  const balanceOrder = Array.from(balanceLot.keys()).sort((a, b) => lotId[balanceLot[a]!]! - lotId[balanceLot[b]!]! || balanceLoc[a]! - balanceLoc[b]!);
  const insertBalance = db.prepare(`INSERT INTO balances (lot_id, location_id, product_id, qty, received_at) VALUES (?, ?, ?, ?, (SELECT received_at FROM lots WHERE id = ?))`);
  db.transaction(() => {
    for (const i of balanceOrder) insertBalance.run(lotId[balanceLot[i]!], balanceLoc[i], lProduct[balanceLot[i]!], balanceQty[i], lotId[balanceLot[i]!]);
  })();
  log(`  ${balanceOrder.length.toLocaleString('en')} balances`);
  // The app keeps stock_levels beside the balances; a raw load fills it the way migration 0001 does.
  db.exec(`INSERT INTO stock_levels (product_id, location_id, qty, value)
    SELECT b.product_id, b.location_id, sum(b.qty), sum(b.qty * l.unit_cost) FROM balances b JOIN lots l ON l.id = b.lot_id GROUP BY b.product_id, b.location_id`);
  // …and the month totals, the way migration 0002 does.
  db.exec(`INSERT INTO stock_value_months (month, location_id, qty, value)
    SELECT month, loc, sum(q), sum(v) FROM (
      SELECT strftime('%Y-%m', occurred_at / 1000, 'unixepoch') AS month, to_location_id AS loc, qty AS q, qty * unit_cost AS v FROM stock_moves
      UNION ALL SELECT strftime('%Y-%m', occurred_at / 1000, 'unixepoch'), from_location_id, -qty, -qty * unit_cost FROM stock_moves
    ) GROUP BY month, loc`);

  // A new inventory product's trigger reads what is on its way to it through the shipments' indexes (migration
  // 0029), dropped for the load: the load goes without it and fills the column once after, as the migration does.
  const incomingTrigger = (db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'inventory_products_incoming_insert'`).get() as { sql: string } | undefined)?.sql;
  if (incomingTrigger) db.exec(`DROP TRIGGER inventory_products_incoming_insert`);
  const insertInventoryProduct = db.prepare(`INSERT INTO inventory_products (id, product_id, location_id, bin, reference_number, min, max, created_at) VALUES (?, ?, ?, ?, NULL, ?, ?, ?)`);
  const insertEvent = db.prepare(`INSERT INTO inventory_events (id, occurred_at, type, product_id, location_id, lot_id, serial_number, user_id, changes) VALUES (?, ?, 'inventoryProduct.created', ?, ?, NULL, NULL, ?, ?)`);
  let inventoryProducts = 0;
  db.transaction(() => {
    stocked.forEach((places, p) => {
      for (const loc of places) {
        const id = ++inventoryProducts;
        const min = loc === locations.main ? int(0, 6) : int(0, 2);
        const max = min + int(2, 30);
        const bin = loc === locations.main || loc === locations.north ? `${'ABCDEFGHJK'[int(0, 9)]}-${String(int(1, 40)).padStart(2, '0')}-${int(1, 5)}` : null;
        insertInventoryProduct.run(id, p + 1, loc, bin, min, max, T0);
        insertEvent.run(id, T0, p + 1, loc, adminId, JSON.stringify([{ field: 'min', before: null, after: String(min) }, { field: 'max', before: null, after: String(max) }]));
      }
    });
    db.prepare(`INSERT INTO counters (name, next) VALUES ('ADJ', ?), ('TRF', ?) ON CONFLICT(name) DO UPDATE SET next = excluded.next`).run(1000 + adjustments, 1000 + transfers);
  })();
  log(`  ${inventoryProducts.toLocaleString('en')} inventory products`);

  const started = performance.now();
  for (const ix of indexes) db.exec(ix.sql);
  if (incomingTrigger) {
    db.exec(incomingTrigger);
    db.exec(`UPDATE inventory_products SET incoming = x.q
      FROM (SELECT t.to_location_id AS loc, m.product_id AS pid, sum(CASE WHEN m.to_location_id = 5 THEN m.qty ELSE -m.qty END) AS q
            FROM transfers t JOIN stock_moves m ON m.source_type = 'transfer' AND m.source_id = t.id AND (m.to_location_id = 5 OR m.from_location_id = 5)
            GROUP BY 1, 2) AS x
      WHERE x.loc = inventory_products.location_id AND x.pid = inventory_products.product_id`);
  }
  log(`  recreated ${indexes.length} indexes in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  db.pragma('journal_mode = WAL');
  db.close();

  const serializedProductId = 1 + productFamily.findIndex((f) => families[f]!.serialPrefix !== undefined);
  return {
    locations,
    serializedProductId,
    busyProductId,
    counts: { products: P, moves: moveCount, lots, balances: balanceOrder.length, inventoryProducts, adjustments, transfers },
  };
}
