// CSV import: 100,000 product rows through `imports.run` (one call, one transaction, every row checked with
// catalog.createProduct's schema and created as that channel creates one), as the import screen sends them
// after parsing the file. The baseline inserts the same rows with one prepared raw INSERT in one transaction
// (the catalogue's indexes and search triggers fire for both). Timed once: each run adds 100,000 products.
import type { App } from '../src/main/app';
import { must } from './build-db';
import { log, record, timed } from './measure';

export const importBudgets: Record<string, { maxMs: number; maxRatio?: number; text: string }> = {
  import100kProducts: { maxMs: 10_000, text: '< 10 s' },
};

const ROWS = 100_000;

/** Rows as a file maps them: SKU, name, category, manufacturer, part number, barcode, cost, price, serialized (Spanish numbers). */
function productRows(prefix: string, category: string): string[][] {
  return Array.from({ length: ROWS }, (_, i) => [
    `${prefix}-${String(i).padStart(6, '0')}`,
    `Imported product ${i} ${i % 7 === 0 ? 'ThinkPad' : 'Cable'}`,
    category,
    i % 3 === 0 ? 'Lenovo' : 'Ubiquiti',
    `MPN-${prefix}-${i}`,
    String(8_400_000_000_000 + i),
    `${(i % 500) + 1},${String(i % 100).padStart(2, '0')}`,
    `${(i % 900) + 2},50`,
    i % 5 === 0 ? 'sí' : 'no',
  ]);
}

export function measureImports(app: App, token: string): void {
  const sqlite = app.ctx.sqlite;
  const category = 'Bench import';
  must(app.call('catalog.saveCategory', { name: category }, token), 'catalog.saveCategory');
  const rows = productRows('IMP', category);
  const fields = ['sku', 'name', 'category', 'manufacturer', 'manufacturerPartNumber', 'barcode', 'unitCost', 'unitPrice', 'serialized'];
  try {
    let created = 0;
    const ms = timed(() => {
      created = must(app.call('imports.run', { kind: 'products', language: 'es', fields, rows }, token), 'imports.run').created;
    });
    if (created !== ROWS) throw new Error(`imported ${created} of ${ROWS} rows`);
    const categoryId = (sqlite.prepare(`SELECT id FROM categories WHERE name = ?`).get(category) as { id: number }).id;
    const baselineRows = productRows('RAW', category);
    const baselineMs = timed(() => {
      const insert = sqlite.prepare(
        `INSERT INTO products (sku, name, category_id, manufacturer, manufacturer_part_number, barcode, unit_cost, unit_price, serialized, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const now = Date.now();
      sqlite.transaction(() => {
        for (const r of baselineRows) insert.run(r[0], r[1], categoryId, r[3], r[4], r[5], 10_000, 20_000, r[8] === 'sí' ? 1 : 0, now, now);
      })();
    });
    record('import100kProducts', ms, baselineMs);
    log(`  ${ROWS.toLocaleString('en')} rows, ${fields.length} columns, Spanish numbers; baseline: raw INSERTs of as many rows`);
  } catch (error) {
    record('import100kProducts', Number.NaN, Number.NaN, error instanceof Error ? error.message : String(error));
  }
}
