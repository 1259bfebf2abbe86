// Barcode labels (issue 15, item 7) as a clerk prints them, once per UI language, on a fresh server and
// database: labels for two products ticked in Inventory products on an A4 sheet, as QR codes, two copies
// each; the warehouse's own label and one per bin on the label printer's roll; the serial numbers of the
// laptops ticked in Stocked items. Each PDF is read back: its page size, its pages and the code in words on
// each label. Then a bin and a serial are typed as a scanner would into the global search, and find what they label.
import { readFile } from 'node:fs/promises';
import { PDFDocument } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pdfPages } from '../src/main/testing/pdfText';
import {
  allowOnScreens,
  check,
  clickButton,
  dialog,
  expectHeading,
  expectNotification,
  expectText,
  fill,
  languages,
  launchBrowser,
  setupAdmin,
  shot,
  signIn,
  startServer,
  translator,
  type Api,
  type Lang,
  type LaunchedBrowser,
  type RunningServer,
} from './support';

const data = {
  es: { admin: 'Ana Administradora', warehouse: 'Almacén central', laptop: 'Portátil ThinkPad T14', cable: 'Cable de red Cat6 2 m' },
  en: { admin: 'Ann Administrator', warehouse: 'Main warehouse', laptop: 'ThinkPad T14 laptop', cable: 'Cat6 network cable 2 m' },
} as const;

const LAPTOP_SKU = 'LAP-T14';
const CABLE_SKU = 'CAB-C6-2M';
const SERIALS = ['PF3K9-2026/001', 'PF3K9-2026/002'] as const;
const BINS = ['A-01/03', 'B-02'] as const;
const MM = 72 / 25.4;
const minor = (units: number) => Math.round(units * 10_000);

