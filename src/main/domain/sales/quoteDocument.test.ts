// The quote PDF of an opportunity built through the channels users call, read back as the client reads
// it: the number, the client's name and address, every line with its net prices and the total in the
// client's language, the VAT note, never a cost, and a long quote flowing over pages.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatMoney, formatsFor } from '@shared/formats';
import { bannedTermsIn } from '@shared/glossary';
import { QUOTE_LABELS } from '@main/documents/quotePdf';
import { createTestApp, seedWorld, type TestApp } from '@main/testing/harness';
import { pdfPages, pdfTextRuns } from '@main/testing/pdfText';
import { quoteDocument, renderQuote } from './quoteDocument';

let t: TestApp;
let w: ReturnType<typeof seedWorld>;
let acme: { id: number };
let beta: { id: number };
let firewall: { id: number };

// Distinctive figures, so that nothing else on the page can look like them.
const FIREWALL_COST = 9_876_500;
const FIREWALL_PRICE = 12_345_600;

beforeEach(() => {
  t = createTestApp();
  w = seedWorld(t);
  t.ok('settings.update', { companyName: 'Demo IT Services', companyAddress: 'Gran Vía 1\n28013 Madrid', companyTaxId: 'B12345678' });
  acme = t.ok('catalog.createCompany', { name: 'Acme Dental', isClient: true, address1: 'Calle Mayor 1', address2: 'Planta 2', city: 'Madrid', postalCode: '28001', country: 'España', language: 'es' });
  beta = t.ok('catalog.createCompany', { name: 'Beta Legal', isClient: true, address1: '10 Downing Lane', city: 'Leeds', postalCode: 'LS1 4AP', country: 'United Kingdom', language: 'en' });
  firewall = t.ok('catalog.createProduct', { sku: 'FW-60F', name: 'FortiGate 60F', unitCost: FIREWALL_COST, unitPrice: FIREWALL_PRICE, msrp: 13_000_000, serialized: false });
});
afterEach(() => t.close());

const opportunity = (companyId: number, extra: { expectedClose?: string } = {}) => t.ok('sales.createOpportunity', { companyId, title: 'Reception refresh', ...extra });
const addItem = (opportunityId: number, productId: number, quantity: number, extra: { unitPrice?: number; description?: string } = {}) =>
  t.ok('sales.addQuoteItem', { opportunityId, productId, quantity, ...extra });

async function quotePdf(id: number, locale?: 'es' | 'en') {
  const file = await renderQuote(quoteDocument(t.app.ctx, { id, locale }));
  return { filename: file.filename, pages: await pdfPages(Buffer.from(file.base64, 'base64')) };
}

/** An amount as the document prints it: the renderer's format, with no-break spaces read as spaces. */
const printed = (minor: number, locale: 'es' | 'en') => formatMoney(minor, formatsFor(locale), 'EUR', { maximumFractionDigits: 4 }).replace(/[\u00a0\u202f]/g, ' ');

/** Every way a money figure could be printed: with its currency and bare, either language, 2 or 4 decimals. */
function printedAmounts(minor: number): string[] {
  return (['es', 'en'] as const).flatMap((locale) =>
    ([2, 4] as const).flatMap((digits) => {
      const money = formatMoney(minor, formatsFor(locale), 'EUR', { maximumFractionDigits: digits }).replace(/[\u00a0\u202f]/g, ' ');
      return [money, money.replace(/[€\s]/g, '')];
    }),
  );
}

