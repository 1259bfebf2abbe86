// First pages of every list a screen can ask for: each sortable column in both directions, under the
// filter combinations the screens offer. Each group is one row of the table, reporting its slowest
// variant (the median of a few runs each) against the budget; the log names every variant. The baseline
// is the bare first page of the group's main table.
import type { ChannelInput, ChannelName } from '../src/shared/contract';
import type { App } from '../src/main/app';
import { must, type BenchDb } from './build-db';
import { log, median, record, timed } from './measure';

type Variant = { label: string; channel: ChannelName; input: Record<string, unknown> };

/** Every group is a first page: < 50 ms for its slowest variant. */
export const listGroups = [
  'listInventoryProducts',
  'listInventoryProductsAtLocation',
  'listInventoryProductsAtVan',
  'listInventoryProductsSearched',
  'listInventoryProductsSearchedAtLocation',
  'listInventoryProductsShortSearch',
  'listInventoryProductsBelowMin',
  'listInventoryProductsBelowMinAtLocation',
  'listLots',
  'listLotsAtLocation',
  'listLotsBySerialPrefix',
  'listLotsOfProduct',
  'listHistory',
  'listHistoryFiltered',
  'listTransfers',
  'listCounts',
  'listProducts',
  'listProductsSearched',
  'listProductsShortSearch',
  'listProductsFiltered',
  'listCompanies',
  'listOrders',
  'listApprovals',
  'listOpenLines',
  'listSuggestions',
  'valueByProduct',
  'globalSearchVariants',
  'lookups',
] as const;
export const listBudgets: Record<string, { maxMs: number; text: string }> = {
  ...Object.fromEntries(listGroups.map((g) => [g, { maxMs: 50, text: '< 50 ms (slowest variant)' }])),
  // Whole short lists that screens load beside their rows (filters, pickers): a slow one holds up the
  // screen, and serve mode answers them on the thread every other call waits for.
  lookups: { maxMs: 20, text: '< 20 ms (slowest variant)' },
};

const ipSorts = ['sku', 'productName', 'locationName', 'bin', 'onHand', 'available', 'onOrder', 'backOrdered', 'min', 'max', 'value'];
const dirs = ['asc', 'desc'] as const;

function sortVariants(channel: ChannelName, sorts: string[], filter: Record<string, unknown>): Variant[] {
  return sorts.flatMap((sortBy) => dirs.map((sortDirection) => ({ label: `${sortBy} ${sortDirection}`, channel, input: { ...filter, sortBy, sortDirection } })));
}

