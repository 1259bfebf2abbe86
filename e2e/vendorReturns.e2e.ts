// Vendor returns (issue 14, item 4) as a user clicks them, once per UI language, on a fresh server and
// database: a laptop found dead on the bench goes back to the vendor from Stocked items, with cables that
// were the wrong kind; the vendor's answer comes in two parts — the cables partly credited and partly sent
// back, then a replacement laptop with a new serial — and the return shows answered in the list.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  allowOnScreens,
  choose,
  clickButton,
  eventually,
  expectHeading,
  expectText,
  fill,
  languages,
  launchBrowser,
  nav,
  row,
  setupAdmin,
  shot,
  signIn,
  startServer,
  textOf,
  translator,
  type Api,
  type Lang,
  type LaunchedBrowser,
  type RunningServer,
} from './support';

const data = {
  es: {
    admin: 'Ana Administradora',
    warehouse: 'Almacén central',
    vendor: 'Distribuidora Ibérica SA',
    laptop: 'Portátil ThinkPad T14',
    cable: 'Cable de red Cat6 2 m',
    note: 'No arranca al sacarlo de la caja',
  },
  en: {
    admin: 'Ann Administrator',
    warehouse: 'Main warehouse',
    vendor: 'Northern Distribution Ltd',
    laptop: 'ThinkPad T14 laptop',
    cable: 'Cat6 network cable 2 m',
    note: 'Does not boot out of the box',
  },
} as const;

const LAPTOP_SKU = 'LAP-T14';
const CABLE_SKU = 'CAB-C6-2M';
const SERIALS = ['VR5E2E01', 'VR5E2E02'] as const;
const NEW_SERIAL = 'VR5E2E99';
const VENDOR_RMA = 'RA-448812';
const minor = (units: number) => Math.round(units * 10_000);

