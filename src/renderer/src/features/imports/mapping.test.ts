// Reading an import's file and mapping its columns: separators, the byte-order mark, quoted cells, headers
// matched in either language, and the remembered mapping.
import { describe, expect, it } from 'vitest';
import { decodeCsv, readCsv } from './csvFile';
import { guessMapping, initialMapping, mappedRows, readRememberedMapping, rememberMapping } from './mapping';
import { MemoryStorage } from '@renderer/lib/list/storageFakes';

describe('readCsv', () => {
  it('reads a Spanish file with a byte-order mark, `;` and a quoted cell holding the separator', () => {
    const file = readCsv('\uFEFFSKU;Nombre;Coste unitario\r\nA-1;"Cable; 2 m";12,50\r\n\r\nB-2;Ratón\r\n');
    // Rows are numbered as in the file, its blank row counted.
    expect(file).toEqual({ separator: ';', headers: ['SKU', 'Nombre', 'Coste unitario'], rows: [['A-1', 'Cable; 2 m', '12,50'], ['B-2', 'Ratón', '']], rowNumbers: [1, 3] });
  });

  it('tells repeated column names apart, so each can be chosen', () => {
    expect(readCsv('Precio;Notas;precio;Notas;Notas\n1;a;2;b;c\n').headers).toEqual(['Precio', 'Notas', 'precio (2)', 'Notas (2)', 'Notas (3)']);
  });

  it('reads a file Excel saved as Windows-1252 as well as one saved as UTF-8', () => {
    const latin1 = new Uint8Array([0x41, 0x6c, 0x6d, 0x61, 0x63, 0xe9, 0x6e, 0x3b, 0x31]); // "Almacén;1" in Windows-1252
    expect(decodeCsv(latin1.buffer)).toBe('Almacén;1');
    expect(decodeCsv(new TextEncoder().encode('Almacén;1').buffer as ArrayBuffer)).toBe('Almacén;1');
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
