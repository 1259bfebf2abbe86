// RMAs (DOMAIN.md §3, step 5) as a user clicks them, once per UI language, on a fresh server and database.
// A laptop is delivered to the client through the HTTP API; it fails: the administrator opens a
// replacement RMA from its device page, authorizes it with a credit for what the client paid, receives the
// laptop, sends it to the vendor with their RMA number, receives the replacement with a new serial,
// delivers it to the client (a new device on the same ticket) and closes the RMA.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  allowOnScreens,
  choose,
  clickButton,
  dialog,
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
    shelf: 'Estante de devoluciones',
    client: 'Clínica Dental Sonrisas SL',
    vendor: 'Distribuciones Informáticas SA',
    laptop: 'Portátil ThinkPad T14',
    ticket: 'Puesto nuevo para recepción',
    fault: 'No arranca: pantalla negra',
  },
  en: {
    admin: 'Ann Administrator',
    warehouse: 'Main warehouse',
    shelf: 'Returns shelf',
    client: 'Bright Smile Dental Ltd',
    vendor: 'Northern Computer Supplies Ltd',
    laptop: 'ThinkPad T14 laptop',
    ticket: 'New reception workstation',
    fault: 'Does not boot: black screen',
  },
} as const;

const SKU = 'LAP-T14';
const SERIAL = 'RM5E2E01';
const REPLACEMENT = 'RM5E2E99';
const VENDOR_RMA = 'NCS-RMA-4411';
const minor = (units: number) => Math.round(units * 10_000);

describe.each(languages)('RMA (%s)', (lang: Lang) => {
  const t = translator(lang);
  const d = data[lang];
  let server: RunningServer;
  let browser: LaunchedBrowser;
  let api: Api;
  let deviceId = 0;
  let ticketId = 0;

  beforeAll(async () => {
    server = await startServer();
    api = await setupAdmin(server.url, { username: 'admin', displayName: d.admin, password: 'correct-horse-1' });
    const warehouse = await api('locations.create', { name: d.warehouse, kind: 'warehouse', isDefault: true });
    await api('locations.create', { name: d.shelf, kind: 'returns' });
    const client = await api('catalog.createCompany', { name: d.client, isClient: true, isVendor: false, language: lang });
    await api('catalog.createCompany', { name: d.vendor, isClient: false, isVendor: true });
    const laptop = await api('catalog.createProduct', { sku: SKU, name: d.laptop, unitCost: minor(900), unitPrice: minor(1250), msrp: minor(1400), serialized: true, warrantyMonths: 36, eligibleForRma: true });
    await api('stock.add', { productId: laptop.id, locationId: warehouse.id, qty: 1, costMethod: 'manual', unitCost: minor(880), serials: [SERIAL], reason: null });
    const ticket = await api('sales.createContainer', { kind: 'ticket', title: d.ticket, companyId: client.id });
    ticketId = ticket.id;
    const charge = await api('sales.createCharge', { containerId: ticket.id, productId: laptop.id, quantity: 1 });
    await api('stock.pick', { chargeId: charge.id, locationId: warehouse.id, serials: [SERIAL] });
    await api('delivery.deliver', { method: 'deliver', lines: [{ chargeId: charge.id }] });
    deviceId = (await api('devices.list', { serial: SERIAL })).rows[0]!.id;
    browser = await launchBrowser(lang, { shotNumberPrefix: 'm' });
    allowOnScreens(browser.page, [...Object.values(d), SERIAL, REPLACEMENT, VENDOR_RMA, SKU]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const status = (page: Page) => page.getByTestId('rma-status');
  async function step(page: Page, action: string, fields: (form: ReturnType<typeof dialog>) => Promise<void> = async () => undefined, next?: string) {
    await clickButton(page, t(`sales:rma.actions.${action}`));
    const form = dialog(page);
    await fields(form);
    await shot(page, `rma-${action}`);
    await clickButton(form, t(`sales:rma.actions.${action}`));
    await form.waitFor({ state: 'detached' });
    if (next) await eventually(() => status(page).getAttribute('data-status')).toBe(next);
  }

  test('the laptop fails: a replacement RMA is opened from its device page', async () => {
    const { page } = browser;
    await page.goto(server.url);
    await signIn(page, t, { username: 'admin', password: 'correct-horse-1' }, d.admin);
    await page.goto(`${server.url}#/sales/devices/${deviceId}`);
    await expectHeading(page, t('sales:devices.deviceTitle', { serial: SERIAL }));
    await clickButton(page, t('sales:rma.open'));
    const form = dialog(page, t('sales:rma.openTitle', { serial: SERIAL }));
    await form.getByTestId('rma-type').getByText(t('sales:rma.types.replace'), { exact: true }).click();
    await fill(form, t('sales:rma.fault'), d.fault);
    await choose(form, t('sales:rma.vendor'), d.vendor, d.vendor.slice(0, 6));
    await shot(page, 'rma-open');
    await clickButton(form, t('sales:rma.open'));
    await eventually(() => textOf(page.getByRole('heading', { level: 1 }).first())).toMatch(/^RMA-1001 · /);
    expect(await status(page).getAttribute('data-status')).toBe('requested');
  });

  test('authorized with a credit for what the client paid, received into the returns shelf, sent to the vendor', async () => {
    const { page } = browser;
    await step(page, 'authorize', async () => undefined, 'authorized');
    const rma = (await api('rma.list', {})).rows[0]!;
    const detail = await api('rma.get', { id: rma.id });
    expect(detail).toMatchObject({ creditAmount: minor(1250), containerId: ticketId });
    await step(page, 'receive', async () => undefined, 'received');
    await expectText(page, d.shelf);
    await step(page, 'sendToVendor', (form) => fill(form, t('sales:rma.vendorRma'), VENDOR_RMA), 'sentToVendor');
    await expectText(page, VENDOR_RMA);
    await shot(page, 'rma-sent');
    expect((await api('stock.listLots', { serial: SERIAL })).rows).toEqual([]);
  });

  test('a replacement with a new serial comes back into stock, is delivered to the client, and the RMA is closed', async () => {
    const { page } = browser;
    await step(page, 'receiveReplacement', (form) => fill(form, t('sales:rma.fields.serial'), REPLACEMENT), 'replacementReceived');
    expect((await api('stock.listLots', { serial: REPLACEMENT })).rows).toMatchObject([{ locationName: d.shelf, unitCost: minor(880) }]);
    await step(page, 'deliver', async () => undefined, 'delivered');
    await step(page, 'close', async () => undefined, 'closed');
    await shot(page, 'rma-closed');
    const device = (await api('devices.list', { serial: REPLACEMENT })).rows[0]!;
    expect(device).toMatchObject({ status: 'installed', companyName: d.client, containerId: ticketId });
    await nav(page, t('sales:nav.rma'));
    await expectHeading(page, t('sales:rma.title'));
    await row(page.getByTestId('rmas'), SERIAL).waitFor();
    await shot(page, 'rmas');
  });
});