export function measureLists(app: App, token: string, bench: BenchDb, now: number): void {
  const sqlite = app.ctx.sqlite;
  const { main, north, vans } = bench.locations;
  const van = vans[0]!;
  const tech = (sqlite.prepare(`SELECT id FROM users WHERE username = 'tech1'`).get() as { id: number }).id;
  const vendor = (sqlite.prepare(`SELECT id FROM companies WHERE name = 'Distributor 3'`).get() as { id: number }).id;
  const category = (sqlite.prepare(`SELECT id FROM categories WHERE name = 'Laptops'`).get() as { id: number }).id;
  const serial = (sqlite.prepare(`SELECT serial_number AS s FROM lots WHERE serial_number LIKE 'PF%' ORDER BY id DESC LIMIT 1`).get() as { s: string }).s;
  const day = 86_400_000;
  const groups: Record<(typeof listGroups)[number], { variants: Variant[]; baseline: string }> = {
    listInventoryProducts: { variants: sortVariants('stock.listInventoryProducts', ipSorts, {}), baseline: `SELECT * FROM inventory_products LIMIT 50` },
    listInventoryProductsAtLocation: { variants: sortVariants('stock.listInventoryProducts', ipSorts, { locationId: main }), baseline: `SELECT * FROM inventory_products LIMIT 50` },
    listInventoryProductsAtVan: { variants: sortVariants('stock.listInventoryProducts', ipSorts, { locationId: van }), baseline: `SELECT * FROM inventory_products LIMIT 50` },
    listInventoryProductsSearched: { variants: sortVariants('stock.listInventoryProducts', ipSorts, { q: 'thinkpad' }), baseline: `SELECT * FROM inventory_products LIMIT 50` },
    listInventoryProductsSearchedAtLocation: {
      variants: sortVariants('stock.listInventoryProducts', ipSorts, { q: 'thinkpad', locationId: main }),
      baseline: `SELECT * FROM inventory_products LIMIT 50`,
    },
    listInventoryProductsShortSearch: { variants: sortVariants('stock.listInventoryProducts', ipSorts, { q: 'ca' }), baseline: `SELECT * FROM inventory_products LIMIT 50` },
    listInventoryProductsBelowMin: { variants: sortVariants('stock.listInventoryProducts', ipSorts, { belowMin: true }), baseline: `SELECT * FROM inventory_products LIMIT 50` },
    listInventoryProductsBelowMinAtLocation: {
      variants: sortVariants('stock.listInventoryProducts', ipSorts, { belowMin: true, locationId: north }),
      baseline: `SELECT * FROM inventory_products LIMIT 50`,
    },
    listLots: { variants: sortVariants('stock.listLots', ['receivedAt', 'serialNumber', 'sku', 'locationName', 'qty'], {}), baseline: `SELECT * FROM balances LIMIT 50` },
    listLotsAtLocation: { variants: sortVariants('stock.listLots', ['receivedAt', 'serialNumber', 'sku', 'locationName', 'qty'], { locationId: main }), baseline: `SELECT * FROM balances LIMIT 50` },
    listLotsBySerialPrefix: { variants: sortVariants('stock.listLots', ['receivedAt', 'serialNumber', 'sku', 'locationName', 'qty'], { serial: 'PF' }), baseline: `SELECT * FROM balances LIMIT 50` },
    listLotsOfProduct: {
      variants: sortVariants('stock.listLots', ['receivedAt', 'serialNumber', 'sku', 'locationName', 'qty'], { productId: bench.busyProductId }),
      baseline: `SELECT * FROM balances LIMIT 50`,
    },
    listHistory: { variants: sortVariants('stock.history', ['occurredAt'], {}), baseline: `SELECT * FROM stock_moves LIMIT 50` },
    listHistoryFiltered: {
      variants: [
        { locationId: main },
        { locationId: van },
        { userId: tech },
        { locationId: north, userId: tech },
        { productId: bench.busyProductId },
        { productId: bench.busyProductId, userId: tech },
        { serial },
        { from: now - 200 * day, to: now - 100 * day },
        { locationId: main, from: now - 200 * day, to: now - 100 * day },
      ].flatMap((filter) => sortVariants('stock.history', ['occurredAt'], filter).map((v) => ({ ...v, label: `${JSON.stringify(filter)} ${v.label}` }))),
      baseline: `SELECT * FROM stock_moves LIMIT 50`,
    },
    listTransfers: {
      variants: [{}, { locationId: main }, { locationId: van }, { status: 'inTransit' }].flatMap((filter) =>
        sortVariants('stock.listTransfers', ['createdAt', 'number'], filter).map((v) => ({ ...v, label: `${JSON.stringify(filter)} ${v.label}` })),
      ),
      baseline: `SELECT * FROM transfers LIMIT 50`,
    },
    listCounts: {
      variants: [{}, { status: 'posted' }].flatMap((filter) => sortVariants('stock.listCounts', ['createdAt', 'number'], filter).map((v) => ({ ...v, label: `${JSON.stringify(filter)} ${v.label}` }))),
      baseline: `SELECT * FROM stocktakes LIMIT 50`,
    },
    listProducts: { variants: sortVariants('catalog.listProducts', ['sku', 'name', 'category', 'unitCost', 'unitPrice', 'onHand'], {}), baseline: `SELECT * FROM products LIMIT 50` },
    listProductsSearched: { variants: sortVariants('catalog.listProducts', ['sku', 'name', 'category', 'unitCost', 'unitPrice', 'onHand'], { q: 'thinkpad' }), baseline: `SELECT * FROM products LIMIT 50` },
    listProductsShortSearch: { variants: sortVariants('catalog.listProducts', ['sku', 'name', 'category', 'unitCost', 'unitPrice', 'onHand'], { q: 'ca' }), baseline: `SELECT * FROM products LIMIT 50` },
    listProductsFiltered: {
      variants: [{ categoryId: category }, { serialized: true }, { active: true, serialized: false }].flatMap((filter) =>
        sortVariants('catalog.listProducts', ['sku', 'name', 'category', 'unitCost', 'unitPrice', 'onHand'], filter).map((v) => ({ ...v, label: `${JSON.stringify(filter)} ${v.label}` })),
      ),
      baseline: `SELECT * FROM products LIMIT 50`,
    },
    listCompanies: {
      variants: [{}, { role: 'vendor' }, { q: 'dist' }].flatMap((filter) =>
        sortVariants('catalog.listCompanies', ['name', 'city'], filter).map((v) => ({ ...v, label: `${JSON.stringify(filter)} ${v.label}` })),
      ),
      baseline: `SELECT * FROM companies LIMIT 50`,
    },
    listOrders: {
      variants: [{}, { statuses: ['submitted'] }, { q: 'PO' }, { overdue: true }].flatMap((filter) =>
        sortVariants('purchasing.listOrders', ['number', 'createdAt', 'vendorName', 'status', 'total', 'expectedShipDate'], filter).map((v) => ({ ...v, label: `${JSON.stringify(filter)} ${v.label}` })),
      ),
      baseline: `SELECT * FROM purchase_orders LIMIT 50`,
    },
    listApprovals: { variants: sortVariants('purchasing.listApprovals', ['createdAt'], {}), baseline: `SELECT * FROM purchase_orders LIMIT 50` },
    listOpenLines: {
      variants: [{}, { q: 'BD-0000' }, { locationId: main }].flatMap((filter) =>
        sortVariants('purchasing.listOpenLines', ['orderNumber', 'sku', 'vendorName', 'estimatedArrival'], filter).map((v) => ({ ...v, label: `${JSON.stringify(filter)} ${v.label}` })),
      ),
      baseline: `SELECT * FROM purchase_order_lines LIMIT 50`,
    },
    listSuggestions: {
      variants: [{}, { locationId: main }, { vendorId: vendor }].flatMap((filter) =>
        dirs.map((sortDirection) => ({ label: `${JSON.stringify(filter)} ${sortDirection}`, channel: 'purchasing.reorderSuggestions' as const, input: { ...filter, sortDirection } })),
      ),
      baseline: `SELECT * FROM inventory_products WHERE below_min = 1 LIMIT 50`,
    },
    valueByProduct: {
      variants: [{}, { locationId: main }, { locationId: van }].map((input) => ({ label: JSON.stringify(input), channel: 'stock.valueByProduct' as const, input })),
      baseline: `SELECT * FROM stock_levels LIMIT 50`,
    },
    globalSearchVariants: {
      variants: ['PF00', 'thinkpad', 'a', '84', serial, 'Main'].map((q) => ({ label: q, channel: 'search.global' as const, input: { q } })),
      baseline: `SELECT * FROM products LIMIT 8`,
    },
    lookups: {
      variants: [
        { label: 'locations', channel: 'locations.list', input: {} },
        { label: 'locations, virtual and inactive too', channel: 'locations.list', input: { includeVirtual: true, includeInactive: true } },
        { label: 'categories', channel: 'catalog.listCategories', input: {} },
        { label: 'users', channel: 'users.list', input: {} },
      ],
      baseline: `SELECT * FROM locations`,
    },
  };
  for (const [name, group] of Object.entries(groups)) {
    let worst = { ms: -1, label: '' };
    let error: string | undefined;
    for (const v of group.variants) {
      const call = () => must(app.call(v.channel, v.input as ChannelInput<typeof v.channel>, token), `${v.channel} ${v.label}`);
      try {
        call();
        const ms = median([timed(call), timed(call), timed(call)]);
        if (ms > worst.ms) worst = { ms, label: v.label };
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
    }
    const baseline = sqlite.prepare(group.baseline);
    const baselineMs = median([timed(() => baseline.all()), timed(() => baseline.all()), timed(() => baseline.all())]);
    log(`  ${name}: ${group.variants.length} variants, slowest ${worst.label} ${worst.ms.toFixed(1)} ms`);
    record(name, error ? Number.NaN : worst.ms, baselineMs, error);
  }
}
