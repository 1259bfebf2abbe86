// The pick list and the packing list through the channels users call (delivery.pickListPdf,
// delivery.packingListPdf), read back from the PDF as a reader sees them: what is picked where, every
// serial, the ship-to address, the client's language, no money at all, and the refusals.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatMoney, formatsFor } from '@shared/formats';
import { bannedTermsIn } from '@shared/glossary';
import { createTestApp, seedWorld, type TestApp } from '@main/testing/harness';
import { pdfInfo, pdfPages, pdfTextRuns } from '../testing/pdfText';
import { PACKING_LIST_LABELS } from './packingListPdf';
import { PICK_LIST_LABELS } from './pickListPdf';

let t: TestApp;
let w: ReturnType<typeof seedWorld>;
let acme: { id: number };
let beta: { id: number };
let ticket: { id: number; number: string };
let licence: { id: number };

// Unit costs of the lots, distinctive so that no other figure on the page can look like them.
const CABLE_MAIN_COST = 127_300;
const CABLE_VAN_COST = 131_900;
const LAPTOP_COST = 8_765_400;

beforeEach(() => {
  t = createTestApp();
  w = seedWorld(t);
  acme = t.ok('catalog.createCompany', { name: 'Acme Dental', isClient: true, address1: 'Calle Mayor 1', address2: 'Planta 2', city: 'Madrid', postalCode: '28001', country: 'España', language: 'es' });
  beta = t.ok('catalog.createCompany', { name: 'Beta Legal', isClient: true, address1: '10 Downing Lane', city: 'Leeds', postalCode: 'LS1 4AP', country: 'United Kingdom', language: 'en' });
  licence = t.ok('catalog.createProduct', { sku: 'M365-BP', name: 'Microsoft 365 Business Premium', unitCost: 180_000, unitPrice: 220_000, msrp: 220_000, serialized: false, trackedInStock: false, doesNotRequireProcurement: true });
  t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 20, costMethod: 'manual', unitCost: CABLE_MAIN_COST, reason: null });
  t.ok('stock.add', { productId: w.cable.id, locationId: w.van.id, qty: 5, costMethod: 'manual', unitCost: CABLE_VAN_COST, reason: null });
  t.ok('stock.add', { productId: w.laptop.id, locationId: w.main.id, qty: 4, costMethod: 'manual', unitCost: LAPTOP_COST, serials: ['LT-A', 'LT-B', 'LT-C', 'LT-D'], reason: null });
  setBin(w.cable.id, w.main.id, 'A-01-03');
  setBin(w.laptop.id, w.main.id, 'B-07');
  ticket = t.ok('sales.createContainer', { kind: 'ticket', title: 'New starter kit', companyId: acme.id });
});
afterEach(() => t.close());

function setBin(productId: number, locationId: number, bin: string): void {
  const item = t.ok('stock.listInventoryProducts', { productId, locationId }).rows[0]!;
  t.ok('stock.updateInventoryProduct', { id: item.id, bin, min: 0, max: 0 });
}

const charge = (productId: number, quantity: number, containerId = ticket.id) => t.ok('sales.createCharge', { containerId, productId, quantity });
const pdfText = async (pdf: { base64: string }) => pdfPages(Buffer.from(pdf.base64, 'base64'));

/** Every way a money figure could be printed: with its currency and bare, either language, 2 or 4 decimals. */
function printedAmounts(minor: number): string[] {
  return (['es', 'en'] as const).flatMap((locale) =>
    ([2, 4] as const).flatMap((digits) => {
      const money = formatMoney(minor, formatsFor(locale), 'EUR', { maximumFractionDigits: digits }).replace(/[\u00a0\u202f]/g, ' ');
      return [money, money.replace(/[€\s]/g, '')];
    }),
  );
}