describe.each(languages)('barcode labels (%s)', (lang: Lang) => {
  const t = translator(lang);
  const d = data[lang];
  let server: RunningServer;
  let browser: LaunchedBrowser;
  let api: Api;

  beforeAll(async () => {
    server = await startServer();
    api = await setupAdmin(server.url, { username: 'admin', displayName: d.admin, password: 'correct-horse-1' });
    const warehouse = await api('locations.create', { name: d.warehouse, kind: 'warehouse', isDefault: true });
    const laptop = await api('catalog.createProduct', { sku: LAPTOP_SKU, name: d.laptop, unitCost: minor(900), unitPrice: minor(1250), msrp: minor(1400), serialized: true });
    const cable = await api('catalog.createProduct', { sku: CABLE_SKU, name: d.cable, unitCost: minor(3.5), unitPrice: minor(6), msrp: minor(7), serialized: false });
    await api('stock.add', { productId: laptop.id, locationId: warehouse.id, qty: 2, costMethod: 'manual', unitCost: minor(880), serials: [...SERIALS], reason: null });
    await api('stock.add', { productId: cable.id, locationId: warehouse.id, qty: 10, costMethod: 'manual', unitCost: minor(3.2), reason: null });
    const stocked = (await api('stock.listInventoryProducts', { locationId: warehouse.id })).rows;
    for (const [i, product] of [laptop, cable].entries()) {
      const row = stocked.find((r) => r.productId === product.id)!;
      await api('stock.updateInventoryProduct', { id: row.id, bin: BINS[i], referenceNumber: null, min: 0, max: 0 });
    }
    browser = await launchBrowser(lang, { shotNumberPrefix: 'l' });
    allowOnScreens(browser.page, [...Object.values(d), ...SERIALS, ...BINS, LAPTOP_SKU, CABLE_SKU, 'Code 128', 'QR', 'PDF', 'A4']);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Clicks the dialog's download button; the PDF's file name, page sizes (points) and the text of each page. */
  async function download(page: Page) {
    const [file] = await Promise.all([page.waitForEvent('download'), clickButton(dialog(page, t('labels:title')), t('labels:print'))]);
    const bytes = await readFile(await file.path());
    const pdf = await PDFDocument.load(bytes);
    return {
      filename: file.suggestedFilename(),
      sizes: pdf.getPages().map((p) => [Math.round(p.getWidth()), Math.round(p.getHeight())]),
      pages: await pdfPages(bytes),
    };
  }

  test('two products ticked in Inventory products: QR codes on an A4 sheet already started, two copies each', async () => {
    const { page } = browser;
    await page.goto(server.url);
    await signIn(page, t, { username: 'admin', password: 'correct-horse-1' }, d.admin);
    await page.goto(`${server.url}#/stock/items`);
    await expectHeading(page, t('stock:items.title'));
    for (const sku of [LAPTOP_SKU, CABLE_SKU]) await page.getByRole('checkbox', { name: t('labels:selectRow', { name: `${sku} · ${d.warehouse}` }) }).check();
    await clickButton(page, t('labels:actionCount', { count: 2 }));
    const box = dialog(page, t('labels:title'));
    await expectText(box, t('labels:products', { count: 2 }));
    await expectText(box.getByTestId('print-labels-codes'), new RegExp(`${CABLE_SKU}, ${LAPTOP_SKU}|${LAPTOP_SKU}, ${CABLE_SKU}`));
    await box.getByRole('radio', { name: t('labels:qr') }).check();
    await box.getByRole('radio', { name: t('labels:a4') }).check();
    await fill(box, t('labels:copies'), 2);
    // A sheet whose first 22 labels are gone.
    await fill(box, t('labels:startAt'), 23);
    await expectText(box.getByTestId('print-labels-total'), t('labels:total', { count: 4 }));
    await shot(page, 'labels-dialog');
    const pdf = await download(page);
    expect(pdf.filename).toMatch(lang === 'es' ? /^etiquetas-.*\.pdf$/ : /^labels-.*\.pdf$/);
    expect(pdf.sizes).toEqual([
      [595, 842],
      [595, 842],
    ]);
    // Each product's SKU in words on its labels, twice, with its name (labels side by side share a line):
    // the last two labels of the started sheet, then the top of a new one.
    const text = pdf.pages.join('\n');
    for (const [sku, name] of [
      [LAPTOP_SKU, d.laptop],
      [CABLE_SKU, d.cable],
    ]) {
      expect(text.split(/\s+/).filter((word) => word === sku)).toHaveLength(2);
      expect(text).toContain(name);
    }
    expect(pdf.pages[0]!.split(/\s+/).filter((word) => word === LAPTOP_SKU || word === CABLE_SKU)).toHaveLength(2);
    await expectNotification(page, t('labels:done', { labels: t('labels:total', { count: 4 }), pages: t('labels:pages', { count: 2 }) }));

    // The catalogue's product list offers the same for ticked products.
    await page.goto(`${server.url}#/catalog/products`);
    await page.getByRole('checkbox', { name: t('labels:selectRow', { name: CABLE_SKU }) }).check();
    await clickButton(page, t('labels:actionCount', { count: 1 }));
    const again = dialog(page, t('labels:title'));
    await expectText(again, t('labels:products', { count: 1 }));
    await expectText(again.getByTestId('print-labels-codes'), CABLE_SKU);
    await clickButton(again, t('common:actions.cancel'));
    await again.waitFor({ state: 'detached' });
  });

  test('the warehouse and its bins on the label printer’s roll, as Code 128', async () => {
    const { page } = browser;
    await page.goto(`${server.url}#/locations`);
    await expectHeading(page, t('locations:title'));
    await page.getByRole('button', { name: t('locations:moreNamed', { name: d.warehouse }), exact: true }).click();
    await page.getByRole('menuitem', { name: t('labels:action'), exact: true }).click();
    const box = dialog(page, t('labels:title'));
    await check(box, t('labels:locationBins', { name: d.warehouse }));
    await box.getByRole('radio', { name: t('labels:code128') }).check();
    await box.getByRole('radio', { name: t('labels:roll') }).check();
    await expectText(box.getByTestId('print-labels-total'), t('labels:totalWithBins', { labels: t('labels:total', { count: 1 }), copies: 1 }));
    await shot(page, 'labels-location-dialog');
    const pdf = await download(page);
    // One label a page, 62 × 29 mm: the warehouse, then its bins in shelf order.
    expect(pdf.sizes).toEqual(Array(3).fill([Math.round(62 * MM), Math.round(29 * MM)]));
    expect(pdf.pages.map((p) => p.split('\n')[0])).toEqual([d.warehouse, ...BINS]);
    expect(pdf.pages[1]!.replace(/\n/g, ' ')).toContain(`${lang === 'es' ? 'Casillero' : 'Bin'} · ${d.warehouse}`);

    // A bin label scanned into the search at the top opens what is kept in that bin.
    await page.keyboard.press('Control+K');
    const search = page.getByTestId('global-search-input');
    await search.fill(BINS[0]);
    await expectText(page.getByRole('dialog'), t('search:binAt', { location: d.warehouse }));
    await shot(page, 'labels-bin-scanned');
    await search.press('Enter');
    await expectHeading(page, t('stock:items.title'));
    await expect.poll(() => decodeURIComponent(page.url())).toContain(`q=${BINS[0]}`);
    await expectText(page.getByTestId('inventory-products'), LAPTOP_SKU);
  });

  test('the laptops ticked in Stocked items get their serial numbers, and a scanned serial finds its unit', async () => {
    const { page } = browser;
    await page.goto(`${server.url}#/stock/lots`);
    await expectHeading(page, t('stock:lots.title'));
    for (const serial of SERIALS) await page.getByRole('checkbox', { name: t('labels:selectRow', { name: serial }) }).check();
    await clickButton(page, t('labels:actionCount', { count: 2 }));
    const box = dialog(page, t('labels:title'));
    await expectText(box, t('labels:units', { count: 2 }));
    // The roll and Code 128 chosen last time are remembered.
    await expect.poll(() => box.getByRole('radio', { name: t('labels:roll') }).isChecked()).toBe(true);
    await expect.poll(() => box.getByRole('radio', { name: t('labels:code128') }).isChecked()).toBe(true);
    const pdf = await download(page);
    expect(pdf.pages.map((p) => p.split('\n')[0])).toEqual([...SERIALS]);
    expect(pdf.pages[0]!.replace(/\n/g, ' ')).toContain(`${LAPTOP_SKU} · ${d.laptop}`);

    // What the label says, typed by a scanner (the code and Enter) into the search at the top.
    await page.keyboard.press('Control+K');
    const search = page.getByTestId('global-search-input');
    await search.fill(SERIALS[1]);
    await search.press('Enter');
    await expect.poll(() => page.url()).toContain(`serial=${encodeURIComponent(SERIALS[1])}`);
  });
});
