// Reading an import's file and mapping its columns: separators, the byte-order mark, quoted cells, headers
// matched in either language, and the remembered mapping.
import { describe, expect, it } from 'vitest';
import { readCsv } from './csvFile';
import { guessMapping, initialMapping, mappedRows, readRememberedMapping, rememberMapping } from './mapping';
import { MemoryStorage } from '@renderer/lib/list/storageFakes';

describe('readCsv', () => {
  it('reads a Spanish file with a byte-order mark, `;` and a quoted cell holding the separator', () => {
    const file = readCsv('\uFEFFSKU;Nombre;Coste unitario\r\nA-1;"Cable; 2 m";12,50\r\n\r\nB-2;Ratón\r\n');
    expect(file).toEqual({ separator: ';', headers: ['SKU', 'Nombre', 'Coste unitario'], rows: [['A-1', 'Cable; 2 m', '12,50'], ['B-2', 'Ratón', '']] });
  });

  it('reads an English file separated by commas', () => {
    expect(readCsv('sku,name\nA-1,"Dock, USB-C"\n')).toMatchObject({ separator: ',', rows: [['A-1', 'Dock, USB-C']] });
  });

  it('throws on text that is not CSV', () => {
    expect(() => readCsv('a,b\n"unclosed,1\n')).toThrow();
  });
});

describe('mapping', () => {
  const names = (field: string) => ({ sku: ['Código'], name: ['Nombre'], unitCost: ['Coste unitario', 'Unit cost'] })[field] ?? [];

  it('matches headers by field name or label, ignoring case and accents, each header once', () => {
    expect(guessMapping(['sku', 'name', 'unitCost', 'barcode'], ['CODIGO', 'nombre', 'Coste Unitario', 'Notes'], names)).toEqual({ sku: 'CODIGO', name: 'nombre', unitCost: 'Coste Unitario', barcode: null });
  });

  it('prefers the remembered mapping where the file has that column, and remembers per user and kind', () => {
    const storage = new MemoryStorage();
    rememberMapping(storage, 7, 'products', { sku: 'Ref', name: null, unitCost: 'Gone' });
    const remembered = readRememberedMapping(storage, 7, 'products');
    expect(readRememberedMapping(storage, 8, 'products')).toEqual({});
    const mapping = initialMapping(['sku', 'name', 'unitCost'], ['Ref', 'SKU', 'Name', 'Unit cost'], remembered, { sku: 'SKU', name: 'Name', unitCost: 'Unit cost' });
    expect(mapping).toEqual({ sku: 'Ref', name: null, unitCost: 'Unit cost' });
    expect(mappedRows(['Ref', 'SKU', 'Name', 'Unit cost'], [['R1', 'S1', 'N1', '5']], mapping)).toEqual({ fields: ['sku', 'unitCost'], rows: [['R1', '5']] });
  });
});
