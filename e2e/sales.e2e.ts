// Charges, picking and delivery (DOMAIN.md §3, steps 3–4) as a user clicks them, once per UI language,
// each on a fresh server and database. The warehouse, the technician's van, the client and the stock are
// set up through the HTTP API; the administrator opens a ticket and a project, adds their charges, picks
// units (from the van and from two locations), prints the pick and packing lists, delivers in person and
// ships with tracking (partially, then the rest), and finds the installed laptop by its serial.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pdfPages } from '../src/main/testing/pdfText';
import {
  allowOnScreens,
  check,
  choose,
  clickButton,
  dialog,
  eventually,
  expectHeading,
  expectNotification,
  expectText,
  fill,
  field,
  fillForm,
  languages,
  launchBrowser,
  nav,
  row,
  setupAdmin,
  shot,
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
    warehouse: 'Almacén central',
    van: 'Furgoneta de Tomás',
    client: 'Clínica Dental Sonrisas SL',
    street: 'Calle Mayor 8',
    city: 'Valencia',
    laptop: 'Portátil ThinkPad T14',
    cable: 'Cable de red Cat6 2 m',
    ticket: 'Puesto nuevo para recepción',
    project: 'Renovación de la red de la clínica',
    carrier: 'SEUR',
    loan: 'Préstamo mientras se repara su portátil',
    opportunity: 'Cableado de la segunda planta',
    lostReason: 'Eligieron otro proveedor',
    wonOpportunity: 'Latiguillos para el rack',
    vendor: 'Distribuciones Informáticas SA',
  },
  en: {
    admin: 'Ann Administrator',
    tech: 'Tom Technician',
    warehouse: 'Main warehouse',
    van: "Tom's van",
    client: 'Bright Smile Dental Ltd',
    street: '8 High Street',
    city: 'Bristol',
    laptop: 'ThinkPad T14 laptop',
    cable: 'Cat6 network cable 2 m',
    ticket: 'New reception workstation',
    project: 'Clinic network refresh',
    carrier: 'DPD',
    loan: 'Loan while their laptop is repaired',
    opportunity: 'Second floor cabling',
    lostReason: 'They chose another provider',
    wonOpportunity: 'Patch cables for the rack',
    vendor: 'Northern Computer Supplies Ltd',
  },
} as const;

const LAPTOP_SKU = 'LAP-T14';
const CABLE_SKU = 'CAB-C6-2M';
const SERIALS = ['PF5E2E01', 'PF5E2E02'] as const;
/** The laptop bought from the vendor for the won opportunity's charge. */
const BOUGHT_SERIAL = 'PF5E2E03';
const TRACKING = 'TRK-0042-7731';
const minor = (units: number) => Math.round(units * 10_000);

