import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { amount, cost, documentMoney, epochMs, money, optionalDay } from './contract/define';
import { CSV_BOM, csvCell, csvHeader, csvMoment, csvMoney, csvRecords, csvSeparator, csvText, defuseFormula, fieldSchema, kindOf, valueAt, type CsvColumn, type CsvOptions } from './csv';

const es: CsvOptions = { language: 'es', timeZone: 'Europe/Madrid', yes: 'Sí', no: 'No' };
const en: CsvOptions = { language: 'en', timeZone: 'Europe/London', yes: 'Yes', no: 'No' };

describe('kinds from the contract schema', () => {
  const row = z.object({
    sku: z.string(),
    status: z.enum(['open', 'closed']),
    qty: z.number().int(),
    unitCost: cost(money),
    price: money.optional(),
    freight: documentMoney.nullable(),
    value: cost(amount),
    createdAt: epochMs,
    receivedAt: epochMs.nullable(),
    expected: optionalDay,
    active: z.boolean(),
    serials: z.array(z.string()),
    lines: z.array(z.object({ sku: z.string() })),
    product: z.object({ name: z.string(), unitPrice: money }).nullable(),
    either: z.union([z.literal('a'), z.literal('b')]),
  });

  it.each([
    ['sku', 'text'],
    ['status', 'text'],
    ['qty', 'number'],
    ['unitCost', 'money'],
    ['price', 'money'],
    ['freight', 'money'],
    ['value', 'money'],
    ['createdAt', 'datetime'],
    ['receivedAt', 'datetime'],
    ['expected', 'text'],
    ['active', 'bool'],
    ['serials', 'list'],
    ['product.name', 'text'],
    ['product.unitPrice', 'money'],
    ['either', 'text'],
  ])('%s is %s', (field, kind) => {
    expect(kindOf(fieldSchema(row, field)!)).toBe(kind);
  });

  it('has no kind for what no cell can show, and no schema for a field the row lacks', () => {
    expect(kindOf(fieldSchema(row, 'lines')!)).toBeNull();
    expect(kindOf(fieldSchema(row, 'product')!)).toBeNull();
    expect(fieldSchema(row, 'nothing')).toBeNull();
    expect(fieldSchema(row, 'sku.length')).toBeNull();
    expect(fieldSchema(row, 'lines.sku')).toBeNull();
    // Inherited names are not fields.
    expect(fieldSchema(row, 'constructor')).toBeNull();
    expect(fieldSchema(row, 'toString')).toBeNull();
  });

  it('reads dotted paths of a row', () => {
    expect(valueAt({ product: { name: 'X' } }, 'product.name')).toBe('X');
    expect(valueAt({ product: null }, 'product.name')).toBeUndefined();
  });
});

