// Barcode labels as a scanner and a reader see them: every code bwip-js draws is decoded back with a
// pure-JS decoder (the PNG the PDF embeds, never a rasterised PDF) and must give exactly the text the
// app's scan boxes look up; the PDF is read back for its page size, its pages and the words on each label.
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { labelFormats, labelSymbologies, type LabelFormat, type LabelSymbology } from '@shared/contract/labels';
import { readBarcode } from '../testing/barcodeReader';
import { pdfInfo, pdfPages, pdfTextRuns } from '../testing/pdfText';
import { code128Unencodable, renderBarcode } from './barcodes';
import { LABEL_FORMATS, renderLabelsPdf, type LabelItem, type LabelsDocument } from './labelsPdf';

const MM = 72 / 25.4;

/** Codes as users type them: short and long SKUs, accents, blanks inside, serials with dashes and slashes, digits only. */
const codes = [
  'LAP-T14',
  'CAB-C6-2M',
  'x',
  '0123456789012345',
  'SN/2026-04/0007',
  'PF3K9-ZX/12-A',
  'sn lower case 42',
  'Portátil Ñandú 15"',
  'Almacén central',
  'Furgoneta de Lucía',
  'A-01/03',
  'ÀÉÎÕÜ çñ ßøå',
  'Tab\tinside',
  'quote\'s & <tags>',
];
/** Beyond Latin-1: only QR holds them. */
const unicodeOnly = ['Almacén € 1', 'Łódź-Żółć', '東京-01', 'Ω-Δ/µ'];
const longSku = 'DELL-LATITUDE-5440-I7-1365U-16GB-512GB-W11P-3Y-PROSUPPORT-ES'; // 60 characters, the SKU limit
const longSerial = `SN-${'ABCDEFGHIJ-0123456789/'.repeat(4)}`.slice(0, 100); // the serial limit

describe('the codes read back as scanned', () => {
  it.each(labelSymbologies.flatMap((s) => codes.map((c) => [s, c] as const)))('%s: %j', async (symbology, code) => {
    const image = await renderBarcode(symbology, code);
    expect(readBarcode(image.png, symbology)).toBe(code);
  });

  it.each(unicodeOnly)('QR holds %j; Code 128 refuses it with BARCODE_CHARACTERS', async (code) => {
    expect(readBarcode((await renderBarcode('qr', code)).png, 'qr')).toBe(code);
    expect(code128Unencodable(code).length).toBeGreaterThan(0);
    await expect(renderBarcode('code128', code)).rejects.toMatchObject({ code: 'BARCODE_CHARACTERS', details: { text: code } });
  });

  it.each(labelSymbologies.flatMap((s) => [longSku, longSerial].map((c) => [s, c] as const)))('%s draws the longest codes too: %j', async (symbology, code) => {
    expect(readBarcode((await renderBarcode(symbology, code)).png, symbology)).toBe(code);
  });

  it('a Code 128 decoder does not read a QR image, nor the other way round', async () => {
    expect(() => readBarcode(renderedSync.qr, 'code128')).toThrow();
    expect(() => readBarcode(renderedSync.code128, 'qr')).toThrow();
  });
});

const renderedSync = {
  qr: (await renderBarcode('qr', 'LAP-T14')).png,
  code128: (await renderBarcode('code128', 'LAP-T14')).png,
};

function doc(items: LabelItem[], symbology: LabelSymbology, format: LabelFormat, copies = 1): LabelsDocument {
  return { locale: 'es', symbology, format, copies, day: '2026-03-14', author: 'Soluciones Núñez S.L.', items };
}

async function pageSizes(bytes: Uint8Array): Promise<Array<[number, number]>> {
  const pdf = await PDFDocument.load(bytes);
  return pdf.getPages().map((p) => [Math.round(p.getWidth() * 10) / 10, Math.round(p.getHeight() * 10) / 10]);
}

const round = (n: number) => Math.round(n * 10) / 10;
const products: LabelItem[] = Array.from({ length: 26 }, (_, i) => ({ code: `SKU-${String(i + 1).padStart(3, '0')}`, caption: `Portátil de prueba nº ${i + 1}` }));