describe('the pick list', () => {
  it('groups the lines by location and bin, with the quantity, charge, client and every serial to take', async () => {
    const cable = charge(w.cable.id, 8);
    t.ok('stock.pick', { chargeId: cable.id, locationId: w.main.id, qty: 5 });
    t.ok('stock.pick', { chargeId: cable.id, locationId: w.van.id, qty: 3 });
    const laptops = charge(w.laptop.id, 3);
    t.ok('stock.pick', { chargeId: laptops.id, locationId: w.main.id, serials: ['LT-C', 'LT-A', 'LT-B'] });
    const betaTicket = t.ok('sales.createContainer', { kind: 'ticket', title: 'Printer swap', companyId: beta.id });
    const betaCable = charge(w.cable.id, 2, betaTicket.id);
    t.ok('stock.pick', { chargeId: betaCable.id, locationId: w.main.id, qty: 2 });
    const licences = charge(licence.id, 5);

    const pdf = await t.okAsync('delivery.pickListPdf', {
      locale: 'en',
      lines: [
        { chargeId: laptops.id, locationId: w.main.id },
        { chargeId: cable.id, locationId: w.van.id },
        { chargeId: betaCable.id, locationId: w.main.id },
        { chargeId: cable.id, locationId: w.main.id },
        { chargeId: licences.id, locationId: null },
      ],
    });
    expect(pdf.filename).toBe('pick-list-2026-01-15.pdf');
    const [page, ...more] = await pdfText(pdf);
    expect(more).toHaveLength(0);
    const lines = page!.split('\n');
    expect(lines.slice(0, 4)).toEqual(['Pick list', 'Date 15/01/2026', 'Lines 4', 'Units 13']);
    // Locations in order, each with its header row; in a location, bins in order; then the note.
    const at = (text: string) => lines.findIndex((l) => l.includes(text));
    const order = [
      at('Main warehouse 10 units'),
      at(`A-01-03 CAB-6-2M Cat6 cable 2 m 5 ${cable.number} Acme Dental`),
      at(`A-01-03 CAB-6-2M Cat6 cable 2 m 2 ${betaCable.number} Beta Legal`),
      at(`B-07 LT-T14 ThinkPad T14 3 ${laptops.number} Acme Dental`),
      at('Serials: LT-A, LT-B, LT-C'),
      at('Van Tech 3 units'),
      at(`— CAB-6-2M Cat6 cable 2 m 3 ${cable.number} Acme Dental`),
      at('Nothing to pick (products not tracked in stock)'),
      at(`${licences.number} · M365-BP Microsoft 365 Business Premium × 5 · Acme Dental · ${ticket.number}`),
      at('Page 1 of 1'),
    ];
    expect(order.every((i) => i >= 0), JSON.stringify(order)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(lines.filter((l) => l === 'Bin SKU Product Qty Charge Client')).toHaveLength(2);
    expect(page).toContain(`${ticket.number} New starter kit`);
    expect(page).toContain(`${betaTicket.number} Printer swap`);
    expect(page).not.toContain('LT-D');
    expect(page).not.toMatch(/€/);
  });

  it('in Spanish with the terms of the screens', async () => {
    const laptops = charge(w.laptop.id, 2);
    t.ok('stock.pick', { chargeId: laptops.id, locationId: w.main.id, serials: ['LT-D', 'LT-A'] });
    const pdf = await t.okAsync('delivery.pickListPdf', { locale: 'es', lines: [{ chargeId: laptops.id, locationId: w.main.id }] });
    expect(pdf.filename).toBe('lista-de-seleccion-2026-01-15.pdf');
    const [page] = await pdfText(pdf);
    for (const text of ['Lista de selección', 'Fecha 15/01/2026', 'Casillero SKU Producto Cant. Cargo Cliente', `B-07 LT-T14 ThinkPad T14 2 ${laptops.number} Acme Dental`, 'N.º de serie: LT-A, LT-D', 'Main warehouse 2 unidades', 'Página 1 de 1']) {
      expect(page).toContain(text);
    }
    expect(page).not.toMatch(/Pick list|Serials/);
    const labels = [...Object.values(PICK_LIST_LABELS.es), ...Object.values(PACKING_LIST_LABELS.es)].map((l) => (typeof l === 'function' ? (l as (...args: unknown[]) => string)('1', 2) : l));
    expect(labels.flatMap((l) => bannedTermsIn(l).map((b) => `${l}: ${b.banned}`))).toEqual([]);
    expect(bannedTermsIn('Lista de picking')).toHaveLength(1);
  });

  it('takes every picked location of a charge named without one, and lists thousands of serials across pages', async () => {
    const serials = Array.from({ length: 2_500 }, (_, i) => `NB-${String(i).padStart(5, '0')}`);
    t.ok('stock.add', { productId: w.laptop.id, locationId: w.van.id, qty: serials.length, costMethod: 'manual', unitCost: LAPTOP_COST, serials, reason: null });
    const big = charge(w.laptop.id, serials.length + 1);
    t.ok('stock.pick', { chargeId: big.id, locationId: w.van.id, serials });
    t.ok('stock.pick', { chargeId: big.id, locationId: w.main.id, serials: ['LT-B'] });
    const pdf = await t.okAsync('delivery.pickListPdf', { locale: 'en', lines: [{ chargeId: big.id, locationId: null }] });
    const pages = await pdfText(pdf);
    expect(pages.length).toBeGreaterThan(3);
    // Inside the margins, and clear of the footer (below 45 pt) everywhere the serials break.
    for (const page of await pdfTextRuns(Buffer.from(pdf.base64, 'base64'))) {
      expect(page.every((r) => r.x >= 40 - 0.5 && r.x + r.width <= 595.28 - 40 + 0.5)).toBe(true);
      expect(page.every((r) => r.y < 45 || r.y > 52)).toBe(true);
    }
    pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
      // The location and the header row start every page the serials run over.
      if (i > 0) expect(page).toMatch(/^Pick list 15\/01\/2026\nVan Tech \(cont\.\) 2,500 units\nBin SKU Product Qty Charge Client\n/);
    });
    const printed = new Set(pages.join('\n').match(/NB-\d{5}/g));
    expect(printed.size).toBe(serials.length);
    expect(pages[0]).toContain(`B-07 LT-T14 ThinkPad T14 1 ${big.number}`);
    expect(pages[0]!.indexOf('Main warehouse')).toBeLessThan(pages[0]!.indexOf('Van Tech'));
  });

  it('refuses an unknown charge and a line with nothing picked there', async () => {
    const cable = charge(w.cable.id, 2);
    t.ok('stock.pick', { chargeId: cable.id, locationId: w.main.id, qty: 2 });
    expect(await t.failAsync('delivery.pickListPdf', { locale: 'en', lines: [{ chargeId: cable.id, locationId: w.main.id }, { chargeId: 9_999, locationId: w.main.id }] })).toMatchObject({
      code: 'NOT_FOUND',
      details: { entity: 'charge', id: 9_999 },
    });
    expect(await t.failAsync('delivery.pickListPdf', { locale: 'en', lines: [{ chargeId: cable.id, locationId: w.van.id }] })).toMatchObject({
      code: 'NOT_PICKED',
      details: { number: cable.number, picked: 0, requested: 0 },
    });
    const unpicked = charge(w.laptop.id, 1);
    expect(await t.failAsync('delivery.pickListPdf', { locale: 'en', lines: [{ chargeId: unpicked.id, locationId: null }] })).toMatchObject({ code: 'NOT_PICKED', details: { number: unpicked.number } });
  });
});

