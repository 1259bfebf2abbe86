// Procurement control as its users click it, once in Spanish and once in English, on a fresh server: a
// technician's charge above the approval threshold waits on Purchase Approvals; an approver whose tier does
// not cover it is told who may decide; a manager approves it; the purchasing team orders it on Purchasing &
// Fulfillment, it is received, and it waits on Delivery & Shipping — the navigation's badges following it
// from queue to queue. Then Procurement is switched off in Admin › Activations: its screens and navigation
// entries are gone, its channels refuse, and everything is back when it is switched on again.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  allowOnScreens,
  callApi,
  clickButton,
  dialog,
  eventually,
  expectHeading,
  expectText,
  languages,
  launchBrowser,
  nav,
  row,
  setupAdmin,
  shot,
  signIn,
  signOut,
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
    approver: 'Alicia Aprobadora',
    manager: 'Marta Gerente',
    approverTier: 'Aprobador',
    managerTier: 'Gerencia',
    warehouse: 'Almacén central',
    client: 'Clínica Dental Sonrisas SL',
    vendor: 'Distribuciones Informáticas SA',
    firewall: 'Cortafuegos FortiGate 60F',
    ticket: 'Cortafuegos para la clínica',
  },
  en: {
    admin: 'Ann Administrator',
    tech: 'Tom Technician',
    approver: 'Alice Approver',
    manager: 'Martha Manager',
    approverTier: 'Approver',
    managerTier: 'Management',
    warehouse: 'Main warehouse',
    client: 'Bright Smile Dental Ltd',
    vendor: 'Northern Computer Supplies Ltd',
    firewall: 'FortiGate 60F firewall',
    ticket: 'Firewalls for the clinic',
  },
} as const;

const SKU = 'FW-60F';
const ADMIN = { username: 'admin', password: 'correct-horse-1' };
const TECH = { username: 'tomas', password: 'tech-horse-1' };
const APPROVER = { username: 'alicia', password: 'approver-horse-1' };
const MANAGER = { username: 'marta', password: 'manager-horse-1' };
const approverPermissions = ['inventory.view', 'purchasing.approve', 'costs.view'] as const;

