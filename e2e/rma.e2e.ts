// The device swap and the RMA (DOMAIN.md §3, steps 5–6) as a user clicks them, once per UI language, on a
// fresh server and database. A laptop is delivered to the client through the HTTP API; it fails: the
// administrator swaps it with the wizard for a unit from the technician's van, the old one going to an RMA;
// the RMA is authorized with a credit for what the client paid, sent to the vendor with their RMA number, a
// replacement with a new serial comes back into stock and the RMA is closed.
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
    tech: 'Tomás Técnico',
    van: 'Furgoneta de Tomás',
    warehouse: 'Almacén central',
    shelf: 'Estante de devoluciones',
    client: 'Clínica Dental Sonrisas SL',
    vendor: 'Distribuciones Informáticas SA',
    laptop: 'Portátil ThinkPad T14',
    ticket: 'Puesto nuevo para recepción',
    fault: 'No arranca: pantalla negra',
    reason: 'Averiado en la recepción del cliente',
  },
  en: {
    admin: 'Ann Administrator',
    tech: 'Tom Technician',
    van: "Tom's van",
    warehouse: 'Main warehouse',
    shelf: 'Returns shelf',
    client: 'Bright Smile Dental Ltd',
    vendor: 'Northern Computer Supplies Ltd',
    laptop: 'ThinkPad T14 laptop',
    ticket: 'New reception workstation',
    fault: 'Does not boot: black screen',
    reason: 'Failed at the client’s reception desk',
  },
} as const;

const SKU = 'LAP-T14';
const SERIAL = 'RM5E2E01';
/** The technician's spare in the van: the client's new laptop. */
const VAN_UNIT = 'RM5E2E50';
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
    const tech = await api('users.create', { username: 'tomas', displayName: d.tech, password: 'tech-horse-1', permissions: ['inventory.view', 'stock.deliver'] });
    const van = await api('locations.create', { name: d.van, kind: 'van', ownerUserId: tech.id });
    await api('stock.add', { productId: laptop.id, locationId: van.id, qty: 1, costMethod: 'manual', unitCost: minor(910), serials: [VAN_UNIT], reason: null });
    const ticket = await api('sales.createContainer', { kind: 'ticket', title: d.ticket, companyId: client.id });
    ticketId = ticket.id;
    const charge = await api('sales.createCharge', { containerId: ticket.id, productId: laptop.id, quantity: 1 });
    await api('stock.pick', { chargeId: charge.id, locationId: warehouse.id, serials: [SERIAL] });
    await api('delivery.deliver', { method: 'deliver', lines: [{ chargeId: charge.id }] });
    deviceId = (await api('devices.list', { serial: SERIAL })).rows[0]!.id;
    browser = await launchBrowser(lang, { shotNumberPrefix: 'm' });
    allowOnScreens(browser.page, [...Object.values(d), SERIAL, VAN_UNIT, REPLACEMENT, VENDOR_RMA, SKU]);
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

  test('the laptop fails: the swap wizard gives the client the van unit and sends the old one to an RMA', async () => {
    const { page } = browser;
    await page.goto(server.url);
    await signIn(page, t, { username: 'admin', password: 'correct-horse-1' }, d.admin);
    await page.goto(`${server.url}#/sales/devices/${deviceId}`);
    await expectHeading(page, t('sales:devices.deviceTitle', { serial: SERIAL }));
    await page.getByRole('link', { name: t('sales:swap.open') }).click();
    await expectHeading(page, t('sales:swap.title', { serial: SERIAL }));
    const scan = page.getByTestId('swap-scan');
    await scan.fill(VAN_UNIT.toLowerCase());
    await scan.press('Enter');
    await expectText(page.getByTestId('swap-replacement'), d.van);
    await page.getByTestId('swap-fate').getByText(t('sales:swap.fates.rma'), { exact: true }).click();
    await fill(page, t('sales:rma.fault'), d.fault);
    await choose(page, t('sales:rma.vendor'), d.vendor, d.vendor.slice(0, 6));
    await fill(page, t('sales:swap.reason'), d.reason);
    await shot(page, 'swap');
    await clickButton(page, t('sales:swap.submit'));
    // It lands on the RMA it opened.
    await eventually(() => textOf(page.getByRole('heading', { level: 1 }).first())).toMatch(/^RMA-1001 · /);
    expect(await status(page).getAttribute('data-status')).toBe('requested');
    const fresh = (await api('devices.list', { serial: VAN_UNIT })).rows[0]!;
    expect(fresh).toMatchObject({ status: 'installed', companyName: d.client });
    expect((await api('devices.get', { id: deviceId })).status).toBe('returned');
  });

  test('authorized with a credit for what the client paid, received into the returns shelf, sent to the vendor', async () => {
    const { page } = browser;
    await step(page, 'authorize', async () => undefined, 'authorized');
    const rma = (await api('rma.list', {})).rows[0]!;
    const detail = await api('rma.get', { id: rma.id });
    expect(detail).toMatchObject({ creditAmount: minor(1250), containerId: ticketId });
    // The swap brought the laptop back already: receiving it moves nothing.
    await step(page, 'receive', async () => undefined, 'received');
    await expectText(page, d.shelf);
    await step(page, 'sendToVendor', (form) => fill(form, t('sales:rma.vendorRma'), VENDOR_RMA), 'sentToVendor');
    await expectText(page, VENDOR_RMA);
    await shot(page, 'rma-sent');
    expect((await api('stock.listLots', { serial: SERIAL })).rows).toEqual([]);
  });

  test('a replacement with a new serial comes back into stock and the RMA is closed: the client has the van unit', async () => {
    const { page } = browser;
    await step(page, 'receiveReplacement', (form) => fill(form, t('sales:rma.fields.serial'), REPLACEMENT), 'replacementReceived');
    expect((await api('stock.listLots', { serial: REPLACEMENT })).rows).toMatchObject([{ locationName: d.shelf, unitCost: minor(880) }]);
    await step(page, 'close', async () => undefined, 'closed');
    await shot(page, 'rma-closed');
    expect((await api('devices.list', { serial: REPLACEMENT })).rows).toEqual([]);
    await nav(page, t('sales:nav.rma'));
    await expectHeading(page, t('sales:rma.title'));
    await row(page.getByTestId('rmas'), SERIAL).waitFor();
    await shot(page, 'rmas');
  });
});