describe('the packing list', () => {
  /** A cable charge picked at two locations and a laptop charge, for Acme (Spanish). */
  function pickedForAcme() {
    const cable = charge(w.cable.id, 8);
    t.ok('stock.pick', { chargeId: cable.id, locationId: w.main.id, qty: 5 });
    t.ok('stock.pick', { chargeId: cable.id, locationId: w.van.id, qty: 3 });
    const laptops = charge(w.laptop.id, 2);
    t.ok('stock.pick', { chargeId: laptops.id, locationId: w.main.id, serials: ['LT-A', 'LT-C'] });
    return { cable, laptops };
  }

  function expectNoMoney(text: string): void {
    expect(text).not.toMatch(/€|\bEUR\b/);
    // The lots' unit costs, the catalogue's cost and prices of both products.
    for (const minor of [CABLE_MAIN_COST, CABLE_VAN_COST, LAPTOP_COST, 15_000, 40_000, 9_000_000, 12_000_000]) {
      for (const printed of printedAmounts(minor)) expect(text, printed).not.toContain(printed);
    }
  }

  it("of lines before they leave: the client's address, a line per charge with its serials, no costs or prices, in Spanish", async () => {
    const { cable, laptops } = pickedForAcme();
    const pdf = await t.okAsync('delivery.packingListPdf', {
      lines: [
        { chargeId: cable.id, locationId: w.main.id },
        { chargeId: laptops.id, locationId: w.main.id },
        { chargeId: cable.id, locationId: w.van.id },
      ],
    });
    expect(pdf.filename).toBe('lista-de-embalaje-2026-01-15.pdf');
    const [page, ...more] = await pdfText(pdf);
    expect(more).toHaveLength(0);
    expect(page).toContain('Lista de embalaje\nFecha 15/01/2026\nUnidades 10\nEnviar a\nAcme Dental\nCalle Mayor 1\nPlanta 2\n28001 Madrid\nEspaña');
    expect(page).toContain('# SKU Producto Cant. Referencia');
    expect(page).toContain(`1 CAB-6-2M Cat6 cable 2 m 8 ${cable.number}\n${ticket.number}`);
    expect(page).toContain(`2 LT-T14 ThinkPad T14 2 ${laptops.number}\n${ticket.number}\nN.º de serie: LT-A, LT-C`);
    expect(page).toContain('Página 1 de 1');
    expect(page).not.toMatch(/Packing list|Número|Transportista/);
    expectNoMoney(page!);
    expect((await pdfInfo(Buffer.from(pdf.base64, 'base64'))).title).toBe('Lista de embalaje 15/01/2026 — Acme Dental');
  });

  it('of a delivery, in English for an English client: number, carrier, tracking, ship date and the address it was shipped to', async () => {
    const betaTicket = t.ok('sales.createContainer', { kind: 'project', title: 'Office move', companyId: beta.id });
    const laptops = charge(w.laptop.id, 3, betaTicket.id);
    t.ok('stock.pick', { chargeId: laptops.id, locationId: w.main.id, serials: ['LT-B', 'LT-D', 'LT-A'] });
    const cable = charge(w.cable.id, 4, betaTicket.id);
    t.ok('stock.pick', { chargeId: cable.id, locationId: w.van.id, qty: 4 });
    const dlv = t.ok('delivery.deliver', {
      method: 'ship',
      lines: [{ chargeId: laptops.id }, { chargeId: cable.id }],
      carrier: 'SEUR',
      trackingNumber: 'SE123456789',
      shipDate: '2026-01-16',
      shipToName: 'Beta Legal — Leeds branch',
      shipToAddress: '22 Park Row\nLeeds LS1 5JL',
      freightPrice: 95_000,
    });
    const pdf = await t.okAsync('delivery.packingListPdf', { deliveryId: dlv.id });
    expect(pdf.filename).toBe(`${dlv.number}-packing-list.pdf`);
    const [page] = await pdfText(pdf);
    for (const text of [
      `Packing list\nNumber ${dlv.number}\nDate 15/01/2026\nUnits 7`,
      'Ship to Client',
      'Beta Legal — Leeds branch Beta Legal',
      '22 Park Row\nLeeds LS1 5JL',
      'Carrier Tracking number Ship date\nSEUR SE123456789 16/01/2026',
      '# SKU Product Qty Reference',
      `1 LT-T14 ThinkPad T14 3 ${laptops.number}\n${betaTicket.number}\nSerials: LT-A, LT-B, LT-D`,
      `2 CAB-6-2M Cat6 cable 2 m 4 ${cable.number}`,
      `Packing list ${dlv.number}`,
      'Page 1 of 1',
    ]) {
      expect(page).toContain(text);
    }
    expect(page).not.toContain('10 Downing Lane');
    expect(page).not.toMatch(/Lista de embalaje|Enviar a|Página/);
    expectNoMoney(page!);
    expect(page).not.toContain('950');
  });

  it("follows the client company's language, else the office's (Spanish)", async () => {
    const languageOf = async (companyId: number) => {
      const container = t.ok('sales.createContainer', { kind: 'ticket', title: 'Kit', companyId });
      const c = charge(w.cable.id, 1, container.id);
      t.ok('stock.pick', { chargeId: c.id, locationId: w.main.id, qty: 1 });
      const [page] = await pdfText(await t.okAsync('delivery.packingListPdf', { lines: [{ chargeId: c.id, locationId: w.main.id }] }));
      return page!.split('\n')[0];
    };
    const none = t.ok('catalog.createCompany', { name: 'Gamma Clinic', isClient: true });
    expect(await languageOf(acme.id)).toBe('Lista de embalaje');
    expect(await languageOf(beta.id)).toBe('Packing list');
    expect(await languageOf(none.id)).toBe('Lista de embalaje');
  });

  it('runs over pages with every line and serial, the header row repeated on each', async () => {
    const serials = Array.from({ length: 60 }, (_, i) => `SN-${String(i).padStart(4, '0')}`);
    t.ok('stock.add', { productId: w.laptop.id, locationId: w.main.id, qty: serials.length, costMethod: 'manual', unitCost: LAPTOP_COST, serials, reason: null });
    t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 60, costMethod: 'manual', unitCost: CABLE_MAIN_COST, reason: null });
    const charges = Array.from({ length: 120 }, (_, i) => {
      const c = charge(i % 2 ? w.cable.id : w.laptop.id, 1);
      t.ok('stock.pick', i % 2 ? { chargeId: c.id, locationId: w.main.id, qty: 1 } : { chargeId: c.id, locationId: w.main.id, serials: [serials[i / 2]!] });
      return c;
    });
    const pages = await pdfText(await t.okAsync('delivery.packingListPdf', { lines: charges.map((c) => ({ chargeId: c.id, locationId: w.main.id })) }));
    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((page, i) => {
      expect(page).toContain(`Página ${i + 1} de ${pages.length}`);
      expect(page).toContain('# SKU Producto Cant. Referencia');
    });
    const text = pages.join('\n');
    expect(text.match(/^\d+ (LT-T14|CAB-6-2M) /gm)?.map((l) => Number(l.split(' ')[0]))).toEqual(charges.map((_, i) => i + 1));
    expect(new Set(text.match(/SN-\d{4}/g)).size).toBe(serials.length);
    expectNoMoney(text);
  });

  it('refuses lines of two client companies, an unknown charge and an unknown delivery', async () => {
    const { cable } = pickedForAcme();
    const betaTicket = t.ok('sales.createContainer', { kind: 'ticket', title: 'Printer', companyId: beta.id });
    const betaCable = charge(w.cable.id, 1, betaTicket.id);
    t.ok('stock.pick', { chargeId: betaCable.id, locationId: w.main.id, qty: 1 });
    expect(await t.failAsync('delivery.packingListPdf', { lines: [{ chargeId: cable.id, locationId: w.main.id }, { chargeId: betaCable.id, locationId: w.main.id }] })).toMatchObject({
      code: 'COMPANY_MISMATCH',
      details: { number: betaCable.number },
    });
    expect(await t.failAsync('delivery.packingListPdf', { lines: [{ chargeId: 4_242, locationId: null }] })).toMatchObject({ code: 'NOT_FOUND', details: { entity: 'charge', id: 4_242 } });
    expect(await t.failAsync('delivery.packingListPdf', { deliveryId: 777 })).toMatchObject({ code: 'NOT_FOUND', details: { entity: 'delivery', id: 777 } });
    expect((await t.failAsync('delivery.packingListPdf', { deliveryId: 1, lines: [{ chargeId: cable.id, locationId: null }] })).code).toBe('VALIDATION');
  });
});
