// Client returns (DOMAIN.md §3, step 5) as a user clicks them, once per UI language, on a fresh server and
// database. A laptop and cables are delivered to the client through the HTTP API; the administrator takes
// the laptop back from its device page (faulty, to the returns shelf), the cables from their charge with a
// credit for what the client paid, and finds both on the Returns list; a serial scanned on a new return
// finds the client's other laptop.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  allowOnScreens,
  check,
  choose,
  clickButton,
  eventually,
  expectHeading,
  expectText,
  field,
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
    shelf: 'Estante de devoluciones',
    client: 'Clínica Dental Sonrisas SL',
    laptop: 'Portátil ThinkPad T14',
    cable: 'Cable de red Cat6 2 m',
    ticket: 'Puesto nuevo para recepción',
    faulty: 'La pantalla parpadea',
    unused: 'Sobraron tras la instalación',
  },
  en: {
    admin: 'Ann Administrator',
    warehouse: 'Main warehouse',
    shelf: 'Returns shelf',
    client: 'Bright Smile Dental Ltd',
    laptop: 'ThinkPad T14 laptop',
    cable: 'Cat6 network cable 2 m',
    ticket: 'New reception workstation',
    faulty: 'Screen flickers',
    unused: 'Left over after the installation',
  },
} as const;

const LAPTOP_SKU = 'LAP-T14';
const CABLE_SKU = 'CAB-C6-2M';
const SERIALS = ['RT5E2E01', 'RT5E2E02'] as const;
const minor = (units: number) => Math.round(units * 10_000);

