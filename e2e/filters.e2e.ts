// Work queues remember their filters per user, once in Spanish and once in English: on Purchasing &
// Fulfillment a client filter comes back when the user returns through the navigation (after visiting
// another screen, after signing out and in again), not for another user signing in on the same browser,
// and once cleared the queue opens unfiltered. Two clients, each with a charge of a product nobody has
// in stock (so both wait to be ordered), and a buyer are set up through the HTTP API. Delivery &
// Shipping (its tab with the tab's search) and Purchase orders (by status) come back the same way.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  allowOnScreens,
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
  shot,
  signIn,
  signOut,
  startServer,
  setupAdmin,
  translator,
  type Lang,
  type LaunchedBrowser,
  type RunningServer,
} from './support';

const data = {
  es: { admin: 'Ana Administradora', buyer: 'Bruno Comprador', clientA: 'Clínica Dental Sonrisas SL', clientB: 'Gestoría López y Asociados', product: 'Monitor Dell 24"', ticket: 'Puesto nuevo' },
  en: { admin: 'Ann Administrator', buyer: 'Bill Buyer', clientA: 'Bright Smile Dental Ltd', clientB: 'Lopez Accountants LLP', product: 'Dell 24" monitor', ticket: 'New workstation' },
} as const;

const ADMIN = { username: 'admin', password: 'correct-horse-1' };
const BUYER = { username: 'bruno', password: 'buyer-horse-1' };

describe.each(languages)('remembered filters (%s)', (lang: Lang) => {
  const t = translator(lang);
  const d = data[lang];
  let server: RunningServer;
  let browser: LaunchedBrowser;
  let clientA = 0;
  const charges = { a: '', b: '' };

  beforeAll(async () => {
    server = await startServer();
    const api = await setupAdmin(server.url, { username: ADMIN.username, displayName: d.admin, password: ADMIN.password });
    await api('users.create', { username: BUYER.username, displayName: d.buyer, password: BUYER.password, permissions: ['inventory.view', 'purchasing.manage'] });
    const product = await api('catalog.createProduct', { sku: 'MON-24', name: d.product, unitCost: 1_200_000, unitPrice: 1_800_000, msrp: 2_000_000, serialized: false });
    for (const [which, name] of [['a', d.clientA], ['b', d.clientB]] as const) {
      const company = await api('catalog.createCompany', { name, isClient: true, isVendor: false });
      if (which === 'a') clientA = company.id;
      const ticket = await api('sales.createContainer', { kind: 'ticket', title: d.ticket, companyId: company.id });
      charges[which] = (await api('sales.createCharge', { containerId: ticket.id, productId: product.id, quantity: 1 })).number;
    }
    browser = await launchBrowser(lang, { shotPrefix: `${lang}-filters` });
    allowOnScreens(browser.page, [...Object.values(d), 'MON-24']);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const list = (page: Page) => page.getByTestId('fulfillment');
  const clientField = (page: Page) => field(page.getByTestId('filter-bar'), t('sales:fulfillment.client')).first();
  const address = (page: Page) => new URL(page.url().replace('#/', '')).searchParams;

  /** Another screen, then Purchasing & Fulfillment again, both through the navigation. */
  async function leaveAndReturn(page: Page) {
    await nav(page, t('purchasing:nav.orders'));
    await expectHeading(page, t('purchasing:orders.title'));
    await openFulfillment(page);
  }

  async function openFulfillment(page: Page) {
    await nav(page, t('sales:nav.fulfillment'));
    await expectHeading(page, t('sales:fulfillment.title'));
  }

  /** The queue shows only the first client's charge, and says so in its filter and its address. */
  async function expectClientA(page: Page) {
    await eventually(() => clientField(page).inputValue()).toBe(d.clientA);
    await row(list(page), charges.a).waitFor();
    await eventually(() => row(list(page), charges.b).count()).toBe(0);
    expect(address(page).get('companyId')).toBe(String(clientA));
  }

  /** Both charges, no filter; checked a frame after the rows show, by when a restore would be in the address. */
  async function expectUnfiltered(page: Page) {
    await row(list(page), charges.a).waitFor();
    await row(list(page), charges.b).waitFor();
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    expect(await clientField(page).inputValue()).toBe('');
    expect(address(page).has('companyId')).toBe(false);
    expect(await page.getByTestId('clear-filters').count()).toBe(0);
  }

  test('a client filter comes back after another screen, and after signing in again', async () => {
    const { page } = browser;
    await page.goto(server.url);
    await signIn(page, t, ADMIN, d.admin);
    await openFulfillment(page);
    await expectUnfiltered(page);
    await choose(page.getByTestId('filter-bar'), t('sales:fulfillment.client'), d.clientA, d.clientA.slice(0, 6));
    await expectClientA(page);

    await leaveAndReturn(page);
    await expectClientA(page);
    await shot(page, 'fulfillment-remembered');

    await signOut(page, t);
    await signIn(page, t, ADMIN, d.admin);
    await openFulfillment(page);
    await expectClientA(page);
  });

  test('another user on the same browser opens the queue with their own filters', async () => {
    const { page } = browser;
    await signOut(page, t);
    await signIn(page, t, BUYER, d.buyer);
    await openFulfillment(page);
    await expectUnfiltered(page);
    await signOut(page, t);
    await signIn(page, t, ADMIN, d.admin);
    await openFulfillment(page);
    await expectClientA(page);
  });

  test('cleared, the filters stay cleared: the queue opens unfiltered', async () => {
    const { page } = browser;
    await clickButton(page, t('actions.clearFilters'));
    await expectUnfiltered(page);
    await leaveAndReturn(page);
    await expectUnfiltered(page);
    expect(browser.pageErrors).toEqual([]);
  });

  test('the other queues keep theirs too: the Deliveries tab with its search, purchase orders by status', async () => {
    const { page } = browser;
    const filterBar = page.getByTestId('filter-bar');
    const deliveriesTab = page.getByRole('tab', { name: t('sales:delivery.tabs.deliveries') });
    await nav(page, t('sales:nav.delivery'));
    await expectHeading(page, t('sales:delivery.title'));
    await deliveriesTab.click();
    // The tab's own address change lands first (switching tabs clears the other tab's filters).
    await eventually(() => deliveriesTab.getAttribute('aria-selected')).toBe('true');
    await eventually(() => address(page).has('tab')).toBe(true);
    await fill(filterBar, t('common:search'), d.clientB);
    // Typing lands in the address once the user pauses: that is what is kept.
    await eventually(() => address(page).get('q')).toBe(d.clientB);
    await nav(page, t('purchasing:nav.orders'));
    await expectHeading(page, t('purchasing:orders.title'));
    // Away at once, on a slow machine, before the list has shown the choice (the router renders it as
    // a transition, which the click on the navigation overtakes): the choice is kept as it is made.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 30 });
    await choose(filterBar, t('purchasing:po.status'), t('purchasing:status.submitted'));
    await nav(page, t('sales:nav.delivery'));
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await cdp.detach();

    await expectHeading(page, t('sales:delivery.title'));
    await eventually(() => deliveriesTab.getAttribute('aria-selected')).toBe('true');
    await eventually(() => field(filterBar, t('common:search')).first().inputValue()).toBe(d.clientB);
    await nav(page, t('purchasing:nav.orders'));
    await expectHeading(page, t('purchasing:orders.title'));
    await eventually(() => address(page).get('status')).toBe('submitted');
    await expectText(filterBar, t('purchasing:status.submitted'));
    expect(browser.pageErrors).toEqual([]);
  });
});
