// Vans refilled from the warehouse, once in Spanish and once in English. An administrator names the main
// warehouse as the location that refills a technician's van (Locations); the reorder suggestions then
// propose a transfer from the warehouse for what the van lacks, up to what the warehouse holds above its own
// minimum, and a purchase only for the rest; creating them ships the transfer. The technician's "My van"
// shows the van's stock below its minimum, the units picked for their ticket and the shipment on its way.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  choose,
  clickButton,
  dialog,
  eventually,
  expectCell,
  expectHeading,
  expectText,
  languages,
  launchBrowser,
  nav,
  shot,
  signIn,
  signOut,
  startServer,
  setupAdmin,
  tableRecord,
  translator,
  type Lang,
  type LaunchedBrowser,
  type RunningServer,
} from './support';

const data = {
  es: { admin: 'Ana Administradora', tech: 'Tomás Técnico', main: 'Almacén central', van: 'Furgoneta de Tomás', vendor: 'Suministros Red SL', client: 'Clínica Dental Sonrisas SL', cable: 'Latiguillo Cat6 1 m', switch: 'Switch 8 puertos', ticket: 'Cableado consulta 2' },
  en: { admin: 'Ann Administrator', tech: 'Tom Technician', main: 'Main warehouse', van: 'Tom’s van', vendor: 'Network Supplies Ltd', client: 'Bright Smile Dental Ltd', cable: 'Cat6 patch cable 1 m', switch: '8-port switch', ticket: 'Cabling room 2' },
} as const;

const ADMIN = { username: 'admin', password: 'correct-horse-1' };
const TECH = { username: 'tomas', password: 'van-horse-1' };