describe.each(languages)('sales and delivery (%s)', (lang: Lang) => {
  const t = translator(lang);
  const d = data[lang];
  let server: RunningServer;
  let browser: LaunchedBrowser;
  let api: Api;

  async function setUp(api: Api) {
    const warehouse = await api('locations.create', { name: d.warehouse, kind: 'warehouse', isDefault: true });
    const tech = await api('users.create', { username: 'tomas', displayName: d.tech, password: 'tech-horse-1', permissions: ['inventory.view', 'stock.pick', 'stock.deliver', 'stock.transfer'] });
    const van = await api('locations.create', { name: d.van, kind: 'van', ownerUserId: tech.id });
    await api('catalog.createCompany', { name: d.client, isClient: true, isVendor: false, address1: d.street, city: d.city, postalCode: '46001', language: lang });
    const laptop = await api('catalog.createProduct', { sku: LAPTOP_SKU, name: d.laptop, unitCost: minor(900), unitPrice: minor(1250), msrp: minor(1400), serialized: true, warrantyMonths: 36 });
    const vendor = await api('catalog.createCompany', { name: d.vendor, isVendor: true, isClient: false });
    await api('catalog.saveProductVendor', { productId: laptop.id, vendorId: vendor.id, vendorPartNumber: '21KC-ES', vendorCost: minor(870), isDefault: true });
    const cable = await api('catalog.createProduct', { sku: CABLE_SKU, name: d.cable, unitCost: minor(3.5), unitPrice: minor(6), msrp: minor(7), serialized: false });
    await api('stock.add', { productId: laptop.id, locationId: van.id, qty: 2, costMethod: 'manual', unitCost: minor(880), serials: [...SERIALS], reason: null });
    await api('stock.createInventoryProduct', { productId: cable.id, locationId: warehouse.id, bin: 'B-07', min: 0, max: 50 });
    await api('stock.add', { productId: cable.id, locationId: warehouse.id, qty: 10, costMethod: 'manual', unitCost: minor(3.2), reason: null });
    await api('stock.add', { productId: cable.id, locationId: van.id, qty: 5, costMethod: 'manual', unitCost: minor(3.4), reason: null });
  }

  beforeAll(async () => {
    server = await startServer();
    api = await setupAdmin(server.url, { username: 'admin', displayName: d.admin, password: 'correct-horse-1' });
    await setUp(api);
    browser = await launchBrowser(lang, { shotNumberPrefix: 's' });
    allowOnScreens(browser.page, [...Object.values(d), ...SERIALS, BOUGHT_SERIAL, TRACKING, LAPTOP_SKU, CABLE_SKU]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const heading = (page: Page) => page.getByRole('heading', { level: 1 }).first();

  /** Contracts, projects & tickets › New: a container for the client; its page opens. */
  async function openContainer(page: Page, kind: 'ticket' | 'project', title: string): Promise<string> {
    await nav(page, t('sales:nav.containers'));
    await expectHeading(page, t('sales:containers.title'));
    await clickButton(page, t('sales:containers.new'));
    const form = dialog(page, t('sales:containerForm.newTitle'));
    await form.getByText(t(`sales:kinds.${kind}`), { exact: true }).click();
    await fill(form, t('sales:containerForm.titleField'), title);
    await choose(form, t('sales:containerForm.company'), d.client, d.client.slice(0, 6));
    await choose(form, kind === 'ticket' ? t('sales:containerForm.technician') : t('sales:containerForm.owner'), d.tech);
    await shot(page, `${kind}-new`);
    await clickButton(form, t('common:actions.create'));
    await form.waitFor({ state: 'detached' });
    await eventually(() => textOf(heading(page))).toMatch(new RegExp(`^(TKT|PRJ)-\\d+ · ${title}$`));
    return (await textOf(heading(page))).split(' · ')[0]!;
  }

  /** Add charge on the container's page; the charge opens from its row. */
  async function addCharge(page: Page, container: string, sku: string, name: string, quantity: number): Promise<string> {
    await clickButton(page, t('sales:charges.add'));
    const form = dialog(page, t('sales:chargeForm.newTitle', { number: container }));
    await choose(form, t('sales:chargeForm.product'), new RegExp(`^${sku}`), sku);
    await fill(form, t('sales:chargeForm.quantity'), quantity);
    await shot(page, 'charge-new');
    await clickButton(form, t('common:actions.add'));
    await form.waitFor({ state: 'detached' });
    const line = row(page.getByTestId('container-charges'), name);
    await line.waitFor();
    const number = (await textOf(line.locator('td').first())).trim();
    expect(number).toMatch(/^CHG-\d+$/);
    return number;
  }

  async function openCharge(page: Page, number: string) {
    await row(page.getByTestId('container-charges'), number).getByRole('link', { name: number }).click();
    await expectHeading(page, t('sales:charge.title', { number }));
  }

  async function expectChargeStatus(page: Page, status: string) {
    await eventually(() => page.getByTestId('charge-status').getAttribute('data-status')).toBe(status);
    expect(await textOf(page.getByTestId('charge-status'))).toBe(t(`sales:chargeStatus.${status}`));
  }

  /** Pick on the charge's page: from `location`, serials or a quantity. */
  async function pick(page: Page, number: string, location: string, choice: { serials?: string[]; qty?: number }) {
    await clickButton(page, t('sales:charge.pick'));
    const form = dialog(page, t('sales:pickForm.title', { number }));
    await choose(form, t('sales:pickForm.location'), new RegExp(`^${location} · `));
    for (const serial of choice.serials ?? []) await check(form, serial);
    if (choice.qty !== undefined) await fill(form, t('sales:pickForm.quantity'), choice.qty);
    await shot(page, 'charge-pick');
    await clickButton(form, t('sales:charge.pick'));
    await form.waitFor({ state: 'detached' });
  }

  const openLines = (page: Page) => page.getByTestId('open-deliveries');
  const markLine = (page: Page, charge: string, location: string) => page.getByRole('checkbox', { name: t('sales:delivery.markLine', { charge, location }) }).check();

  async function download(page: Page, button: string) {
    const [file] = await Promise.all([page.waitForEvent('download'), clickButton(page.getByTestId('delivery-marked'), button)]);
    return { filename: file.suggestedFilename(), text: (await pdfPages(await readFile(await file.path()))).join('\n') };
  }

  let ticketCharge = '';
  let projectCharge = '';

  test('sign in; a ticket for the client with its technician, and a laptop charge', async () => {
    const { page } = browser;
    await page.goto(server.url);
    await page.getByRole('heading', { name: t('auth:login.title') }).first().waitFor();
    await fillForm(page, { [t('auth:fields.username')]: 'admin', [t('auth:fields.password')]: 'correct-horse-1' });
    await clickButton(page, t('auth:login.submit'));
    await expectText(page.getByRole('banner'), d.admin);
    const ticket = await openContainer(page, 'ticket', d.ticket);
    ticketCharge = await addCharge(page, ticket, LAPTOP_SKU, d.laptop, 1);
    await shot(page, 'ticket');
    await openCharge(page, ticketCharge);
    await expectChargeStatus(page, 'needToOrder');
  });

  test('pick the laptop from the van by serial: the charge is ready to deliver', async () => {
    const { page } = browser;
    await pick(page, ticketCharge, d.van, { serials: [SERIALS[0]] });
    await expectChargeStatus(page, 'ready');
    await expectText(page.getByTestId('charge-picks'), SERIALS[0]);
    await shot(page, 'charge-picked');
  });

  test('Delivery & shipping: deliver the line in person; the delivery document lists the serial', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: t('sales:charge.deliver') }).click();
    await expectHeading(page, t('sales:delivery.title'));
    await row(openLines(page), ticketCharge).waitFor();
    await markLine(page, ticketCharge, d.van);
    await shot(page, 'delivery-marked');
    await clickButton(page.getByTestId('delivery-marked'), t('sales:delivery.deliver'));
    const form = dialog(page, t('sales:deliverForm.deliverTitle', { client: d.client }));
    await shot(page, 'deliver');
    await clickButton(form, t('sales:deliverForm.deliver'));
    await eventually(() => textOf(heading(page))).toMatch(/DLV-\d+/);
    await expectText(page.getByTestId('delivery-lines'), SERIALS[0]);
    await shot(page, 'delivery');
  });

  test('Devices: the laptop is found by its serial, at the client, with its warranty', async () => {
    const { page } = browser;
    await nav(page, t('sales:nav.devices'));
    await expectHeading(page, t('sales:devices.title'));
    await fill(page, t('sales:devices.serial'), SERIALS[0].toLowerCase());
    const line = row(page.getByTestId('devices'), SERIALS[0]);
    await line.waitFor();
    expect(await textOf(line)).toContain(d.client);
    expect(await page.getByTestId('devices').locator('tbody tr').count()).toBe(1);
    await shot(page, 'devices');
    await line.getByRole('link', { name: SERIALS[0] }).click();
    await expectHeading(page, SERIALS[0]);
    await expectText(page.getByTestId('device-moves'), d.van);
    // The virtual Customer location is named in the user's language.
    await expectText(page.getByTestId('device-moves'), t('locations:virtual.names.customer'));
  });

  test('a project: cables picked from the warehouse and from the van', async () => {
    const { page } = browser;
    const project = await openContainer(page, 'project', d.project);
    projectCharge = await addCharge(page, project, CABLE_SKU, d.cable, 8);
    await openCharge(page, projectCharge);
    await pick(page, projectCharge, d.warehouse, { qty: 5 });
    await expectChargeStatus(page, 'needToOrder');
    await pick(page, projectCharge, d.van, { qty: 3 });
    await expectChargeStatus(page, 'ready');
    await shot(page, 'project-charge');
  });

  test('pick list and packing list of the two lines, then ship the warehouse line with tracking (partial) and deliver the rest', async () => {
    const { page } = browser;
    await nav(page, t('sales:nav.delivery'));
    await expectHeading(page, t('sales:delivery.title'));
    await row(openLines(page), projectCharge).first().waitFor();
    await markLine(page, projectCharge, d.warehouse);
    await markLine(page, projectCharge, d.van);
    const pickList = await download(page, t('sales:delivery.pickList'));
    expect(pickList.text).toContain(d.warehouse);
    expect(pickList.text).toContain(d.van);
    expect(pickList.text).toContain('B-07');
    const packing = await download(page, t('sales:delivery.packingList'));
    expect(packing.text).toContain(d.client);
    expect(packing.text).toContain(d.street);
    expect(packing.text).toContain(CABLE_SKU);

    // Only the warehouse's units leave by courier today.
    await page.getByRole('checkbox', { name: t('sales:delivery.markLine', { charge: projectCharge, location: d.van }) }).uncheck();
    await clickButton(page.getByTestId('delivery-marked'), t('sales:delivery.ship'));
    const form = dialog(page, t('sales:deliverForm.shipTitle', { client: d.client }));
    await fill(form, t('sales:deliverForm.carrier'), d.carrier);
    await fill(form, t('sales:deliverForm.tracking'), TRACKING);
    await shot(page, 'ship');
    await clickButton(form, t('sales:deliverForm.ship'));
    await eventually(() => textOf(heading(page))).toMatch(/DLV-\d+/);
    await expectText(page, TRACKING);

    await page.goBack();
    await expectHeading(page, t('sales:delivery.title'));
    await row(openLines(page), projectCharge).first().waitFor();
    expect(await openLines(page).locator('tbody tr').filter({ hasText: projectCharge }).count()).toBe(1);
    await markLine(page, projectCharge, d.van);
    await clickButton(page.getByTestId('delivery-marked'), t('sales:delivery.deliver'));
    await clickButton(dialog(page, t('sales:deliverForm.deliverTitle', { client: d.client })), t('sales:deliverForm.deliver'));
    await eventually(() => textOf(heading(page))).toMatch(/DLV-\d+/);
    await expectNotification(page, new RegExp(d.client));
    const charge = await api('sales.listCharges', { q: projectCharge });
    expect(charge.rows[0]).toMatchObject({ status: 'delivered', delivered: 8, picked: 0 });
  });

  test('a loan outside any charge: the second laptop leaves the van on a delivery with its reason, and is a device at the client', async () => {
    const { page } = browser;
    await nav(page, t('sales:nav.delivery'));
    await expectHeading(page, t('sales:delivery.title'));
    await clickButton(page, t('sales:delivery.sendToClient'));
    await expectHeading(page, t('sales:sendForm.title'));
    await choose(page, t('sales:sendForm.client'), d.client, d.client.slice(0, 6));
    await choose(page, t('sales:sendForm.from'), new RegExp(`^${d.van}`));
    await fill(page, t('sales:sendForm.reason'), d.loan);
    const line = page.getByTestId('stock-line-1');
    await choose(line, t('pickers:stockLines.productAtSource'), `${LAPTOP_SKU} · ${d.laptop}`);
    const scan = line.getByTestId('serial-pick-input');
    await scan.fill(SERIALS[1]);
    await scan.press('Enter');
    await eventually(() => textOf(line.getByTestId('serial-chosen-count'))).toMatch(/^1\D/);
    await shot(page, 'send-to-client');
    await clickButton(page, t('sales:deliverForm.deliver'));
    await eventually(() => textOf(heading(page))).toMatch(/DLV-\d+/);
    await expectText(page, d.loan);
    await expectText(page.getByTestId('delivery-lines'), SERIALS[1]);
    await shot(page, 'loan-delivery');
    const devices = await api('devices.list', { serial: SERIALS[1] });
    expect(devices.rows).toHaveLength(1);
    expect(devices.rows[0]).toMatchObject({ serialNumber: SERIALS[1], companyName: d.client, chargeId: null });
  });

  test('an opportunity: cables quoted and two reserved at the warehouse, then lost: the reservation is released', async () => {
    const { page } = browser;
    await nav(page, t('sales:nav.opportunities'));
    await expectHeading(page, t('sales:opportunities.title'));
    await clickButton(page, t('sales:opportunities.new'));
    const form = dialog(page, t('sales:opportunityForm.newTitle'));
    await choose(form, t('sales:opportunityForm.client'), d.client, d.client.slice(0, 6));
    await fill(form, t('sales:opportunityForm.titleField'), d.opportunity);
    await shot(page, 'opportunity-new');
    await clickButton(form, t('common:actions.create'));
    await form.waitFor({ state: 'detached' });
    await eventually(() => textOf(heading(page))).toMatch(new RegExp(`^OPP-\\d+ · ${d.opportunity}$`));
    const number = (await textOf(heading(page))).split(' · ')[0]!;

    await clickButton(page, t('sales:opportunity.addItem'));
    const item = dialog(page, t('sales:quoteItemForm.newTitle', { number }));
    await choose(item, t('sales:quoteItemForm.product'), new RegExp(`^${CABLE_SKU}`), CABLE_SKU);
    await fill(item, t('sales:quoteItemForm.quantity'), 3);
    await shot(page, 'quote-item-new');
    await clickButton(item, t('common:actions.add'));
    await item.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: t('sales:opportunity.reserveLine', { line: 1 }) }).click();
    const reserve = dialog(page, t('sales:reserveForm.title', { line: 1, sku: CABLE_SKU }));
    await choose(reserve, t('sales:reserveForm.location'), new RegExp(`^${d.warehouse} · `));
    await fill(reserve, t('sales:reserveForm.quantity'), 2);
    await shot(page, 'reserve');
    await clickButton(reserve, t('sales:opportunity.reserve'));
    await reserve.waitFor({ state: 'detached' });
    await expectText(page.getByTestId('quote-items'), d.warehouse);
    await shot(page, 'opportunity-reserved');
    const stocked = async () => (await api('stock.listInventoryProducts', { q: CABLE_SKU })).rows.find((r: { locationName: string }) => r.locationName === d.warehouse)!;
    expect(await stocked()).toMatchObject({ reserved: 2 });
    // Inventory products' Reserved figure opens the opportunities holding the units.
    const cable = await stocked();
    await page.evaluate((hash) => (window.location.hash = hash), `/sales/opportunities?reservingProductId=${cable.productId}&reservingLocationId=${cable.locationId}`);
    await expectHeading(page, t('sales:opportunities.title'));
    await row(page.getByTestId('opportunities'), number).waitFor();
    expect(await page.getByTestId('opportunities').locator('tbody tr').count()).toBe(1);
    await row(page.getByTestId('opportunities'), number).getByRole('link', { name: number }).click();
    await eventually(() => textOf(heading(page))).toMatch(new RegExp(`^${number} · `));

    await clickButton(page, t('sales:opportunity.lose'));
    const lose = dialog(page, t('sales:opportunity.loseTitle', { number }));
    await fill(lose, t('sales:opportunity.lostReason'), d.lostReason);
    await shot(page, 'opportunity-lose');
    await clickButton(lose, t('sales:opportunity.lose'));
    await lose.waitFor({ state: 'detached' });
    await eventually(() => page.getByTestId('opportunity-status').getAttribute('data-status')).toBe('lost');
    await expectText(page, d.lostReason);
    expect(await stocked()).toMatchObject({ reserved: 0 });
  });

  test('a won opportunity: the quote PDF for the client, then its item becomes a charge with the reserved unit picked, and a sales order follows it', async () => {
    const { page } = browser;
    await nav(page, t('sales:nav.opportunities'));
    await expectHeading(page, t('sales:opportunities.title'));
    await clickButton(page, t('sales:opportunities.new'));
    const form = dialog(page, t('sales:opportunityForm.newTitle'));
    await choose(form, t('sales:opportunityForm.client'), d.client, d.client.slice(0, 6));
    await fill(form, t('sales:opportunityForm.titleField'), d.wonOpportunity);
    await clickButton(form, t('common:actions.create'));
    await form.waitFor({ state: 'detached' });
    await eventually(() => textOf(heading(page))).toMatch(new RegExp(`^OPP-\\d+ · ${d.wonOpportunity}$`));
    const number = (await textOf(heading(page))).split(' · ')[0]!;
    await clickButton(page, t('sales:opportunity.addItem'));
    const item = dialog(page, t('sales:quoteItemForm.newTitle', { number }));
    await choose(item, t('sales:quoteItemForm.product'), new RegExp(`^${CABLE_SKU}`), CABLE_SKU);
    await fill(item, t('sales:quoteItemForm.quantity'), 1);
    await clickButton(item, t('common:actions.add'));
    await item.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: t('sales:opportunity.reserveLine', { line: 1 }) }).click();
    const reserve = dialog(page, t('sales:reserveForm.title', { line: 1, sku: CABLE_SKU }));
    await choose(reserve, t('sales:reserveForm.location'), new RegExp(`^${d.warehouse} · `));
    await clickButton(reserve, t('sales:opportunity.reserve'));
    await reserve.waitFor({ state: 'detached' });
    await expectText(page.getByTestId('quote-items'), d.warehouse);
    // A laptop too: none is left in stock, so it will be bought for its charge.
    await clickButton(page, t('sales:opportunity.addItem'));
    const second = dialog(page, t('sales:quoteItemForm.newTitle', { number }));
    await choose(second, t('sales:quoteItemForm.product'), new RegExp(`^${LAPTOP_SKU}`), LAPTOP_SKU);
    await fill(second, t('sales:quoteItemForm.quantity'), 1);
    await clickButton(second, t('common:actions.add'));
    await second.waitFor({ state: 'detached' });
    await expectText(page.getByTestId('quote-items'), LAPTOP_SKU);

    // The quote for the client, in the client's language, net prices.
    const [file] = await Promise.all([page.waitForEvent('download'), clickButton(page, t('sales:opportunity.quotePdf'))]);
    const quote = (await pdfPages(await readFile(await file.path()))).join('\n');
    expect(quote).toContain(number);
    expect(quote).toContain(d.client);
    expect(quote).toContain(CABLE_SKU);
    expect(quote).toContain(lang === 'es' ? 'Precios sin IVA' : 'Prices exclude VAT');

    await clickButton(page, t('sales:opportunity.win'));
    const win = dialog(page, t('sales:winForm.title', { number }));
    await shot(page, 'opportunity-win');
    await clickButton(win, t('sales:winForm.submit'));
    await eventually(() => textOf(heading(page))).toMatch(/SO-\d+/);
    await eventually(() => page.getByTestId('sales-order-status').getAttribute('data-status')).toBe('inProgress');
    await expectText(page.getByTestId('sales-order-items'), CABLE_SKU);
    await shot(page, 'sales-order');
    const orders = await api('sales.listSalesOrders', {});
    expect(orders.rows[0]).toMatchObject({ opportunityNumber: number, status: 'inProgress', itemCount: 2 });
    // The client's page lists its opportunities, the lost one and the won one.
    await page.getByRole('link', { name: d.client }).first().click();
    await expectHeading(page, d.client);
    await page.getByRole('tab', { name: t('sales:clients.tabs.opportunities') }).click();
    await row(page.getByTestId('client-opportunities'), number).waitFor();
    expect(await page.getByTestId('client-opportunities').locator('tbody tr').count()).toBe(2);
  });

  test('Purchasing & fulfillment: the laptop is bought for its charge in one step; received, it is picked for it; shipped, the sales order is Fulfilled', async () => {
    const { page } = browser;
    const salesOrder = (await api('sales.listSalesOrders', {})).rows[0]!;
    const items = (await api('sales.getSalesOrder', { id: salesOrder.id })).items as { sku: string; chargeNumber: string; chargeId: number }[];
    const laptopCharge = items.find((i) => i.sku === LAPTOP_SKU)!;
    const cableCharge = items.find((i) => i.sku === CABLE_SKU)!;
    // The queues' badges in the navigation: one charge to order, nothing to receive yet.
    await eventually(() => textOf(page.getByTestId('nav-queue-fulfillment'))).toBe('1');
    expect(await page.getByTestId('nav-queue-receiving').count()).toBe(0);
    await nav(page, t('sales:nav.fulfillment'));
    await expectHeading(page, t('sales:fulfillment.title'));
    const list = page.getByTestId('fulfillment');
    await row(list, laptopCharge.chargeNumber).waitFor();
    expect(await textOf(row(list, laptopCharge.chargeNumber))).toContain(d.vendor);
    await page.getByRole('checkbox', { name: t('sales:fulfillment.selectRow', { number: laptopCharge.chargeNumber }) }).check();
    const panel = page.getByTestId('fulfillment-order');
    // The product's default vendor and the default location are chosen already.
    await shot(page, 'fulfillment');
    await eventually(() => field(panel, t('sales:fulfillment.orderVendor')).first().inputValue()).toBe(d.vendor);
    await clickButton(panel, t('sales:fulfillment.createOrder'));
    const created = page.getByTestId('fulfillment-created');
    await created.waitFor();
    const order = (await api('purchasing.listOrders', {})).rows[0]!;
    await created.getByRole('link', { name: new RegExp(order.number) }).click();
    await expectHeading(page, t('purchasing:order.title', { number: order.number }));
    await expectText(page.getByTestId('po-lines'), laptopCharge.chargeNumber);
    await page.getByTestId('po-actions').getByRole('button', { name: t('purchasing:order.submit'), exact: true }).click();
    const submit = dialog(page, t('purchasing:submit.title', { number: order.number }));
    await shot(page, 'po-for-charge-submit');
    await clickButton(submit, t('purchasing:submit.confirm'));
    await submit.waitFor({ state: 'detached' });
    expect((await api('sales.getCharge', { id: laptopCharge.chargeId })).status).toBe('onOrder');
    // The item moved on: out of Purchasing & Fulfillment, into Receiving.
    await eventually(() => page.getByTestId('nav-queue-fulfillment').count()).toBe(0);
    await eventually(() => textOf(page.getByTestId('nav-queue-receiving'))).toBe('1');

    // Receiving: the line names the charge it buys for; the unit received is picked for it.
    await nav(page, t('purchasing:nav.receiving'));
    await expectHeading(page, t('purchasing:receiving.title'));
    await page.getByRole('button', { name: t('purchasing:receiving.addNamed', { sku: LAPTOP_SKU, number: order.number }), exact: true }).click();
    const line = page.getByRole('group', { name: t('purchasing:receiving.line.group', { number: order.number, sku: LAPTOP_SKU }), exact: true });
    await expectText(line.getByTestId('receipt-line-charge'), laptopCharge.chargeNumber);
    const serialInput = line.getByTestId('serial-input');
    await serialInput.fill(BOUGHT_SERIAL);
    await serialInput.press('Enter');
    // The serial is on the line (1 of 1) before the receipt is posted.
    await eventually(() => textOf(line.getByTestId('serial-counter'))).toMatch(/1\D+1/);
    await shot(page, 'receiving-for-charge');
    await clickButton(page.getByTestId('receipt-panel'), t('purchasing:receiving.receipt.post'));
    await page.getByTestId('receipt-posted').waitFor();
    expect(await api('sales.getCharge', { id: laptopCharge.chargeId })).toMatchObject({ status: 'ready', picked: 1 });
    await eventually(() => page.getByTestId('nav-queue-receiving').count()).toBe(0);

    // Both items leave in one shipment: the sales order is Fulfilled.
    await nav(page, t('sales:nav.delivery'));
    await expectHeading(page, t('sales:delivery.title'));
    await row(openLines(page), laptopCharge.chargeNumber).waitFor();
    await markLine(page, laptopCharge.chargeNumber, d.warehouse);
    await markLine(page, cableCharge.chargeNumber, d.warehouse);
    await clickButton(page.getByTestId('delivery-marked'), t('sales:delivery.ship'));
    const ship = dialog(page, t('sales:deliverForm.shipTitle', { client: d.client }));
    await fill(ship, t('sales:deliverForm.carrier'), d.carrier);
    await clickButton(ship, t('sales:deliverForm.ship'));
    await eventually(() => textOf(heading(page))).toMatch(/DLV-\d+/);
    await expectText(page.getByTestId('delivery-lines'), BOUGHT_SERIAL);
    await page.evaluate((hash) => (window.location.hash = hash), `/sales/orders/${salesOrder.id}`);
    await eventually(() => page.getByTestId('sales-order-status').getAttribute('data-status')).toBe('fulfilled');
    await expectText(page.getByTestId('sales-order-items'), LAPTOP_SKU);
    await shot(page, 'sales-order-fulfilled');
    // The charge page tells where its laptop came from.
    await page.getByRole('link', { name: laptopCharge.chargeNumber }).click();
    await expectHeading(page, t('sales:charge.title', { number: laptopCharge.chargeNumber }));
    await expectText(page.getByTestId('charge-purchase-lines'), order.number);
    await shot(page, 'charge-bought');
  });
});