describe.each(languages)('vendor returns (%s)', (lang: Lang) => {
  const t = translator(lang);
  const d = data[lang];
  let server: RunningServer;
  let browser: LaunchedBrowser;
  let api: Api;

  beforeAll(async () => {
    server = await startServer();
    api = await setupAdmin(server.url, { username: 'admin', displayName: d.admin, password: 'correct-horse-1' });
    const warehouse = await api('locations.create', { name: d.warehouse, kind: 'warehouse', isDefault: true });
    await api('catalog.createCompany', { name: d.vendor, isClient: false, isVendor: true, language: lang });
    const laptop = await api('catalog.createProduct', { sku: LAPTOP_SKU, name: d.laptop, unitCost: minor(900), unitPrice: minor(1250), msrp: minor(1400), serialized: true });
    const cable = await api('catalog.createProduct', { sku: CABLE_SKU, name: d.cable, unitCost: minor(3.5), unitPrice: minor(6), msrp: minor(7), serialized: false });
    await api('stock.add', { productId: laptop.id, locationId: warehouse.id, qty: 2, costMethod: 'manual', unitCost: minor(880), serials: [...SERIALS], reason: null });
    await api('stock.add', { productId: cable.id, locationId: warehouse.id, qty: 10, costMethod: 'manual', unitCost: minor(3.2), reason: null });
    browser = await launchBrowser(lang, { shotNumberPrefix: 'v' });
    allowOnScreens(browser.page, [...Object.values(d), ...SERIALS, NEW_SERIAL, VENDOR_RMA, LAPTOP_SKU, CABLE_SKU]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const heading = (page: Page) => page.getByRole('heading', { level: 1 }).first();

  test('a dead laptop and the wrong cables go back to the vendor from Stocked items, at their cost', async () => {
    const { page } = browser;
    await page.goto(server.url);
    await signIn(page, t, { username: 'admin', password: 'correct-horse-1' }, d.admin);
    await page.goto(`${server.url}#/stock/lots?serial=${SERIALS[0]}`);
    await page.getByRole('link', { name: t('stock:lots.returnToVendorOf', { serial: SERIALS[0] }) }).click();
    await expectHeading(page, t('purchasing:vendorReturns.form.title'));
    await expectText(page.getByTestId('vendor-return-form-lines'), SERIALS[0]);
    await choose(page, t('purchasing:vendorReturns.form.vendor'), d.vendor, d.vendor.slice(0, 5));
    await fill(page, t('purchasing:vendorReturns.form.vendorRma'), VENDOR_RMA);
    // A unit scanned twice is listed once.
    const scan = page.getByTestId('vendor-return-scan');
    await scan.fill(SERIALS[0].toLowerCase());
    await scan.press('Enter');
    await expectText(page, t('purchasing:vendorReturns.form.alreadyListed', { serial: SERIALS[0].toLowerCase() }));
    await choose(page, t('purchasing:vendorReturns.form.product'), new RegExp(CABLE_SKU), CABLE_SKU);
    await fill(page, t('purchasing:vendorReturns.form.qty'), 4);
    await clickButton(page, t('purchasing:vendorReturns.form.addLine'));
    await expectText(page.getByTestId('vendor-return-form-lines'), CABLE_SKU);
    await fill(page, t('purchasing:vendorReturns.form.note'), d.note);
    await shot(page, 'vendor-return-form');
    await clickButton(page, t('purchasing:vendorReturns.form.submit'));
    await eventually(() => textOf(heading(page))).toMatch(/VRT-1001/);
    await expectText(page.getByTestId('vendor-return-status'), t('purchasing:vendorReturns.statuses.sent'));
    await shot(page, 'vendor-return-sent');
    expect((await api('stock.listLots', { serial: SERIALS[0] })).rows).toEqual([]);
    const sent = (await api('vendorReturns.list', {})).rows[0]!;
    expect(sent).toMatchObject({ vendorRmaNumber: VENDOR_RMA, units: 5, open: 5, value: String(minor(880) + 4 * minor(3.2)) });
  });

  test('the vendor answers in two parts: cables credited and sent back, then a replacement laptop', async () => {
    const { page } = browser;
    await clickButton(page, t('purchasing:vendorReturns.answer'));
    const dialog = page.getByRole('dialog');
    const cables = dialog.getByTestId('vendor-return-answer').getByRole('row').filter({ hasText: CABLE_SKU });
    await cables.getByRole('textbox', { name: new RegExp(`^${t('purchasing:vendorReturns.credited')}`) }).fill('3');
    await cables.getByRole('textbox', { name: new RegExp(`^${t('purchasing:vendorReturns.sentBack')}`) }).fill('1');
    await fill(dialog, t('purchasing:vendorReturns.resolve.creditNote'), 'CN-7781');
    await shot(page, 'vendor-return-answer');
    await clickButton(dialog, t('purchasing:vendorReturns.resolve.submit'));
    await expectText(page.getByTestId('vendor-return-status'), t('purchasing:vendorReturns.statuses.partlyResolved'));

    await clickButton(page, t('purchasing:vendorReturns.answer'));
    const laptop = page.getByRole('dialog').getByTestId('vendor-return-answer').getByRole('row').filter({ hasText: SERIALS[0] });
    await laptop.getByRole('textbox', { name: new RegExp(`^${t('purchasing:vendorReturns.replaced')}`) }).fill('1');
    // A serial we already hold is flagged as it is typed.
    await fill(laptop, t('purchasing:vendorReturns.replacements'), SERIALS[1]);
    await expectText(laptop, t('pickers:serials.taken', { serials: SERIALS[1] }));
    await fill(laptop, t('purchasing:vendorReturns.replacements'), NEW_SERIAL);
    await clickButton(page.getByRole('dialog'), t('purchasing:vendorReturns.resolve.submit'));
    await expectText(page.getByTestId('vendor-return-status'), t('purchasing:vendorReturns.statuses.resolved'));
    await expectText(page.getByTestId('vendor-return-lines'), NEW_SERIAL);
    await expectText(page.getByTestId('vendor-return-history'), 'CN-7781');
    await shot(page, 'vendor-return-answered');
    // The replacement stands in for the dead unit at its cost; the cable sent back is the same stock again.
    expect((await api('stock.listLots', { serial: NEW_SERIAL })).rows).toMatchObject([{ locationName: d.warehouse, unitCost: minor(880) }]);
    const done = await api('vendorReturns.get', { id: (await api('vendorReturns.list', {})).rows[0]!.id });
    expect(done).toMatchObject({ status: 'resolved', open: 0, creditTotal: 3 * minor(3.2), creditNoteNumber: 'CN-7781' });
  });

  test('Vendor returns lists it answered, with its vendor and RMA number', async () => {
    const { page } = browser;
    await nav(page, t('purchasing:nav.vendorReturns'));
    await expectHeading(page, t('purchasing:vendorReturns.title'));
    const line = row(page.getByTestId('vendor-returns'), VENDOR_RMA);
    await expectText(line, d.vendor);
    await expectText(line, t('purchasing:vendorReturns.statuses.resolved'));
    await shot(page, 'vendor-returns');
  });
});
