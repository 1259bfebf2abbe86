// CSV export of every paged list, against the demo data: the file holds exactly the rows the list's own
// channel gives the same user (same filters, same order), chunk after chunk; the door of the list applies
// (permission, module, validation, costs); cost columns are left out for users without costs.view.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permissions, schemaDef, type ChannelName, type ChannelOutput } from '@shared/contract';
import { fieldSchema, isCostField, kindOf } from '@shared/csv';
import type { Result } from '@shared/errors';
import type { z } from 'zod';
import { createApp, type App } from '../app';
import { unmatchableHash } from '../domain/auth/password';
import { createUser } from '../domain/auth/users';
import { silentLog } from '../log/appLog';
import { sampleInput } from '../testing/sampleInput';
import { contract } from '@shared/contract';
import { exportableLists, exportSettings, listRowSchema } from './exports';

const defOf = schemaDef;

/** Every field of a row a cell can show (top level), by name. */
function cellFields(list: ChannelName): string[] {
  const row = listRowSchema(list)!;
  let def = defOf(row);
  while (def.type !== 'object') def = defOf(def.innerType as z.ZodType);
  return Object.keys(def.shape as object).filter((field) => kindOf(fieldSchema(row, field)!) !== null);
}

const isCost = (list: ChannelName, field: string) => isCostField(listRowSchema(list)!, field);

function data<T>(result: Result<T> | Promise<Result<T>>): T {
  if (result instanceof Promise) throw new Error('asynchronous');
  if (!result.ok) throw new Error(`${result.error.code}: ${JSON.stringify(result.error.details)}`);
  return result.data;
}

const base: { language: 'es' | 'en'; timeZone: string; yes: string; no: string } = { language: 'en', timeZone: 'UTC', yes: 'Yes', no: 'No' };