describe.each(languages)('procurement control (%s)', (lang: Lang) => {
  const t = translator(lang);
  const d = data[lang];
  let server: RunningServer;
  let browser: LaunchedBrowser;
  let api: Api;
  let chargeId = 0;
  let chargeNumber = '';

  beforeAll(async () => {
    server = await startServer();
    api = await setupAdmin(server.url, { username: ADMIN.username, displayName: d.admin, password: ADMIN.password });
    // Charges costing 1,000.00 or more wait for approval; an approver approves up to 2,000.00, a manager up to 20,000.00.
    await api('settings.update', { approvalThreshold: 10_000_000, englishLocale: 'en-GB' });
    const approverTier = await api('purchasing.saveApprovalLimit', { name: d.approverTier, upTo: 20_000_000 });
    const managerTier = await api('purchasing.saveApprovalLimit', { name: d.managerTier, upTo: 200_000_000 });
    const technician = (await api('roles.list', {})).find((r) => r.key === 'technician')!;
    const tech = await api('users.create', { username: TECH.username, displayName: d.tech, password: TECH.password, permissions: ['sales.manage'], roleIds: [technician.id] });
    await api('users.create', { username: APPROVER.username, displayName: d.approver, password: APPROVER.password, permissions: [...approverPermissions], approvalLimitId: approverTier.id });
    await api('users.create', { username: MANAGER.username, displayName: d.manager, password: MANAGER.password, permissions: [...approverPermissions], approvalLimitId: managerTier.id });
    const warehouse = await api('locations.create', { name: d.warehouse, kind: 'warehouse' });
    await api('locations.setDefault', { id: warehouse.id });
    const client = await api('catalog.createCompany', { name: d.client, isClient: true, isVendor: false });
    const vendor = await api('catalog.createCompany', { name: d.vendor, isClient: false, isVendor: true });
    const firewall = await api('catalog.createProduct', { sku: SKU, name: d.firewall, unitCost: 11_000_000, unitPrice: 15_000_000, msrp: 16_000_000, serialized: false });
    await api('catalog.saveProductVendor', { productId: firewall.id, vendorId: vendor.id, vendorPartNumber: 'FG-60F', vendorCost: 11_000_000, isDefault: true });
    const ticket = await api('sales.createContainer', { kind: 'ticket', title: d.ticket, companyId: client.id, ownerUserId: tech.id });
    // The technician adds two firewalls to the ticket: 2,200.00, above the threshold and the approver's limit.
    const techApi: Api = async (channel, input) => callApi(server.url, channel, input, (await callApi(server.url, 'auth.login', TECH)).token);
    const charge = await techApi('sales.createCharge', { containerId: ticket.id, productId: firewall.id, quantity: 2 });
    expect(charge.status).toBe('waitingApproval');
    chargeId = charge.id;
    chargeNumber = charge.number;
    browser = await launchBrowser(lang, { shotPrefix: `${lang}-procurement` });
    allowOnScreens(browser.page, [...Object.values(d), SKU, 'FG-60F']);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const badge = (page: Page, queue: string) => page.getByTestId(`nav-queue-${queue}`);
  const chargeRow = (page: Page) => row(page.getByTestId('charge-approvals'), chargeNumber);

  test('an approver whose tier does not cover the charge is told who decides; a manager approves it', async () => {
    const { page } = browser;
    await page.goto(server.url);
    await signIn(page, t, APPROVER, d.approver);
    await eventually(() => textOf(badge(page, 'approvals'))).toBe('1');
    await nav(page, t('purchasing:nav.approvals'));
    await expectHeading(page, t('purchasing:approvals.title'));
    await expectText(page.getByTestId('your-limit'), d.approverTier);
    await chargeRow(page).waitFor();
    const approve = chargeRow(page).getByRole('button', { name: t('purchasing:chargeApprovals.approveNamed', { number: chargeNumber }) });
    expect(await approve.isDisabled()).toBe(true);
    await expectText(chargeRow(page).getByTestId('why-not'), d.managerTier);
    expect(await textOf(chargeRow(page))).toContain(d.tech);
    await shot(page, 'approvals-above-limit');
    await signOut(page, t);

    await signIn(page, t, MANAGER, d.manager);
    // The manager's tier covers the charge: the bell says it waits for her (the approver's does not).
    await eventually(() => textOf(page.getByTestId('bell-count'))).toBe('1');
    await page.getByTestId('bell').click();
    const bell = page.getByTestId('notifications');
    await expectText(bell, t('common:notifications.events.approvalNeeded.one', { number: chargeNumber }));
    await shot(page, 'bell-approval-needed');
    await bell.getByTestId('notification').first().click();
    await expectHeading(page, t('sales:charge.title', { number: chargeNumber }));
    await eventually(() => page.getByTestId('bell-count').textContent()).not.toContain('1');
    await nav(page, t('purchasing:nav.approvals'));
    await chargeRow(page).waitFor();
    await chargeRow(page).getByRole('button', { name: t('purchasing:chargeApprovals.approveNamed', { number: chargeNumber }) }).click();
    const confirm = dialog(page, t('purchasing:chargeApprovals.approveTitle', { number: chargeNumber }));
    await shot(page, 'approve-charge');
    await clickButton(confirm, t('purchasing:decision.approve'));
    await confirm.waitFor({ state: 'detached' });
    await eventually(() => chargeRow(page).count()).toBe(0);
    await eventually(() => badge(page, 'approvals').count()).toBe(0);
    const charge = await api('sales.getCharge', { id: chargeId });
    expect(charge.status).toBe('needToOrder');
    expect(charge.history[0]).toMatchObject({ type: 'approve', userName: d.manager, details: { limitName: d.managerTier, limitUpTo: 200_000_000 } });
    // The technician who added it is told.
    const techInbox = await callApi(server.url, 'notifications.list', {}, (await callApi(server.url, 'auth.login', TECH)).token);
    expect(techInbox.rows.map((n) => [n.event, n.byName])).toEqual([['approved', d.manager]]);
    // It now needs ordering (nobody is on the purchasing team here: nobody else is told).
    await signOut(page, t);
  });

  test('ordered on Purchasing & Fulfillment, received, and on Delivery & Shipping: the badges follow it', async () => {
    const { page } = browser;
    await signIn(page, t, ADMIN, d.admin);
    await eventually(() => textOf(badge(page, 'fulfillment'))).toBe('1');
    expect(await badge(page, 'receiving').count()).toBe(0);
    await nav(page, t('sales:nav.fulfillment'));
    await expectHeading(page, t('sales:fulfillment.title'));
    await row(page.getByTestId('fulfillment'), chargeNumber).waitFor();
    await page.getByRole('checkbox', { name: t('sales:fulfillment.selectRow', { number: chargeNumber }) }).check();
    const panel = page.getByTestId('fulfillment-order');
    await clickButton(panel, t('sales:fulfillment.createOrder'));
    const created = page.getByTestId('fulfillment-created');
    await created.waitFor();
    const order = (await api('purchasing.listOrders', {})).rows[0]!;
    // Bought for an approved charge: the order needs no approval of its own.
    expect(await api('purchasing.getOrder', { id: order.id })).toMatchObject({ needsApproval: false, approvalCleared: true });
    await created.getByRole('link', { name: new RegExp(order.number) }).click();
    await expectHeading(page, t('purchasing:order.title', { number: order.number }));
    await page.getByTestId('po-actions').getByRole('button', { name: t('purchasing:order.submit'), exact: true }).click();
    const submit = dialog(page, t('purchasing:submit.title', { number: order.number }));
    await shot(page, 'submit-for-charge');
    await clickButton(submit, t('purchasing:submit.confirm'));
    await submit.waitFor({ state: 'detached' });
    await eventually(() => badge(page, 'fulfillment').count()).toBe(0);
    await eventually(() => textOf(badge(page, 'receiving'))).toBe('1');

    await nav(page, t('purchasing:nav.receiving'));
    await expectHeading(page, t('purchasing:receiving.title'));
    await page.getByRole('button', { name: t('purchasing:receiving.addNamed', { sku: SKU, number: order.number }), exact: true }).click();
    await clickButton(page.getByTestId('receipt-panel'), t('purchasing:receiving.receipt.post'));
    await page.getByTestId('receipt-posted').waitFor();
    await eventually(() => badge(page, 'receiving').count()).toBe(0);
    await eventually(() => textOf(badge(page, 'delivery'))).toBe('1');
    expect(await api('sales.getCharge', { id: chargeId })).toMatchObject({ status: 'ready', picked: 2 });
    // The receipt tells the technician (the ticket's owner).
    const techInbox = await callApi(server.url, 'notifications.list', {}, (await callApi(server.url, 'auth.login', TECH)).token);
    expect(techInbox.rows.flatMap((n) => [n.event, ...n.also.map((p) => p.event)]).sort()).toEqual(['approved', 'itemsReceived', 'poSubmitted', 'readyToDeliver']);
    await nav(page, t('sales:nav.delivery'));
    await expectHeading(page, t('sales:delivery.title'));
    await row(page.getByTestId('open-deliveries'), chargeNumber).waitFor();
    await shot(page, 'delivery-after-procurement');
  });

  test('Procurement switched off: its screens and entries are gone and its channels refuse; switched on, all is back', async () => {
    const { page } = browser;
    await nav(page, t('admin:nav.activations'));
    await expectHeading(page, t('admin:activations.title'));
    await page.getByTestId('activation-procurement').uncheck();
    await shot(page, 'activations');
    await clickButton(page, t('admin:activations.save'));
    await eventually(() => page.getByRole('navigation').getByRole('link', { name: t('purchasing:nav.approvals'), exact: true }).count()).toBe(0);
    expect(await page.getByRole('navigation').getByRole('link', { name: t('sales:nav.fulfillment'), exact: true }).count()).toBe(0);
    expect(await page.getByRole('navigation').getByRole('link', { name: t('sales:nav.salesOrders'), exact: true }).count()).toBe(0);
    // Inventory stays: receiving and delivery are still there.
    expect(await page.getByRole('navigation').getByRole('link', { name: t('purchasing:nav.receiving'), exact: true }).count()).toBe(1);
    expect(await page.getByRole('navigation').getByRole('link', { name: t('sales:nav.delivery'), exact: true }).count()).toBe(1);
    // A bookmark to a Procurement screen says the module is off.
    await page.evaluate(() => (window.location.hash = '/purchasing/approvals'));
    await page.getByTestId('module-off').waitFor();
    await expectText(page.getByTestId('module-off'), t('common:noAccess.moduleOffTitle', { module: t('common:modules.procurement') }));
    await shot(page, 'procurement-off');
    await expect(api('purchasing.listFulfillment', {})).rejects.toThrow(/MODULE_DISABLED/);

    await nav(page, t('admin:nav.activations'));
    await page.getByTestId('activation-procurement').check();
    await clickButton(page, t('admin:activations.save'));
    await eventually(() => page.getByRole('navigation').getByRole('link', { name: t('purchasing:nav.approvals'), exact: true }).count()).toBe(1);
    expect((await api('purchasing.listApprovalLimits', {})).map((l) => l.name)).toEqual([d.approverTier, d.managerTier]);
  });
});
