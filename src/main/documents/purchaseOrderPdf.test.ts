import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { formatMoney, formatsFor } from '@shared/formats';
import { bannedTermsIn } from '@shared/glossary';
import { pdfInfo, pdfPages, pdfTextRuns, type TextRun } from '../testing/pdfText';
import { LABELS, renderPurchaseOrderPdf, type PurchaseOrderDocument } from './purchaseOrderPdf';

type Line = PurchaseOrderDocument['lines'][number];

function line(n: number, overrides: Partial<Line> = {}): Line {
  const qty = (n % 4) + 1;
  const unitCost = 125_000 + n * 10_000;
  return { sku: `SKU-${String(n).padStart(4, '0')}`, description: `Cable Cat6 ${n} m`, vendorPartNumber: `VP-${9000 + n}`, qty, unitCost, extended: qty * unitCost, ...overrides };
}

function order(overrides: Partial<PurchaseOrderDocument> = {}): PurchaseOrderDocument {
  const lines = overrides.lines ?? [
    line(1, { description: 'Portátil Dell Latitude 5440, garantía 3 años', vendorPartNumber: 'DL-5440-ÑX', qty: 2, unitCost: 8_995_000, extended: 17_990_000 }),
    line(2, { vendorPartNumber: null }),
  ];
  const subtotal = lines.reduce((sum, l) => sum + l.extended, 0);
  return {
    locale: 'es',
    englishLocale: 'en-GB',
    currency: 'EUR',
    letterhead: { name: 'Soluciones Informáticas Núñez S.L.', address: 'Calle de Alcalá 123\n28009 Madrid', taxId: 'B12345678', email: 'compras@nunez-it.es', phone: '+34 910 000 000' },
    number: 'PO-1001',
    date: '2026-01-15',
    vendor: { name: 'Ingram Micro S.L.U.', address: 'Av. de la Industria 4\n28108 Alcobendas', email: 'pedidos@ingram.es', phone: '902 000 000', accountNumber: 'C-778812' },
    shipTo: { name: 'Clínica Dental Sonrisa', address: 'Paseo de la Castellana 200\nPuerta «A»\n28046 Madrid' },
    purchaseFor: 'Clínica Dental Sonrisa',
    shippingType: 'Urgente 24 h',
    expectedShipDate: '2026-01-20',
    paymentTerms: '30 días fecha factura',
    memo: 'Entregar por la mañana.\nPreguntar por Begoña.',
    lines,
    subtotal,
    freight: 150_000,
    total: subtotal + 150_000,
    ...overrides,
  };
}

/** Money as it reads back from the PDF (no-break spaces come back as spaces). */
function money(minor: number, locale: 'es' | 'en', currency = 'EUR'): string {
  return formatMoney(minor, formatsFor(locale), currency, { maximumFractionDigits: 4 }).replace(/[\u00a0\u202f]/g, ' ');
}