describe.each(languages)('client returns (%s)', (lang: Lang) => {
  const t = translator(lang);
  const d = data[lang];
  let server: RunningServer;
  let browser: LaunchedBrowser;
  let api: Api;
  let cableCharge = '';
  let cableChargeId = 0;
  let laptopDeviceId = 0;

  beforeAll(async () => {
    server = await startServer();
    api = await setupAdmin(server.url, { username: 'admin', displayName: d.admin, password: 'correct-horse-1' });
    const warehouse = await api('locations.create', { name: d.warehouse, kind: 'warehouse', isDefault: true });
    await api('locations.create', { name: d.shelf, kind: 'returns' });
    const client = await api('catalog.createCompany', { name: d.client, isClient: true, isVendor: false, language: lang });
    const laptop = await api('catalog.createProduct', { sku: LAPTOP_SKU, name: d.laptop, unitCost: minor(900), unitPrice: minor(1250), msrp: minor(1400), serialized: true, warrantyMonths: 36 });
    const cable = await api('catalog.createProduct', { sku: CABLE_SKU, name: d.cable, unitCost: minor(3.5), unitPrice: minor(6), msrp: minor(7), serialized: false });
    await api('stock.add', { productId: laptop.id, locationId: warehouse.id, qty: 2, costMethod: 'manual', unitCost: minor(880), serials: [...SERIALS], reason: null });
    await api('stock.add', { productId: cable.id, locationId: warehouse.id, qty: 10, costMethod: 'manual', unitCost: minor(3.2), reason: null });
    const ticket = await api('sales.createContainer', { kind: 'ticket', title: d.ticket, companyId: client.id });
    const laptops = await api('sales.createCharge', { containerId: ticket.id, productId: laptop.id, quantity: 2 });
    await api('stock.pick', { chargeId: laptops.id, locationId: warehouse.id, serials: [...SERIALS] });
    const cables = await api('sales.createCharge', { containerId: ticket.id, productId: cable.id, quantity: 8 });
    await api('stock.pick', { chargeId: cables.id, locationId: warehouse.id, qty: 8 });
    await api('delivery.deliver', { method: 'deliver', lines: [{ chargeId: laptops.id }, { chargeId: cables.id }] });
    cableCharge = cables.number;
    cableChargeId = cables.id;
    laptopDeviceId = (await api('devices.list', { serial: SERIALS[0] })).rows[0]!.id;
    browser = await launchBrowser(lang, { shotNumberPrefix: 'r' });
    allowOnScreens(browser.page, [...Object.values(d), ...SERIALS, LAPTOP_SKU, CABLE_SKU]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const heading = (page: Page) => page.getByRole('heading', { level: 1 }).first();

  test('the laptop comes back from its device page: faulty, to the returns shelf, at the cost it left with', async () => {
    const { page } = browser;
    await page.goto(server.url);
    await signIn(page, t, { username: 'admin', password: 'correct-horse-1' }, d.admin);
    await page.goto(`${server.url}#/sales/devices/${laptopDeviceId}`);
    await expectHeading(page, t('sales:devices.deviceTitle', { serial: SERIALS[0] }));
    await page.getByRole('link', { name: t('sales:returns.fromDevice') }).click();
    await expectHeading(page, t('sales:returns.form.title'));
    await expectText(page.getByTestId('return-form-lines'), SERIALS[0]);
    // The returns shelf is chosen for the user.
    await eventually(() => field(page, t('sales:returns.form.location')).inputValue()).toBe(d.shelf);
    await page.getByTestId('return-condition').getByText(t('sales:returns.conditions.faulty'), { exact: true }).click();
    await fill(page, t('sales:returns.form.reason'), d.faulty);
    await shot(page, 'return-device');
    await clickButton(page, t('sales:returns.form.submit'));
    await eventually(() => textOf(heading(page))).toMatch(/RET-\d+/);
    await expectText(page.getByTestId('return-lines'), SERIALS[0]);
    await expectText(page, d.shelf);
    await shot(page, 'return-device-done');
    const stock = await api('stock.listLots', { serial: SERIALS[0] });
    expect(stock.rows).toMatchObject([{ locationName: d.shelf, unitCost: minor(880) }]);
    const device = await api('devices.get', { id: laptopDeviceId });
    expect(device.status).toBe('returned');
  });

  test('cables come back from their charge with a credit for what the client paid', async () => {
    const { page } = browser;
    await page.goto(`${server.url}#/sales/charges/${cableChargeId}`);
    await expectHeading(page, t('sales:charge.title', { number: cableCharge }));
    await page.getByRole('link', { name: t('sales:returns.fromCharge') }).click();
    await expectHeading(page, t('sales:returns.form.title'));
    const lines = page.getByTestId('return-form-lines');
    await expectText(lines, cableCharge);
    await lines.getByRole('textbox', { name: t('sales:returns.qty') }).fill('3');
    await page.getByTestId('return-condition').getByText(t('sales:returns.conditions.new'), { exact: true }).click();
    await fill(page, t('sales:returns.form.reason'), d.unused);
    await check(page, t('sales:returns.form.giveCredit'));
    await shot(page, 'return-cables');
    await clickButton(page, t('sales:returns.form.submit'));
    await eventually(() => textOf(heading(page))).toMatch(/RET-\d+/);
    // The credit: 3 × 6.00 back to the client, as a charge on the same ticket.
    const returned = (await api('returns.list', {})).rows.find((r) => r.units === 3)!;
    expect(returned).toMatchObject({ creditAmount: minor(18), condition: 'new' });
    await expectText(page, returned.creditChargeNumber!);
    await shot(page, 'return-cables-done');
    const charge = await api('sales.getCharge', { id: cableChargeId });
    expect(charge).toMatchObject({ delivered: 8, returned: 3, returnedCost: String(3 * minor(3.2)) });
    const credit = await api('sales.getCharge', { id: returned.creditChargeId! });
    expect(credit).toMatchObject({ kind: 'credit', quantity: 1, unitPrice: -minor(18), containerId: charge.containerId });
    await page.getByRole('link', { name: cableCharge }).click();
    await expectText(page.getByTestId('charge-returned'), '3');
    await expectText(page.getByTestId('charge-returns'), returned.number);
  });

  test('Returns: both returns listed; a scanned serial finds the client’s other laptop', async () => {
    const { page } = browser;
    await nav(page, t('sales:nav.returns'));
    await expectHeading(page, t('sales:returns.title'));
    await row(page.getByTestId('returns'), d.faulty).waitFor();
    await row(page.getByTestId('returns'), d.unused).waitFor();
    await shot(page, 'returns');
    await page.getByRole('link', { name: t('sales:returns.newReturn') }).click();
    await expectHeading(page, t('sales:returns.form.title'));
    const scan = page.getByTestId('return-scan');
    // A returned unit is no longer at the client: not found, offered as a unit we did not sell.
    await scan.fill(SERIALS[0].toLowerCase());
    await scan.press('Enter');
    await expectText(page, t('sales:returns.form.notFound', { serial: SERIALS[0].toLowerCase() }));
    await scan.fill(SERIALS[1].toLowerCase());
    await scan.press('Enter');
    await expectText(page.getByTestId('return-form-lines'), SERIALS[1]);
    await eventually(() => field(page, t('sales:returns.form.client')).inputValue()).toBe(d.client);
    await shot(page, 'return-scan');
    await choose(page, t('sales:returns.form.location'), d.warehouse);
    await fill(page, t('sales:returns.form.reason'), d.unused);
    await clickButton(page, t('sales:returns.form.submit'));
    await eventually(() => textOf(heading(page))).toMatch(/RET-\d+/);
    expect((await api('stock.listLots', { serial: SERIALS[1] })).rows).toMatchObject([{ locationName: d.warehouse }]);
  });
});