describe('the PDF', () => {
  it.each(labelSymbologies)('%s on A4: 24 labels a sheet, each code in words with its caption', async (symbology) => {
    const rendered = await renderLabelsPdf(doc(products, symbology, 'a4'));
    expect(rendered).toMatchObject({ labels: 26, pages: 2 });
    expect(await pageSizes(rendered.bytes)).toEqual([
      [595.3, 841.9],
      [595.3, 841.9],
    ]);
    const pages = await pdfPages(rendered.bytes);
    for (const [i, item] of products.entries()) {
      const page = pages[i < 24 ? 0 : 1]!;
      expect(page).toContain(item.code);
      expect(page).toContain(item.caption);
    }
    expect(pages[1]).not.toContain('SKU-024');
    const info = await pdfInfo(rendered.bytes);
    expect(info.imagesPerPage).toEqual([24, 2]);
    expect(info.title).toBe('Etiquetas');
  });

  it.each(labelSymbologies)('%s on a roll: one 62 × 29 mm label a page, copies one after the other', async (symbology) => {
    const items = [
      { code: 'SN/2026-04/0007', caption: 'LAP-T14 · Portátil ThinkPad T14' },
      { code: 'A-01/03', caption: 'Casillero · Almacén central' },
    ];
    const rendered = await renderLabelsPdf(doc(items, symbology, 'roll', 3));
    expect(rendered).toMatchObject({ labels: 6, pages: 6 });
    expect(await pageSizes(rendered.bytes)).toEqual(Array(6).fill([round(62 * MM), round(29 * MM)]));
    const pages = await pdfPages(rendered.bytes);
    expect(pages.map((p) => p.split('\n')[0])).toEqual([...Array(3).fill(items[0]!.code), ...Array(3).fill(items[1]!.code)]);
    // The caption wraps on the narrow label.
    expect(pages[0]!.replace(/\n/g, ' ')).toContain('LAP-T14 · Portátil ThinkPad T14');
    expect(pages[5]!.replace(/\n/g, ' ')).toContain('Casillero · Almacén central');
    // Each distinct code is drawn once and reused by its copies.
    expect((await pdfInfo(rendered.bytes)).imagesPerPage).toEqual(Array(6).fill(1));
  });

  it('prints a Code 128 label’s code under its bars, a QR label’s beside its square', async () => {
    const item = { code: 'LAP-T14', caption: 'Portátil ThinkPad T14' };
    const geometry = LABEL_FORMATS.roll;
    const [linear] = await pdfTextRuns((await renderLabelsPdf(doc([item], 'code128', 'roll'))).bytes);
    const code = linear!.find((r) => r.text === item.code)!;
    // Centred, in the lower part of the label (the bars take the top).
    expect(code.y).toBeLessThan(geometry.label[1] / 2);
    expect(Math.abs(code.x + code.width / 2 - geometry.page[0] / 2)).toBeLessThan(1);
    const [square] = await pdfTextRuns((await renderLabelsPdf(doc([item], 'qr', 'roll'))).bytes);
    const beside = square!.find((r) => r.text === item.code)!;
    expect(beside.x).toBeGreaterThan(geometry.pad[0] + (geometry.label[1] - 2 * geometry.pad[1]));
  });

  it('prints the words of codes the standard font cannot draw as close as it can, and still encodes them whole', async () => {
    const rendered = await renderLabelsPdf(doc([{ code: 'Łódź-01', caption: null }], 'qr', 'a4'));
    // ź loses its accent; Ł has no letter to fall back to.
    expect((await pdfPages(rendered.bytes))[0]).toBe('?ódz-01');
  });

  it.each(labelFormats)('wraps a 100-character serial beside its QR code on %s, whole', async (format) => {
    const rendered = await renderLabelsPdf(doc([{ code: longSerial, caption: 'LAP-T14 · Portátil' }], 'qr', format));
    const text = (await pdfPages(rendered.bytes))[0]!.replace(/\n/g, '');
    expect(text).toContain(longSerial);
  });

  it('refuses a Code 128 too long for the label (its bars would be too thin) and names it; QR prints it', async () => {
    await expect(renderLabelsPdf(doc([{ code: 'LAP-T14', caption: null }, { code: longSku, caption: null }], 'code128', 'roll'))).rejects.toMatchObject({
      code: 'BARCODE_TOO_LONG',
      details: { text: longSku, format: 'roll' },
    });
    await expect(renderLabelsPdf(doc([{ code: longSku, caption: null }], 'code128', 'a4'))).rejects.toMatchObject({ code: 'BARCODE_TOO_LONG' });
    expect((await renderLabelsPdf(doc([{ code: longSku, caption: null }], 'qr', 'roll'))).pages).toBe(1);
    // A serial of a common length fits both formats.
    for (const format of labelFormats) expect((await renderLabelsPdf(doc([{ code: 'PF3K9ZX1-2026-000123', caption: null }], 'code128', format))).labels).toBe(1);
  });

  it('starts on a sheet already partly used: the labels before the first free one stay blank', async () => {
    const items = products.slice(0, 3);
    const rendered = await renderLabelsPdf({ ...doc(items, 'code128', 'a4'), startAt: 23 });
    expect(rendered).toMatchObject({ labels: 3, pages: 2 });
    expect((await pdfInfo(rendered.bytes)).imagesPerPage).toEqual([2, 1]);
    const [first, second] = await pdfTextRuns(rendered.bytes);
    const at = (runs: typeof first, code: string) => runs!.find((r) => r.text === code)!;
    const { label, page } = LABEL_FORMATS.a4;
    // Labels 23 and 24: the last row, middle and right; then the top left of a new sheet.
    expect(at(first, 'SKU-001').x).toBeGreaterThan(label[0]);
    expect(at(first, 'SKU-001').x).toBeLessThan(2 * label[0]);
    expect(at(first, 'SKU-002').x).toBeGreaterThan(2 * label[0]);
    expect(at(first, 'SKU-002').y).toBeLessThan(label[1]);
    expect(at(second, 'SKU-003').x).toBeLessThan(label[0]);
    expect(at(second, 'SKU-003').y).toBeGreaterThan(page[1] - label[1]);
  });

  it('gives the same bytes for the same labels', async () => {
    const a = await renderLabelsPdf(doc(products.slice(0, 5), 'qr', 'a4', 2));
    const b = await renderLabelsPdf(doc(products.slice(0, 5), 'qr', 'a4', 2));
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
  });
});