async function textOf(doc: PurchaseOrderDocument): Promise<string[]> {
  return pdfPages(await renderPurchaseOrderPdf(doc));
}

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/** A valid RGB PNG of the given size, built by hand so the test needs no image files. */
function png(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  const rows = Buffer.alloc((width * 3 + 1) * height, 0x80);
  for (let y = 0; y < height; y++) rows[y * (width * 3 + 1)] = 0; // filter: none
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

describe('renderPurchaseOrderPdf', () => {
  it('prints the order in Spanish: parties, lines, totals and notes', async () => {
    const doc = order();
    const [page, ...more] = await textOf(doc);
    expect(more).toHaveLength(0);
    for (const label of ['Orden de compra', 'Proveedor', 'Enviar a', 'Compra para', 'Tipo de envío', 'Fecha prevista de envío', 'Condiciones de pago',
      'SKU N.º pieza prov. Descripción Cant. Costo unitario Importe', 'Subtotal', 'Portes', 'Total', 'Notas', 'Página 1 de 1']) {
      expect(page).toContain(label);
    }
    expect(page).not.toContain('Purchase order');
    expect(page).toContain('Número PO-1001');
    expect(page).toContain('Fecha 15/01/2026');
    expect(page).toContain('20/01/2026');
    expect(page).toContain('Soluciones Informáticas Núñez S.L.');
    expect(page).toContain('NIF: B12345678');
    expect(page).toContain('Ingram Micro S.L.U.');
    expect(page).toContain('N.º de cliente: C-778812');
    expect(page).toContain('Puerta «A»');
    expect(page).toContain(`SKU-0001 DL-5440-ÑX Portátil Dell Latitude 5440, garantía 3 años 2 ${money(8_995_000, 'es')} ${money(17_990_000, 'es')}`);
    expect(page).toContain(`SKU-0002 Cable Cat6 2 m 3 ${money(145_000, 'es')} ${money(435_000, 'es')}`);
    expect(page).toContain(`Subtotal ${money(doc.subtotal, 'es')}`);
    expect(page).toContain(`Portes ${money(150_000, 'es')}`);
    expect(page).toContain(`Total ${money(doc.total, 'es')}`);
    expect(money(doc.total, 'es')).toBe('1.857,50 €');
    expect(page).toContain('Preguntar por Begoña.');
    expect(page.indexOf('Total')).toBeLessThan(page.indexOf('Notas'));
  });

  it('labels the Spanish order with the terms of the screens (src/shared/glossary.ts)', () => {
    const labels = Object.entries(LABELS.es).map(([key, label]) => [key, typeof label === 'function' ? label(1, 2) : label] as const);
    expect(labels.flatMap(([key, label]) => bannedTermsIn(label).map((t) => `${key}: "${t.banned}" → "${t.preferred}"`))).toEqual([]);
    // The test can fail: the labels this order once had are refused.
    expect(bannedTermsIn('Comprado para').length + bannedTermsIn('Ref. proveedor').length).toBe(2);
  });

  it('prints the order in English with English dates and money, day first in en-GB', async () => {
    const doc = order({ locale: 'en' });
    const [page] = await textOf(doc);
    for (const label of ['Purchase order', 'Vendor', 'Ship to', 'Purchase for', 'Shipping', 'Expected ship date', 'Payment terms',
      'SKU Vendor part no. Description Qty Unit cost Amount', 'Subtotal', 'Freight', 'Notes', 'Page 1 of 1']) {
      expect(page).toContain(label);
    }
    expect(page).not.toMatch(/Proveedor|Portes|Página/);
    expect(page).toContain('Date 15/01/2026');
    expect(page).toContain('20/01/2026');
    expect(page).toContain('Tax ID: B12345678');
    expect(page).toContain(`Total ${money(doc.total, 'en')}`);
    expect(money(doc.total, 'en')).toBe('€1,857.50');
    expect(page).toContain(`Freight ${money(150_000, 'en')}`);
  });

  it('writes dates month first for an office that chose en-US, and money as in en-GB', async () => {
    const doc = order({ locale: 'en', englishLocale: 'en-US' });
    const [page] = await textOf(doc);
    expect(page).toContain('Date 01/15/2026');
    expect(page).toContain('01/20/2026');
    expect(page).toContain('Total €1,857.50');
    // The office's English setting never changes a Spanish document.
    const [spanish] = await textOf(order({ locale: 'es', englishLocale: 'en-US' }));
    expect(spanish).toContain('Fecha 15/01/2026');
    expect(spanish).toContain('Total 1.857,50 €');
  });

  it('leaves out the details row and notes when there is nothing to say', async () => {
    const [page] = await textOf(order({ purchaseFor: null, shippingType: null, expectedShipDate: null, paymentTerms: '  ', memo: null }));
    expect(page).not.toMatch(/Comprado para|Condiciones de pago|Notas/);
    expect(page).toContain('Total');
  });

  it('runs 500 lines over many pages, each with its header row and page number, and the totals at the end', async () => {
    const lines = Array.from({ length: 500 }, (_, i) => line(i + 1));
    const doc = order({ locale: 'en', lines });
    const pages = await textOf(doc);
    expect(pages.length).toBeGreaterThan(10);
    const rows: string[] = [];
    pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(page).toContain('PO-1001');
      const pageRows = page.split('\n').filter((l) => /^SKU-\d{4} /.test(l));
      if (pageRows.length > 0) expect(page).toContain('SKU Vendor part no. Description Qty Unit cost Amount');
      rows.push(...pageRows);
    });
    expect(rows.map((r) => r.split(' ')[0])).toEqual(lines.map((l) => l.sku));
    const amounts = rows.map((r) => Math.round(Number(r.split(' ').at(-1)!.replace(/[€,]/g, '')) * 10_000));
    expect(amounts).toEqual(lines.map((l) => l.extended));
    expect(amounts.reduce((a, b) => a + b, 0)).toBe(doc.subtotal);
    const last = pages.at(-1)!;
    expect(last).toContain(`Subtotal ${money(doc.subtotal, 'en')}`);
    expect(last).toContain(`Total ${money(doc.total, 'en')}`);
    expect(pages.slice(0, -1).join('\n')).not.toContain('Subtotal');
  });

  it('keeps the table, totals and notes in order and clear of the footer wherever the page breaks', async () => {
    for (let count = 14; count <= 34; count++) {
      const memo = Array.from({ length: 6 }, (_, i) => `Nota ${i + 1}`).join('\n');
      const runs = await pdfTextRuns(await renderPurchaseOrderPdf(order({ lines: Array.from({ length: count }, (_, i) => line(i + 1)), memo })));
      const text = runs.map((page) => page.map((r) => r.text).join(' ')).join(' ');
      const positions = [`SKU-${String(count).padStart(4, '0')}`, 'Subtotal', 'Portes', 'Total', 'Notas', 'Nota 1', 'Nota 6'].map((s) => text.lastIndexOf(s));
      expect(positions.every((i) => i >= 0)).toBe(true);
      expect(positions, `${count} lines`).toEqual([...positions].sort((a, b) => a - b));
      runs.forEach((page, i) => {
        const footer = page.filter((r) => r.y < 45).map((r) => r.text);
        expect(footer, `${count} lines, page ${i + 1}`).toEqual(['Orden de compra PO-1001 · Soluciones Informáticas Núñez S.L.', `Página ${i + 1} de ${runs.length}`]);
        expect(page.every((r) => r.y < 45 || r.y > 52)).toBe(true);
      });
    }
  });

  it('wraps a long description within its column and cuts an endless one with an ellipsis', async () => {
    const endless = Array.from({ length: 600 }, (_, i) => `palabra${i}`).join(' ');
    const unbroken = 'X'.repeat(3000);
    const lines = [line(1, { description: endless }), line(2, { description: unbroken, sku: 'SKU-CON-UN-CODIGO-MUY-LARGO-DE-VERDAD', vendorPartNumber: 'REF/PROVEEDOR/MUY/LARGA/0001' }), line(3)];
    const bytes = await renderPurchaseOrderPdf(order({ lines, subtotal: 0, total: 0 }));
    const [page] = await pdfTextRuns(bytes);
    const header = (text: string) => page.find((r) => r.text === text)!;
    const [skuHead, partHead, descHead, qtyHead] = ['SKU', 'N.º pieza prov.', 'Descripción', 'Cant.'].map(header);
    const inColumn = (r: TextRun, left: number, right: number) => r.x >= left - 0.5 && r.x + r.width <= right + 0.5;
    const cells = (head: TextRun) => page.filter((r) => Math.abs(r.x - head.x) < 0.5 && r.y < head.y && r.y > 52);
    const descriptions = cells(descHead);
    expect(descriptions.length).toBeGreaterThan(8);
    for (const r of descriptions) expect(inColumn(r, descHead.x, qtyHead.x), r.text).toBe(true);
    for (const r of cells(skuHead)) expect(inColumn(r, skuHead.x, partHead.x - 8), r.text).toBe(true);
    for (const r of cells(partHead)) expect(inColumn(r, partHead.x, descHead.x - 8), r.text).toBe(true);
    const [text] = await pdfPages(bytes);
    expect(text).toContain('palabra0 palabra1');
    expect(text).not.toContain('palabra599');
    expect(descriptions.filter((r) => r.text.endsWith('…'))).toHaveLength(2);
    expect(text).toContain('SKU-0003');
  });

  it('draws names the standard fonts cannot encode with stand-ins instead of failing', async () => {
    const doc = order({
      letterhead: { name: 'Tanaka 株式会社 🚀', address: 'Łódź ul. Piotrkowska 1', taxId: 'PL 123' },
      vendor: { name: 'Vendor ❤️ Ltd', address: 'Zürich — 8001\tCH' },
      lines: [line(1, { description: 'Cable “Cat6” – 2 m − neu ✓' })],
      memo: 'Gracias 🙏',
    });
    const bytes = await renderPurchaseOrderPdf(doc);
    const [page] = await pdfPages(bytes);
    expect(page).toContain('Tanaka ???? ?');
    expect(page).toContain('?ódz ul. Piotrkowska 1');
    expect(page).toContain('Vendor ? Ltd');
    expect(page).toContain('Zürich — 8001 CH');
    expect(page).toContain('Cable “Cat6” – 2 m - neu ?');
    expect(page).toContain('Gracias ?');
    const info = await pdfInfo(bytes);
    expect(info.title).toBe('PO-1001 — Vendor ❤️ Ltd');
    expect(info.author).toBe('Tanaka 株式会社 🚀');
  });

  it('prints money in currencies whose symbol the font lacks', async () => {
    const [page] = await textOf(order({ locale: 'en', currency: 'INR' }));
    expect(money(1, 'en', 'INR')).toContain('₹');
    expect(page).toContain(`Total ${money(order().total, 'en', 'INR').replace('₹', '?')}`);
  });

  it('puts the logo on the letterhead and leaves out a logo it cannot read', async () => {
    const withLogo = await renderPurchaseOrderPdf(order({ lines: Array.from({ length: 60 }, (_, i) => line(i + 1)), letterhead: { ...order().letterhead, logo: { data: png(3, 2), mime: 'image/png' } } }));
    const info = await pdfInfo(withLogo);
    expect(info.imagesPerPage.length).toBeGreaterThan(1);
    expect(info.imagesPerPage).toEqual([1, ...info.imagesPerPage.slice(1).map(() => 0)]);

    const broken = await renderPurchaseOrderPdf(order({ letterhead: { ...order().letterhead, logo: { data: new Uint8Array([1, 2, 3]), mime: 'image/jpeg' } } }));
    expect((await pdfInfo(broken)).imagesPerPage).toEqual([0]);
    expect((await pdfPages(broken))[0]).toContain('Soluciones Informáticas Núñez S.L.');
  });

  it.each([
    ['es', 'BORRADOR – NO APROBADA', 'Página'],
    ['en', 'DRAFT – NOT APPROVED', 'Page'],
  ] as const)('marks a draft (%s) on every page: a banner above the content and a watermark across it', async (locale, mark, pageWord) => {
    const lines = Array.from({ length: 90 }, (_, i) => line(i + 1));
    const draft = await renderPurchaseOrderPdf(order({ locale, lines, draft: true }));
    const runs = await pdfTextRuns(draft);
    expect(runs.length).toBeGreaterThan(2);
    runs.forEach((page, i) => {
      const marks = page.filter((r) => r.text === mark);
      const banner = marks.filter((r) => r.angle === 0);
      const watermark = marks.filter((r) => r.angle === 45);
      expect(banner, `page ${i + 1}`).toHaveLength(1);
      expect(watermark, `page ${i + 1}`).toHaveLength(1);
      // The banner sits in the top margin, above everything else, centred; the watermark starts on the page.
      expect(banner[0]!.y).toBeGreaterThan(Math.max(...page.filter((r) => r.text !== mark).map((r) => r.y)));
      expect(Math.abs(banner[0]!.x + banner[0]!.width / 2 - 595.28 / 2)).toBeLessThan(1);
      expect(watermark[0]!.x).toBeGreaterThan(40);
      expect(watermark[0]!.y).toBeGreaterThan(52);
      expect(page.some((r) => r.text === `${pageWord} ${i + 1} ${locale === 'es' ? 'de' : 'of'} ${runs.length}`)).toBe(true);
    });
    // Everything else is exactly what the final order prints.
    const final = await pdfPages(await renderPurchaseOrderPdf(order({ locale, lines })));
    const withoutMarks = (await pdfPages(draft)).map((p) => p.split('\n').filter((l) => l !== mark).join('\n'));
    expect(withoutMarks).toEqual(final);
    expect(final.join('\n')).not.toContain(mark);
    expect((await pdfInfo(draft)).title).toBe(`PO-1001 — Ingram Micro S.L.U. (${mark})`);
  });

  it('renders the same bytes for the same order, dated and titled from the order', async () => {
    const doc = order({ letterhead: { ...order().letterhead, logo: { data: png(2, 2), mime: 'image/png' } } });
    const first = await renderPurchaseOrderPdf(doc);
    const second = await renderPurchaseOrderPdf(doc);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    const info = await pdfInfo(first);
    expect(info).toMatchObject({ title: 'PO-1001 — Ingram Micro S.L.U.', author: 'Soluciones Informáticas Núñez S.L.', creator: 'Soluciones Informáticas Núñez S.L.', producer: 'MSP Inventory' });
    expect(info.creationDate).toMatch(/^D:20260115000000/);
  });
});
