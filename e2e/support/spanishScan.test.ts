// The Spanish-screen scan finds raw keys, unfilled placeholders and English words, and leaves Spanish
// text, amounts, dates, codes and the journey's own data alone.
import { describe, expect, it } from 'vitest';
import { resourcesEn, resourcesEs } from '@renderer/app/locales/resources';
import { scanSpanishText, translationKeys } from './spanishScan';

const keys = translationKeys();
const scan = (text: string, allowed: string[] = []) => scanSpanishText(text, { keys, allowed }).map((f) => `${f.kind}:${f.found}`);

describe('scanSpanishText', () => {
  it('finds raw translation keys, with or without their namespace', () => {
    expect(scan('Valor del inventario\nvalue.byLocation')).toEqual(['key:value.byLocation']);
    expect(scan('stock:value.title')).toEqual(['key:stock:value.title']);
    expect(scan('common:loading')).toEqual(['key:common:loading']);
    expect(scan('Recibidas: purchasing:history.events.received')).toEqual(['key:purchasing:history.events.received']);
  });

  it('finds placeholders i18next left unfilled', () => {
    expect(scan('Emitida el {{date}}')).toEqual(['placeholder:{{date}}']);
    expect(scan('{{count}} líneas · {{ total }}')).toEqual(['placeholder:{{count}}', 'placeholder:{{ total }}']);
  });

  it('finds English words and sentences', () => {
    const bad: [string, string][] = [
      ['Save', 'english:Save'],
      ['Guardar | Cancel', 'english:Cancel'],
      ['Ubicación: In transit', 'english:In transit'],
      ['In-transit', 'english:In-transit'],
      ['Estado Draft', 'english:Draft'],
      ['Loading…', 'english:Loading'],
      ['Rows per page', 'english:Rows per page'],
    ];
    for (const [text, finding] of bad) expect(scan(text), text).toContain(finding);
    expect(scan('Nothing matches these filters')).toEqual(['english:Nothing']);
    expect(scan('1–50 of 200')).toEqual(['english:of']);
  });

  it('leaves Spanish text, amounts, dates, codes, addresses and data alone', () => {
    const good = [
      'Órdenes de compra',
      'Total 4.320,00 € · Subtotal 4.295,00 €',
      'Emitida el 15/01/2027 14:05',
      'PO-1002 · LAP-X1-G12 · PF4X1A01',
      'USB-C Cable',
      'Método manual · General · Error',
      'pedidos@norte.example',
      'Distribuciones Norte SA · Portátil ThinkPad X1',
      'MSP Inventory',
      'No hay nada en existencia',
      'Factura FV-24117, 2 m',
      'e.g. no es una clave',
      'www.example.com',
    ];
    for (const text of good) expect(scan(text), text).toEqual([]);
  });

  it("leaves the journey's own data alone, however English", () => {
    expect(scan('Observaciones: Deliver to the back door').sort()).toEqual(['english:the', 'english:to']);
    expect(scan('Observaciones: Deliver to the back door', ['Deliver to the back door'])).toEqual([]);
    expect(scan('Cat6 Cable Order 5 · Cat6 Cable', ['Cat6 Cable', 'Cat6 Cable Order 5'])).toEqual([]);
  });

  it('passes the Spanish translations themselves and flags their English originals', () => {
    const texts = (tree: unknown): string[] =>
      typeof tree === 'string' ? [tree] : tree && typeof tree === 'object' ? Object.values(tree).flatMap(texts) : [];
    // Filled placeholders, as a screen shows them.
    const shown = (text: string) => text.replace(/\{\{[^}]*\}\}/g, '7');
    const spanish = texts(resourcesEs).map(shown);
    const flagged = spanish.filter((text) => scan(text).length > 0);
    expect(flagged).toEqual([]);
    const english = texts(resourcesEn).map(shown);
    expect(english.filter((text) => scan(text).length > 0).length).toBeGreaterThan(english.length / 2);
  });
});
