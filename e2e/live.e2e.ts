// Live change events (in English): two people on one office host, each in their own browser, both on
// Inventory products. Stock added in one browser shows in the other within a second, without a reload;
// then a change made by an API client shows in both. The warehouse, the cable and the second user are
// set up through the HTTP API; the stock is added by clicking.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  clickButton,
  dialog,
  expectCell,
  fill,
  fillForm,
  launchBrowser,
  nav,
  rowMenu,
  setupAdmin,
  shot,
  startServer,
  translator,
  type Api,
  type LaunchedBrowser,
  type RunningServer,
} from './support';

const admin = { username: 'admin', displayName: 'Alex Admin', password: 'correct horse battery' };
const clerk = { username: 'clerk', displayName: 'Casey Clerk', password: 'clerk password 1' };
const CABLE = 'CAB-6';
const WAREHOUSE = 'Main warehouse';

describe('live changes (en)', () => {
  const t = translator('en');
  let server: RunningServer;
  let api: Api;
  let adding: LaunchedBrowser;
  let watching: LaunchedBrowser;
  let cable: { id: number };
  let warehouse: { id: number };

  const table = (page: Page) => page.getByTestId('inventory-products');
  const onHand = t('stock:columns.onHand');

  async function signInToInventory(page: Page, user: { username: string; password: string }): Promise<void> {
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await fillForm(page, { [t('auth:fields.username')]: user.username, [t('auth:fields.password')]: user.password });
    await clickButton(page, t('auth:login.submit'));
    await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
    await nav(page, t('stock:nav.items'));
    await expectCell(table(page), CABLE, onHand, '10');
    // Marks this page: a reload would lose the mark.
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  }

  const notReloaded = (page: Page) => page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded === true);

  beforeAll(async () => {
    server = await startServer();
    api = await setupAdmin(server.url, admin);
    await api('users.create', { ...clerk, permissions: ['inventory.view'] });
    warehouse = await api('locations.create', { name: WAREHOUSE, kind: 'warehouse' });
    cable = await api('catalog.createProduct', { sku: CABLE, name: 'Cat6 cable 2 m', unitCost: 15_000, unitPrice: 40_000, msrp: 50_000, serialized: false });
    await api('stock.add', { productId: cable.id, locationId: warehouse.id, qty: 10, costMethod: 'catalogue', reason: null });
    [adding, watching] = await Promise.all([launchBrowser('en', { shotPrefix: 'en-live-admin' }), launchBrowser('en', { shotPrefix: 'en-live-clerk' })]);
  });

  afterAll(async () => {
    await adding?.close();
    await watching?.close();
    await server?.stop();
  });

  test('two people sign in, each in their own browser, and open Inventory products', async () => {
    await Promise.all([signInToInventory(adding.page, admin), signInToInventory(watching.page, clerk)]);
  });

  test('stock added in one browser shows in the other within a second, without reloading', async () => {
    const { page } = adding;
    await rowMenu(page, t('stock:items.rowActions', { sku: CABLE, location: WAREHOUSE }), t('stock:items.addStock'));
    const modal = dialog(page, t('stock:add.title', { sku: CABLE, location: WAREHOUSE }));
    await fill(modal, t('stock:common.quantity'), 5);
    await shot(page, 'add-stock');
    await clickButton(modal, t('stock:add.submit'));
    await modal.waitFor({ state: 'detached' });
    const committed = Date.now();
    await expectCell(table(watching.page), CABLE, onHand, '15', 1_000);
    expect(Date.now() - committed).toBeLessThan(1_000);
    await expectCell(table(page), CABLE, onHand, '15');
    expect(await notReloaded(watching.page)).toBe(true);
    await shot(watching.page, 'updated-by-admin');
    await shot(page, 'added');
  });

  test('a change by another client (the HTTP API) shows in both browsers', async () => {
    await api('stock.remove', { productId: cable.id, locationId: warehouse.id, qty: 3, destination: 'scrap', reason: 'damaged' });
    const committed = Date.now();
    await Promise.all([expectCell(table(adding.page), CABLE, onHand, '12', 1_000), expectCell(table(watching.page), CABLE, onHand, '12', 1_000)]);
    expect(Date.now() - committed).toBeLessThan(1_000);
    expect(await notReloaded(adding.page)).toBe(true);
    expect(await notReloaded(watching.page)).toBe(true);
    await shot(watching.page, 'updated-by-api');
    expect(adding.pageErrors).toEqual([]);
    expect(watching.pageErrors).toEqual([]);
  });
});
