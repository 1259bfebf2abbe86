// Notifications as their users meet them, once in Spanish and once in English, on a fresh server whose
// office SMTP server is a real one started here: an administrator sees how each event is told in Admin ›
// Notifications and switches one off; a technician's charge above the threshold waits for approval and the
// approver's bell says so (and an e-mail in the approver's language arrives); the approver sets their own
// e-mail settings in the bell; approval reaches the technician's bell, a receipt both the technician's bell
// and their inbox; the outbox shows what was sent.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestSmtpServer, type TestSmtpServer } from '@main/testing/smtpServer';
import {
  allowOnScreens,
  callApi,
  clickButton,
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

/** The bell's button toggles its list (as a click outside would close it). */
async function closeBell(page: Page): Promise<void> {
  await page.getByTestId('bell').click();
  await page.getByTestId('notifications').waitFor({ state: 'hidden' });
}

describe.each(languages)('notifications (%s)', (lang: Lang) => {
  const t = translator(lang);
  const d = data[lang];
  let server: RunningServer;
  let smtp: TestSmtpServer;
  let browser: LaunchedBrowser;
  let api: Api;
  let techApi: Api;
  let approverApi: Api;
  let chargeId = 0;
  let chargeNumber = '';
  let firewallId = 0;
  let vendorId = 0;
  let warehouseId = 0;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    server = await startServer();
    api = await setupAdmin(server.url, { username: ADMIN.username, displayName: d.admin, password: ADMIN.password });
    await api('settings.update', { approvalThreshold: 10_000_000, englishLocale: 'en-GB' });
    await api('settings.updateSmtp', { host: smtp.host, port: smtp.port, security: 'none', user: '', fromAddress: 'inventory@office.example', fromName: d.admin });
    const technician = (await api('roles.list', {})).find((r) => r.key === 'technician')!;
    const tech = await api('users.create', {
      username: TECH.username,
      displayName: d.tech,
      password: TECH.password,
      permissions: ['sales.manage'],
      roleIds: [technician.id],
      email: 'tech@office.example',
      language: lang,
    });
    await api('users.create', {
      username: APPROVER.username,
      displayName: d.approver,
      password: APPROVER.password,
      permissions: ['inventory.view', 'purchasing.approve', 'costs.view'],
      email: 'approver@office.example',
      language: lang,
    });
    const warehouse = await api('locations.create', { name: d.warehouse, kind: 'warehouse' });
    warehouseId = warehouse.id;
    await api('locations.setDefault', { id: warehouse.id });
    const client = await api('catalog.createCompany', { name: d.client, isClient: true, isVendor: false });
    const vendor = await api('catalog.createCompany', { name: d.vendor, isClient: false, isVendor: true });
    vendorId = vendor.id;
    const firewall = await api('catalog.createProduct', { sku: SKU, name: d.firewall, unitCost: 11_000_000, unitPrice: 15_000_000, msrp: 16_000_000, serialized: false });
    firewallId = firewall.id;
    await api('catalog.saveProductVendor', { productId: firewall.id, vendorId: vendor.id, vendorPartNumber: 'FG-60F', vendorCost: 11_000_000, isDefault: true });
    const ticket = await api('sales.createContainer', { kind: 'ticket', title: d.ticket, companyId: client.id, ownerUserId: tech.id });
    techApi = async (channel, input) => callApi(server.url, channel, input, (await callApi(server.url, 'auth.login', TECH)).token);
    approverApi = async (channel, input) => callApi(server.url, channel, input, (await callApi(server.url, 'auth.login', APPROVER)).token);
    // The technician adds two firewalls to the ticket: 2,200.00, above the threshold.
    const charge = await techApi('sales.createCharge', { containerId: ticket.id, productId: firewall.id, quantity: 2 });
    expect(charge.status).toBe('waitingApproval');
    chargeId = charge.id;
    chargeNumber = charge.number;
    browser = await launchBrowser(lang, { shotPrefix: `${lang}-notifications` });
    allowOnScreens(browser.page, [...Object.values(d), SKU, 'FG-60F', 'approver@office.example', 'tech@office.example', 'MSP Inventory']);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.close();
  });

  test('the approver is told in the bell and by e-mail, in their language, and sets their own e-mail settings', async () => {
    const { page } = browser;
    const [mail] = await smtp.waitForMessages(1, 15_000);
    expect(mail!.to).toEqual(['approver@office.example']);
    expect(mail!.subject).toBe(`MSP Inventory: ${t('common:notifications.events.approvalNeeded.one', { number: chargeNumber })}`);
    expect(mail!.text).toContain(d.approver);

    await page.goto(server.url);
    await signIn(page, t, APPROVER, d.approver);
    await eventually(() => textOf(page.getByTestId('bell-count'))).toBe('1');
    await page.getByTestId('bell').click();
    const bell = page.getByTestId('notifications');
    await expectText(bell, t('common:notifications.events.approvalNeeded.one', { number: chargeNumber }));
    await page.getByTestId('my-notifications-toggle').click();
    const mine = page.getByTestId('my-notification-settings');
    await expectText(mine, t('common:notifications.mine.intro'));
    expect(await mine.getByRole('textbox', { name: t('common:notifications.mine.email') }).inputValue()).toBe('approver@office.example');
    await shot(page, 'my-settings');
    // Muted: the next request reaches her bell only.
    await mine.getByRole('switch', { name: t('common:notifications.mine.emailMe') }).click();
    await eventually(async () => (await approverApi('notifications.mySettings', {})).emailMuted).toBe(true);
    await closeBell(page);
    await approverApi('sales.approveCharge', { id: chargeId, note: null });
    await signOut(page, t);
  });

  test('approval reaches the technician’s bell; the receipt their bell and their inbox', async () => {
    const { page } = browser;
    await signIn(page, t, TECH, d.tech);
    await eventually(() => textOf(page.getByTestId('bell-count'))).toBe('1');
    await page.getByTestId('bell').click();
    const bell = page.getByTestId('notifications');
    await expectText(bell, t('common:notifications.events.approved.one', { number: chargeNumber, by: d.approver }));
    await shot(page, 'bell-approved');
    await closeBell(page);

    const sentBefore = smtp.messages.length;
    const order = await api('purchasing.orderForCharges', { vendorId, locationId: warehouseId, charges: [{ chargeId }] });
    await api('purchasing.submit', { id: order.id });
    await api('purchasing.receive', { lines: order.lines.map((l) => ({ lineId: l.id, qty: l.qtyOrdered })) });
    // Sent, then received (and so ready to deliver, told in the same notification): two more in the bell, live.
    await eventually(() => textOf(page.getByTestId('bell-count'))).toBe('3');
    await page.getByTestId('bell').click();
    await expectText(bell, t('common:notifications.events.itemsReceived.one', { number: chargeNumber }));
    await expectText(bell, t('common:notifications.events.readyToDeliver.one', { number: chargeNumber }));
    await shot(page, 'bell-received');
    // One e-mail for the receipt, telling both.
    const received = `MSP Inventory: ${t('common:notifications.events.itemsReceived.one', { number: chargeNumber })}`;
    await eventually(() => smtp.messages.slice(sentBefore).filter((m) => m.to.includes('tech@office.example') && m.subject.startsWith(received)).length).toBe(1);
    const receiptMail = smtp.messages.slice(sentBefore).find((m) => m.subject.startsWith(received))!;
    expect(receiptMail.text).toContain(t('common:notifications.events.readyToDeliver.one', { number: chargeNumber }));
    await closeBell(page);
    await signOut(page, t);
    // The approver muted e-mail: nothing reached her after the first.
    expect(smtp.messages.filter((m) => m.to.includes('approver@office.example'))).toHaveLength(1);
    expect(firewallId).toBeGreaterThan(0);
  });

  test('the administrator sees how each event is told, switches one off, and reads the outbox', async () => {
    const { page } = browser;
    await signIn(page, t, ADMIN, d.admin);
    await nav(page, t('admin:nav.notifications'));
    await expectHeading(page, t('admin:notices.title'));
    const readyRow = page.getByTestId('notice-readyToDeliver');
    await readyRow.waitFor();
    await readyRow.getByRole('switch', { name: t('admin:notices.onFor', { event: t('admin:notices.eventNames.readyToDeliver') }) }).uncheck({ force: true });
    await shot(page, 'settings');
    await clickButton(page, t('admin:notices.save'));
    await eventually(async () => (await api('notifications.settings', {})).find((s) => s.event === 'readyToDeliver')!.enabled).toBe(false);
    const outbox = page.getByTestId('outbox-table');
    await row(outbox, 'tech@office.example').first().waitFor();
    expect(await textOf(outbox)).toContain(t('admin:notices.outbox.statuses.sent'));
    await shot(page, 'outbox');
    await signOut(page, t);
  });
});