describe('cells', () => {
  const text: Pick<CsvColumn, 'kind'> = { kind: 'text' };

  it.each([
    [125_000, 'es', '12,50'],
    [125_000, 'en', '12.50'],
    [123_456, 'en', '12.3456'],
    [120_100, 'en', '12.01'],
    [0, 'es', '0,00'],
    [5, 'en', '0.0005'],
    [-25_000, 'es', '-2,50'],
    ['123456789012345678', 'en', '12345678901234.5678'],
    ['-90071992547409910000', 'es', '-9007199254740991,00'],
  ] as const)('money %s in %s is %s', (minor, language, expected) => {
    expect(csvMoney(minor, language)).toBe(expected);
  });

  it('writes moments in the user zone as ISO day and time', () => {
    const ms = Date.UTC(2026, 11, 4, 23, 30);
    expect(csvMoment(ms, 'UTC')).toBe('2026-12-04 23:30');
    expect(csvMoment(ms, 'Europe/Madrid')).toBe('2026-12-05 00:30');
    expect(csvMoment(ms, 'America/New_York')).toBe('2026-12-04 18:30');
    expect(csvMoment(Date.UTC(2026, 6, 1, 0, 5), 'Europe/Madrid')).toBe('2026-07-01 02:05');
  });

  it('writes flags, lists, numbers and labels in the language', () => {
    expect(csvCell(true, { kind: 'bool' }, es)).toBe('Sí');
    expect(csvCell(false, { kind: 'bool' }, en)).toBe('No');
    expect(csvCell(['A1', 'B2'], { kind: 'list' }, en)).toBe('A1 B2');
    expect(csvCell(['inventory.view', 'other'], { kind: 'list', labels: { 'inventory.view': 'View inventory' } }, en)).toBe('View inventory, other');
    expect(csvCell(-3, { kind: 'number' }, es)).toBe('-3');
    expect(csvCell(2.5, { kind: 'number' }, es)).toBe('2,5');
    expect(csvCell('partiallyReceived', { kind: 'text', labels: { partiallyReceived: 'Recibido en parte' } }, es)).toBe('Recibido en parte');
    expect(csvCell('other', { kind: 'text', labels: { partiallyReceived: 'x' } }, es)).toBe('other');
    expect(csvCell(null, { kind: 'money' }, es)).toBe('');
    expect(csvCell(undefined, text, es)).toBe('');
  });

  it.each(['=1+2', '+SUM(A1)', '-2+3', '@cmd', '\tTAB', '\rCR', '=HYPERLINK("http://x","click")'])('defuses text that starts a formula: %j', (value) => {
    expect(csvCell(value, text, en)).toBe(`'${value}`);
    expect(csvCell([value], { kind: 'list' }, en)).toBe(`'${value}`);
    expect(csvHeader([{ header: value }])).toEqual([`'${value}`]);
    // A label the screen gave is text too.
    expect(csvCell('x', { kind: 'text', labels: { x: value } }, en)).toBe(`'${value}`);
  });

  it('leaves other text and our own negative numbers alone', () => {
    expect(defuseFormula('Laptop = fast')).toBe('Laptop = fast');
    expect(defuseFormula('SN-1')).toBe('SN-1');
    expect(csvCell(-250_000, { kind: 'money' }, en)).toBe('-25.00');
  });
});

describe('files', () => {
  it('separates with ; in Spanish and , in English, ends records with CRLF and quotes what needs it', () => {
    expect(csvSeparator('es')).toBe(';');
    expect(csvSeparator('en')).toBe(',');
    const records = [
      ['a;b', 'c,d', 'say "hi"'],
      ['line\nbreak', ' padded ', 'ñandú'],
    ];
    const spanish = csvText(records, 'es');
    expect(spanish.endsWith('\r\n')).toBe(true);
    expect(spanish.split('\r\n')[0]).toBe('"a;b";c,d;"say ""hi"""');
    // What a CSV reader gets back is exactly what was written.
    expect(parse(spanish, { delimiter: ';' })).toEqual(records);
    expect(parse(csvText(records, 'en'), { delimiter: ',' })).toEqual(records);
  });

  it('quotes every line break, so a cell never starts a row of its own (nor a formula after it)', () => {
    const records = [['Widget\n=cmd|calc', 'a\rb', 'c\r\nd', 'plain']];
    for (const language of ['es', 'en'] as const) {
      const text = csvText(records, language);
      // Outside quotes, the only line break is the record's own CRLF at the end.
      const outside = text.split('"').filter((_, i) => i % 2 === 0).join('');
      expect(outside.replace(/\r\n$/, ''), language).not.toMatch(/[\r\n]/);
      expect(parse(text, { delimiter: csvSeparator(language) })).toEqual(records);
    }
  });

  it('takes only the labels own words: values named like built-in properties are written as they are', () => {
    const labels = { open: 'Abierto' };
    for (const value of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
      expect(csvCell(value, { kind: 'text', labels }, es)).toBe(value);
    }
    expect(csvText([[csvCell('constructor', { kind: 'text', labels }, es)]], 'es')).toBe('constructor\r\n');
  });

  it('makes records from rows by column', () => {
    const columns: CsvColumn[] = [
      { field: 'sku', header: 'SKU', kind: 'text' },
      { field: 'unitCost', header: 'Coste', kind: 'money' },
      { field: 'product.active', header: 'Activo', kind: 'bool' },
    ];
    const rows = [{ sku: 'A', unitCost: 10_000, product: { active: true } }, { sku: '=B', unitCost: null, product: null }];
    expect(csvRecords(rows, columns, es)).toEqual([
      ['A', '1,00', 'Sí'],
      ["'=B", '', ''],
    ]);
    expect(CSV_BOM).toBe('\uFEFF');
  });
});