describe('CSV export of every list', () => {
  let app: App;
  let dir: string;
  let admin: string;
  let clerk: string;
  let nobody: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'exports-'));
    app = createApp({ dbPath: join(dir, 'exports.db'), checkOutputs: true, log: silentLog });
    app.loadDemoIntoEmptyDatabase();
    const adminId = (app.ctx.sqlite.prepare(`SELECT id FROM users WHERE username = 'admin'`).get() as { id: number }).id;
    admin = app.sessions.create(adminId);
    const user = (username: string, granted: readonly string[]) =>
      app.sessions.create(createUser(app.ctx, { username, displayName: username, permissions: granted as never, isAdmin: false, passwordHash: unmatchableHash }).id);
    clerk = user('clerk', permissions.filter((p) => p !== 'admin' && p !== 'costs.view'));
    nobody = user('nobody', []);
  });
  afterAll(() => {
    app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The whole file as one text, chunk after chunk, with the chunks' answers. */
  function exportAll(list: string, input: Record<string, unknown>, columns: { field: string; header: string; labels?: Record<string, string> }[], as = admin, options: Partial<typeof base> = {}) {
    const chunks: ChannelOutput<'lists.export'>[] = [];
    let cursor: string | null = null;
    do {
      const chunk: ChannelOutput<'lists.export'> = data(app.dispatch('lists.export', { ...base, ...options, list, input, columns, cursor }, as) as Result<ChannelOutput<'lists.export'>>);
      chunks.push(chunk);
      cursor = chunk.next;
      if (chunks.length > 10_000) throw new Error('no end');
    } while (cursor !== null);
    return { text: chunks.map((c) => c.csv).join(''), chunks };
  }

  /** Every row of a list as its own channel gives them, page by page. */
  function allRows(list: ChannelName, input: Record<string, unknown>, as = admin): unknown[] {
    const rows: unknown[] = [];
    for (let page = 1; ; page++) {
      const answer = data(app.dispatch(list, { ...input, page, pageSize: 200 }, as) as Result<{ rows: unknown[] }>);
      rows.push(...answer.rows);
      if (answer.rows.length < 200) return rows;
    }
  }

  /** The list's filters a test can always send: the required ones, from the schema. */
  function requiredInput(list: ChannelName): Record<string, unknown> {
    const { page: _p, pageSize: _s, sortDirection: _d, ...rest } = sampleInput(contract[list].input) as Record<string, unknown>;
    return rest;
  }

  it('offers every paged list of the contract', () => {
    const lists = exportableLists();
    expect(lists).toEqual(expect.arrayContaining(['stock.history', 'catalog.listProducts', 'stock.listInventoryProducts', 'stock.listLots', 'purchasing.listOrders', 'sales.listCharges', 'devices.list']));
    expect(lists.length).toBeGreaterThan(20);
    expect(lists).not.toContain('stock.verifyLedger');
    expect(lists).not.toContain('lists.export');
  });

  // Small chunks, so every list with a few rows is read in several.
  describe.each([2_000, 7])('chunks of %i rows', (chunkRows) => {
    beforeAll(() => {
      exportSettings.chunkRows = chunkRows;
    });
    afterAll(() => {
      exportSettings.chunkRows = 2_000;
    });

    it.each(exportableLists())('%s: every row the list gives, in its order, one record each', (list) => {
      const input = requiredInput(list);
      const fields = cellFields(list);
      expect(fields.length, list).toBeGreaterThan(0);
      const expected = allRows(list, input);
      const { text, chunks } = exportAll(
        list,
        input,
        fields.map((field) => ({ field, header: `h:${field}` })),
      );
      expect(text.startsWith('\uFEFF')).toBe(true);
      expect(chunks.slice(1).every((c) => !c.csv.startsWith('\uFEFF'))).toBe(true);
      const records = parse(text.slice(1), { delimiter: ',', relax_column_count: false }) as string[][];
      expect(records[0]).toEqual(fields.map((f) => `h:${f}`));
      expect(records.length - 1, list).toBe(expected.length);
      expect(chunks.reduce((n, c) => n + c.rows, 0)).toBe(expected.length);
      if (!chunks[0]!.totalCapped) expect(chunks[0]!.total, list).toBe(expected.length);
      // The same rows in the same order: each record's text cells are the row's own.
      const texts = fields.filter((f) => kindOf(fieldSchema(listRowSchema(list)!, f)!) === 'text');
      for (const [i, row] of expected.entries()) {
        for (const field of texts) {
          const value = (row as Record<string, unknown>)[field];
          const cell = records[i + 1]![fields.indexOf(field)]!;
          expect(cell.replace(/^'/, ''), `${list} row ${i} ${field}`).toBe(value === null || value === undefined ? '' : String(value));
        }
      }
    });
  });

  it('has enough history in the demo to read it in several chunks, and follows its filters and sort', () => {
    exportSettings.chunkRows = 5;
    try {
      const locationId = (app.ctx.sqlite.prepare(`SELECT to_location_id AS id FROM stock_moves GROUP BY to_location_id ORDER BY count(*) DESC LIMIT 1`).get() as { id: number }).id;
      const productId = (app.ctx.sqlite.prepare(`SELECT product_id AS id FROM stock_moves GROUP BY product_id ORDER BY count(*) DESC LIMIT 1`).get() as { id: number }).id;
      const serial = (app.ctx.sqlite.prepare(`SELECT serial_number AS s FROM lots WHERE serial_number IS NOT NULL LIMIT 1`).get() as { s: string }).s;
      const times = app.ctx.sqlite.prepare(`SELECT min(occurred_at) AS a, max(occurred_at) AS b FROM stock_moves`).get() as { a: number; b: number };
      const variants: Record<string, unknown>[] = [
        {},
        { sortBy: 'occurredAt', sortDirection: 'asc' },
        { sortBy: 'occurredAt', sortDirection: 'desc' },
        { locationId },
        { locationId, sortBy: 'occurredAt', sortDirection: 'asc' },
        { productId },
        { serial },
        { from: Math.floor((times.a + times.b) / 2) },
        { to: Math.floor((times.a + times.b) / 2), sortBy: 'occurredAt', sortDirection: 'asc' },
      ];
      for (const input of variants) {
        const expected = allRows('stock.history', input) as { key: string; occurredAt: number }[];
        const { text, chunks } = exportAll('stock.history', input, [{ field: 'key', header: 'Key' }, { field: 'occurredAt', header: 'When' }]);
        const keys = (parse(text.slice(1)) as string[][]).slice(1).map((r) => r[0]);
        expect(keys, JSON.stringify(input)).toEqual(expected.map((r) => r.key));
        expect(chunks[0]!.total, JSON.stringify(input)).toBe(expected.length);
        if (Object.keys(input).length === 0) expect(chunks.length).toBeGreaterThan(10);
      }
    } finally {
      exportSettings.chunkRows = 2_000;
    }
  });

  it('writes every amount of money of a row as money, not as a count', () => {
    const moneyName = /(cost|price|msrp|total|freight|amount|value|margin|fee)$/i;
    const counts = exportableLists().flatMap((list) =>
      cellFields(list)
        .filter((field) => moneyName.test(field) && !/^split/.test(field) && kindOf(fieldSchema(listRowSchema(list)!, field)!) !== 'money')
        .map((field) => `${list}.${field}`),
    );
    expect(counts).toEqual([]);
  });

  it('writes Spanish files with ; and decimal commas, English with , and points', () => {
    const columns = [
      { field: 'sku', header: 'SKU' },
      { field: 'unitPrice', header: 'Precio' },
    ];
    const es = exportAll('catalog.listProducts', { sortBy: 'sku' }, columns, admin, { language: 'es' }).text;
    const en = exportAll('catalog.listProducts', { sortBy: 'sku' }, columns).text;
    const esRecords = parse(es.slice(1), { delimiter: ';' }) as string[][];
    const enRecords = parse(en.slice(1), { delimiter: ',' }) as string[][];
    expect(esRecords[0]).toEqual(['SKU', 'Precio']);
    expect(esRecords.length).toBe(enRecords.length);
    for (let i = 1; i < esRecords.length; i++) {
      expect(esRecords[i]![1]).toMatch(/^\d+,\d{2,4}$|^$/);
      expect(enRecords[i]![1]).toBe(esRecords[i]![1]!.replace(',', '.'));
    }
  });

  it('uses the words the screen gives for coded values, and defuses formulas in any text', () => {
    data(app.dispatch('catalog.createProduct', { sku: '=HYPERLINK("http://evil","x")', name: '@SUM(1+1)', unitCost: 10_000, unitPrice: 20_000, msrp: 25_000, serialized: false }, admin) as Result<unknown>);
    const { text } = exportAll('catalog.listProducts', { q: 'evil' }, [
      { field: 'sku', header: '=SKU' },
      { field: 'name', header: 'Name' },
      { field: 'serialized', header: 'Serialized' },
    ]);
    const records = parse(text.slice(1)) as string[][];
    expect(records[0]).toEqual(["'=SKU", 'Name', 'Serialized']);
    expect(records[1]).toEqual([`'=HYPERLINK("http://evil","x")`, "'@SUM(1+1)", 'No']);
    const orders = exportAll('purchasing.listOrders', {}, [{ field: 'status', header: 'Estado', labels: { receivedFull: 'Recibido', new: 'Nuevo' } }], admin, { language: 'es' });
    const statuses = new Set((parse(orders.text.slice(1), { delimiter: ';' }) as string[][]).slice(1).map((r) => r[0]));
    expect(statuses.has('receivedFull') || statuses.has('new')).toBe(false);
    expect(statuses.has('Recibido') && statuses.has('Nuevo')).toBe(true);
    // A value the screen gave no word for is written as it is.
    expect(statuses.has('submitted')).toBe(true);
  });

  it('leaves out cost columns for a user without costs.view, and names them', () => {
    // Lists only a user with costs.view may read at all (inventory value) are refused whole, as on screen.
    const lists = exportableLists().filter((list) => cellFields(list).some((f) => isCost(list, f)) && !contract[list].costsVisibleTo && contract[list].permission !== 'costs.view');
    expect(lists).toEqual(expect.arrayContaining(['catalog.listProducts', 'stock.listInventoryProducts', 'stock.listLots']));
    for (const list of lists) {
      const fields = cellFields(list);
      const costs = fields.filter((f) => isCost(list, f));
      const columns = fields.map((field) => ({ field, header: field }));
      const input = requiredInput(list);
      const clerkFile = exportAll(list, input, columns, clerk);
      expect(clerkFile.chunks[0]!.dropped, list).toEqual(costs);
      const header = (parse(clerkFile.text.slice(1)) as string[][])[0];
      expect(header, list).toEqual(fields.filter((f) => !costs.includes(f)));
      // The admin's file has them.
      expect(exportAll(list, input, columns).chunks[0]!.dropped).toEqual([]);
    }
  });

  it('refuses what the list itself refuses, and changes nothing', () => {
    const columns = [{ field: 'sku', header: 'SKU' }];
    const refusal = (input: Record<string, unknown>, as: string | null = admin) => {
      const result = app.dispatch('lists.export', { ...base, list: 'catalog.listProducts', input: {}, columns, cursor: null, ...input }, as) as Result<unknown>;
      expect(result.ok, JSON.stringify(input)).toBe(false);
      return !result.ok ? result.error : null!;
    };
    expect(refusal({}, null).code).toBe('UNAUTHENTICATED');
    expect(refusal({}, nobody)).toMatchObject({ code: 'FORBIDDEN', details: { permission: 'inventory.view' } });
    expect(refusal({ list: 'stock.history', columns: [{ field: 'sku', header: 'SKU' }] }, nobody)).toMatchObject({ code: 'FORBIDDEN' });
    // Sorting or filtering by a cost is refused to a user who may not see costs, as on the list itself.
    expect(refusal({ input: { sortBy: 'unitCost' } }, clerk)).toMatchObject({ code: 'FORBIDDEN', details: { permission: 'costs.view' } });
    expect(refusal({ list: 'stock.adjust' }).code).toBe('VALIDATION');
    expect(refusal({ list: 'auth.status' }).code).toBe('VALIDATION');
    expect(refusal({ list: 'stock.verifyLedger' }).code).toBe('VALIDATION');
    expect(refusal({ list: 'lists.export' }).code).toBe('VALIDATION');
    expect(refusal({ list: 'nothing.here' }).code).toBe('VALIDATION');
    expect(refusal({ list: '__proto__' }).code).toBe('VALIDATION');
    expect(refusal({ columns: [{ field: 'nothing', header: 'X' }] })).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'columns.0.field' }] } });
    expect(refusal({ columns: [{ field: 'constructor', header: 'X' }] }).code).toBe('VALIDATION');
    expect(refusal({ columns: [] }).code).toBe('VALIDATION');
    expect(refusal({ input: { sortBy: 'nothing' } })).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'input.sortBy' }] } });
    expect(refusal({ cursor: 'p1000001' }).code).toBe('VALIDATION');
    expect(refusal({ input: { search: 42 } }).code).toBe('VALIDATION');
    expect(refusal({ input: { unknownFilter: 1 } }).code).toBe('VALIDATION');
    expect(refusal({ cursor: 'p0' }).code).toBe('VALIDATION');
    expect(refusal({ cursor: 'k1m1' }).code).toBe('VALIDATION');
    expect(refusal({ list: 'stock.history', columns: [{ field: 'key', header: 'K' }], cursor: 'p2' }).code).toBe('VALIDATION');
    expect(refusal({ timeZone: 'Mars/Olympus' }).code).toBe('VALIDATION');
    expect(refusal({ language: 'fr' }).code).toBe('VALIDATION');
    // A screen's page and page size are not the file's: all rows are exported whatever they say.
    const all = exportAll('catalog.listProducts', { page: 3, pageSize: 1 }, columns);
    expect(all.chunks[0]!.rows).toBe(allRows('catalog.listProducts', {}).length);
  });

  it('answers MODULE_DISABLED for a list of a module that is off', () => {
    data(app.dispatch('activations.set', { inventory: true, procurement: true, rma: false }, admin) as Result<unknown>);
    try {
      const result = app.dispatch('lists.export', { ...base, list: 'rma.list', input: {}, columns: [{ field: 'number', header: 'N' }], cursor: null }, admin) as Result<unknown>;
      expect(result).toMatchObject({ ok: false, error: { code: 'MODULE_DISABLED', details: { module: 'rma' } } });
    } finally {
      data(app.dispatch('activations.set', { inventory: true, procurement: true, rma: true }, admin) as Result<unknown>);
    }
  });
});