describe('the quote PDF', () => {
  it('in the Spanish client’s language: number, client and address, every line with net prices, the total and the VAT note', async () => {
    const o = opportunity(acme.id, { expectedClose: '2026-02-28' });
    addItem(o.id, firewall.id, 3, { description: 'Cortafuegos FortiGate 60F' });
    addItem(o.id, w.cable.id, 6);
    const { filename, pages } = await quotePdf(o.id, 'en');
    expect(filename).toBe('OPP-1001.pdf');
    expect(pages).toHaveLength(1);
    const page = pages[0]!;
    expect(printed(FIREWALL_PRICE, 'es')).toBe('1.234,56 €');
    for (const text of [
      'Cotización',
      'Número OPP-1001',
      'Fecha 15/01/2026',
      'Cierre previsto 28/02/2026',
      'Demo IT Services',
      'NIF: B12345678',
      'Cliente Asunto',
      'Acme Dental Reception refresh',
      'Calle Mayor 1\nPlanta 2\n28001 Madrid\nEspaña',
      '# SKU Descripción Cant. Precio unitario Importe',
      '1 FW-60F Cortafuegos FortiGate 60F 3 1.234,56 € 3.703,68 €',
      '2 CAB-6-2M Cat6 cable 2 m 6 4,00 € 24,00 €',
      'Total 3.727,68 €',
      'Precios sin IVA.',
      'Cotización OPP-1001 · Demo IT Services',
      'Página 1 de 1',
    ]) {
      expect(page).toContain(text);
    }
    expect(page).not.toMatch(/Quote|Prices exclude VAT|Page 1/);
    for (const cost of [FIREWALL_COST, 15_000]) {
      for (const amount of printedAmounts(cost)) expect(page).not.toContain(amount);
    }
    const labels = Object.values(QUOTE_LABELS.es).map((l) => (typeof l === 'function' ? l(1, 2) : l));
    expect(labels.flatMap((l) => bannedTermsIn(l).map((b) => `${l}: ${b.banned}`))).toEqual([]);
  });

  it('in English for an English client, with prices to four decimals and no expected close when there is none', async () => {
    const o = opportunity(beta.id);
    addItem(o.id, firewall.id, 2);
    addItem(o.id, w.cable.id, 4, { unitPrice: 12_345 });
    const { pages } = await quotePdf(o.id, 'es');
    const page = pages.join('\n');
    expect(printed(FIREWALL_PRICE, 'en')).toBe('€1,234.56');
    for (const text of [
      'Quote',
      'Number OPP-1001',
      'Date 15/01/2026',
      'Beta Legal',
      '10 Downing Lane\nLS1 4AP Leeds\nUnited Kingdom',
      '# SKU Description Qty Unit price Amount',
      '1 FW-60F FortiGate 60F 2 €1,234.56 €2,469.12',
      '2 CAB-6-2M Cat6 cable 2 m 4 €1.2345 €4.938',
      'Total €2,474.058',
      'Prices exclude VAT.',
      'Page 1 of 1',
    ]) {
      expect(page).toContain(text);
    }
    expect(page).not.toMatch(/Expected close|Cotización|Precios sin IVA/);
    for (const cost of [FIREWALL_COST, 15_000]) {
      for (const amount of printedAmounts(cost)) expect(page).not.toContain(amount);
    }
  });

  it('speaks the client company’s language, else the caller’s, else the office’s (as the packing list)', () => {
    const plain = t.ok('catalog.createCompany', { name: 'Gamma Clinic', isClient: true });
    const withoutLanguage = opportunity(plain.id);
    const english = opportunity(beta.id);
    expect(quoteDocument(t.app.ctx, { id: withoutLanguage.id, locale: 'es' }).locale).toBe('es');
    expect(quoteDocument(t.app.ctx, { id: withoutLanguage.id, locale: 'en' }).locale).toBe('en');
    expect(quoteDocument(t.app.ctx, { id: withoutLanguage.id }).locale).toBe('es');
    expect(quoteDocument(t.app.ctx, { id: english.id, locale: 'es' }).locale).toBe('en');
    expect(quoteDocument(t.app.ctx, { id: withoutLanguage.id }).client).toEqual({ name: 'Gamma Clinic', address: '' });
  });

  it('refuses an opportunity that does not exist', () => {
    expect(() => quoteDocument(t.app.ctx, { id: 999 })).toThrow(expect.objectContaining({ code: 'NOT_FOUND', details: { entity: 'opportunity', id: 999 } }));
  });

  it('flows a 300-line quote over several pages, the table header on each, every SKU present, in under 2 s', async () => {
    const o = opportunity(beta.id);
    const skus = Array.from({ length: 300 }, (_, i) => `SKU-${String(i + 1).padStart(3, '0')}`);
    for (const sku of skus) {
      const product = t.ok('catalog.createProduct', { sku, name: `Managed switch port ${sku}`, unitCost: 70_000, unitPrice: 100_000, msrp: 120_000, serialized: false });
      addItem(o.id, product.id, 1);
    }
    const started = performance.now();
    const file = await renderQuote(quoteDocument(t.app.ctx, { id: o.id }));
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(2_000);
    const bytes = Buffer.from(file.base64, 'base64');
    const pages = await pdfPages(bytes);
    expect(pages.length).toBeGreaterThan(2);
    // Inside the margins, and clear of the footer (below 45 pt) wherever the table breaks.
    for (const runs of await pdfTextRuns(bytes)) {
      expect(runs.every((r) => r.x >= 40 - 0.5 && r.x + r.width <= 595.28 - 40 + 0.5)).toBe(true);
      expect(runs.every((r) => r.y < 45 || r.y > 52)).toBe(true);
    }
    pages.forEach((page, i) => {
      expect(page).toContain('# SKU Description Qty Unit price Amount');
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
      if (i > 0) expect(page).toContain('Demo IT Services Quote OPP-1001');
    });
    const text = pages.join('\n');
    for (const [i, sku] of skus.entries()) expect(text).toContain(`${i + 1} ${sku} Managed switch port ${sku} 1 €10.00 €10.00`);
    expect(pages.at(-1)).toContain('Total €3,000.00');
    expect(pages.at(-1)).toContain('Prices exclude VAT.');
  });
});