describe.each(languages)('vans refilled from the warehouse (%s)', (lang: Lang) => {
  const t = translator(lang);
  const d = data[lang];
  let server: RunningServer;
  let browser: LaunchedBrowser;
  let chargeNumber = '';

  beforeAll(async () => {
    server = await startServer();
    const api = await setupAdmin(server.url, { username: ADMIN.username, displayName: d.admin, password: ADMIN.password });
    const technician = (await api('roles.list', {})).find((r) => r.key === 'technician')!;
    const tech = await api('users.create', { username: TECH.username, displayName: d.tech, password: TECH.password, permissions: ['sales.manage'], roleIds: [technician.id], language: lang });
    const main = await api('locations.create', { name: d.main, kind: 'warehouse', isDefault: true });
    const van = await api('locations.create', { name: d.van, kind: 'van', ownerUserId: tech.id });
    const vendor = await api('catalog.createCompany', { name: d.vendor, isVendor: true, isClient: false });
    const cable = await api('catalog.createProduct', { sku: 'CAB-C6-1M', name: d.cable, unitCost: 150_000, unitPrice: 400_000, msrp: 500_000, serialized: false });
    const sw = await api('catalog.createProduct', { sku: 'SW-8P', name: d.switch, unitCost: 2_500_000, unitPrice: 4_000_000, msrp: 4_500_000, serialized: false });
    for (const p of [cable, sw]) await api('catalog.saveProductVendor', { productId: p.id, vendorId: vendor.id, vendorCost: p.id === cable.id ? 140_000 : 2_400_000, isDefault: true });
    // The warehouse holds 49 cables, 39 above its minimum of 10; 3 switches, 1 above its minimum of 2.
    await api('stock.createInventoryProduct', { productId: cable.id, locationId: main.id, bin: 'A-01-1', min: 10, max: 60 });
    await api('stock.add', { productId: cable.id, locationId: main.id, qty: 49, costMethod: 'catalogue', reason: null });
    await api('stock.createInventoryProduct', { productId: sw.id, locationId: main.id, bin: 'B-02-1', min: 2, max: 6 });
    await api('stock.add', { productId: sw.id, locationId: main.id, qty: 3, costMethod: 'catalogue', reason: null });
    // The van keeps 4 to 12 cables (it has 2) and 1 to 3 switches (it has none).
    await api('stock.createInventoryProduct', { productId: cable.id, locationId: van.id, bin: 'Crate A', min: 4, max: 12 });
    await api('stock.transfer', { fromLocationId: main.id, toLocationId: van.id, lines: [{ productId: cable.id, qty: 2 }] });
    await api('stock.createInventoryProduct', { productId: sw.id, locationId: van.id, bin: 'Drawer 1', min: 1, max: 3 });
    // Tom's ticket at a client: one cable picked from his van.
    const client = await api('catalog.createCompany', { name: d.client, isClient: true, isVendor: false });
    const ticket = await api('sales.createContainer', { kind: 'ticket', title: d.ticket, companyId: client.id, ownerUserId: tech.id });
    const charge = await api('sales.createCharge', { containerId: ticket.id, productId: cable.id, quantity: 1 });
    await api('stock.pick', { chargeId: charge.id, locationId: van.id, qty: 1 });
    chargeNumber = charge.number;
    browser = await launchBrowser(lang, { shotPrefix: `${lang}-vans` });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the administrator names the main warehouse as the location that refills the van', async () => {
    const { page } = browser;
    await page.goto(server.url);
    await signIn(page, t, ADMIN, d.admin);
    await nav(page, t('locations:nav'));
    await expectHeading(page, t('locations:title'));
    await clickButton(page, t('locations:editNamed', { name: d.van }));
    const form = dialog(page);
    await choose(form, t('locations:fields.refillFrom'), d.main);
    await shot(page, 'van-refill-form');
    await clickButton(form, t('common:actions.saveChanges'));
    await form.waitFor({ state: 'detached' });
    await expectCell(page.getByTestId('locations-table'), d.van, t('locations:fields.refillFrom'), d.main);
    expect(browser.pageErrors).toEqual([]);
  });

  test('reorder suggestions transfer from the warehouse first and buy only the rest; the transfer is shipped in one step', async () => {
    const { page } = browser;
    await nav(page, t('purchasing:nav.suggestions'));
    await expectHeading(page, t('purchasing:suggestions.title'));
    const table = page.getByTestId('suggestions-table');
    const transferBox = (sku: string) => page.getByRole('textbox', { name: t('purchasing:suggestions.transferLabel', { sku, location: d.van, from: d.main }) });
    const buyBox = (sku: string) => page.getByRole('textbox', { name: t('purchasing:suggestions.qtyLabel', { sku, location: d.van }) });
    // Cables: 12 − 2 = 10 needed, all from the warehouse's 39 spare. Switches: 3 needed, 1 spare: 1 moves, 2 are bought.
    await eventually(() => transferBox('CAB-C6-1M').inputValue()).toBe('10');
    expect(await buyBox('CAB-C6-1M').inputValue()).toBe('0');
    expect(await transferBox('SW-8P').inputValue()).toBe('1');
    expect(await buyBox('SW-8P').inputValue()).toBe('2');
    expect((await tableRecord(table, 'CAB-C6-1M'))[t('purchasing:suggestions.qtyToTransfer')]).toContain(t('purchasing:suggestions.fromSource', { name: d.main }));
    for (const sku of ['CAB-C6-1M', 'SW-8P']) await page.getByRole('checkbox', { name: t('purchasing:suggestions.selectRow', { sku, location: d.van }) }).check();
    await shot(page, 'van-refill-suggestions');
    await clickButton(page, t('purchasing:suggestions.createWithTransfers'));
    const created = page.getByTestId('suggestions-created');
    await expectText(created, t('purchasing:suggestions.createdTransfers', { count: 1 }));
    await expectText(created, /TRF-\d+/);
    await expectText(created, /PO-\d+/);
    await shot(page, 'van-refill-created');
    // Nothing left to suggest: the order is a draft on order, the shipment is in transit.
    await eventually(() => page.getByTestId('suggestions-empty').count()).toBe(1);
    expect(browser.pageErrors).toEqual([]);
  });

  test('the technician’s My van: below its minimum, picked for his ticket, and the shipment on its way', async () => {
    const { page } = browser;
    await signOut(page, t);
    await signIn(page, t, TECH, d.tech);
    await nav(page, t('stock:nav.myVan'));
    await expectHeading(page, t('stock:myVan.title'));
    const stock = page.getByTestId('my-van-stock');
    const cables = await tableRecord(stock.locator('table'), 'CAB-C6-1M');
    expect(cables[t('stock:myVan.onHand')]).toContain('2');
    expect(cables[t('stock:myVan.onHand')]).toContain(t('stock:myVan.belowMin'));
    expect(cables[t('stock:myVan.picked')]).toBe('1');
    expect(cables[t('stock:myVan.incoming')]).toBe('10');
    await expectText(page.getByTestId('my-van-picks'), chargeNumber);
    await expectText(page.getByTestId('my-van-picks'), d.client);
    const coming = await tableRecord(page.getByTestId('my-van-incoming').locator('table'), d.main);
    expect(coming[t('stock:myVan.units')]).toBe('11');
    expect(coming[t('stock:myVan.status')]).toBe(t('stock:transfers.statuses.inTransit'));
    await shot(page, 'my-van');
    expect(browser.pageErrors).toEqual([]);
  });
});
