// CSV export of lists, once in Spanish and once in English: the History of 2,100 serialized units (read
// in two chunks, the progress dialog showing while the second is on its way) saved as a file a
// spreadsheet opens — byte-order mark, `;` or `,`, the columns and words of the screen, every row, a
// formula in a product's name defused — and Inventory products exported by an administrator (with the
// Value column) and by a clerk who may not see costs (without it, and told so).
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  allowOnScreens,
  callApi,
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
  translator,
  type Lang,
  type LaunchedBrowser,
  type RunningServer,
} from './support';

const data = {
  es: { admin: 'Ana Administradora', clerk: 'Carla Almacén', warehouse: 'Almacén central', cable: '=1+2 cable de red', laptop: 'Portátil ThinkPad' },
  en: { admin: 'Ann Administrator', clerk: 'Carl Clerk', warehouse: 'Main warehouse', cable: '=1+2 network cable', laptop: 'ThinkPad laptop' },
} as const;

const ADMIN = { username: 'admin', password: 'correct-horse-1' };
const CLERK = { username: 'clerk', password: 'clerk-horse-1' };
const UNITS = 2_100;

/** Records of a CSV file as saved, its cells unquoted (the files here hold no separator inside a cell). */
function records(text: string, separator: string): string[][] {
  return text
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => line.split(separator).map((cell) => cell.replace(/^"(.*)"$/, '$1').replace(/""/g, '"')));
}

describe.each(languages)('CSV export (%s)', (lang: Lang) => {
  const t = translator(lang);
  const d = data[lang];
  const separator = lang === 'es' ? ';' : ',';
  let server: RunningServer;
  let browser: LaunchedBrowser;
  let historyRows = 0;

  beforeAll(async () => {
    server = await startServer();
    const api = await setupAdmin(server.url, { username: ADMIN.username, displayName: d.admin, password: ADMIN.password });
    await api('users.create', { username: CLERK.username, displayName: d.clerk, password: CLERK.password, permissions: ['inventory.view'] });
    const warehouse = await api('locations.create', { name: d.warehouse, kind: 'warehouse', isDefault: true });
    const cable = await api('catalog.createProduct', { sku: 'CAB-1', name: d.cable, unitCost: 12_500, unitPrice: 30_000, msrp: 35_000, serialized: false });
    const laptop = await api('catalog.createProduct', { sku: 'LT-1', name: d.laptop, unitCost: 8_000_000, unitPrice: 11_000_000, msrp: 12_000_000, serialized: true });
    await api('stock.add', { productId: cable.id, locationId: warehouse.id, qty: 40, costMethod: 'catalogue', reason: null });
    const serials = Array.from({ length: UNITS }, (_, i) => `SN-${String(i + 1).padStart(5, '0')}`);
    await api('stock.add', { productId: laptop.id, locationId: warehouse.id, qty: UNITS, costMethod: 'catalogue', serials, reason: null });
    const { token } = await callApi(server.url, 'auth.login', ADMIN);
    historyRows = (await callApi(server.url, 'stock.history', { pageSize: 1 }, token)).total;
    browser = await launchBrowser(lang, { shotPrefix: `${lang}-export` });
    allowOnScreens(browser.page, [...Object.values(d), 'CAB-1', 'LT-1']);
    await browser.page.goto(server.url);
    await signIn(browser.page, t, ADMIN, d.admin);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Clicks Export and reads the file saved. */
  async function exportFile(page: Page, whileExporting?: () => Promise<void>): Promise<{ name: string; text: string }> {
    const saved = page.waitForEvent('download', { timeout: 120_000 });
    await page.getByTestId('list-export').click();
    await whileExporting?.();
    const download = await saved;
    return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
  }

  test('History: every row, in chunks, with a progress dialog, in the words of the screen', async () => {
    const { page } = browser;
    await nav(page, t('stock:nav.history'));
    await expectHeading(page, t('stock:history.title'));
    await page.getByTestId('history').locator('tbody tr').first().waitFor();
    await shot(page, 'history-export-button');
    // A slow network: the second chunk is still on its way when the dialog is pictured.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 3_000, downloadThroughput: -1, uploadThroughput: -1 });
    // Counts as the app writes them: thousands grouped in both languages (2.000 / 2,000).
    const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, lang === 'es' ? '.' : ',');
    const file = await exportFile(page, async () => {
      const dialog = page.getByRole('dialog', { name: t('common:table.exportTitle') });
      // The dialog comes while the first chunk is on its way, then counts the rows written.
      await dialog.waitFor({ timeout: 30_000 });
      await dialog.getByText(t('common:table.exportProgress', { done: grouped(2_000), total: grouped(historyRows) })).waitFor({ timeout: 30_000 });
      await shot(page, 'history-export-progress');
    });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await expectText(page, file.name);
    expect(file.name).toMatch(new RegExp(`^${t('stock:history.title').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\d{4}-\\d{2}-\\d{2}\\.csv$`));
    expect(file.text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = records(file.text.slice(1), separator);
    expect(header).toEqual(
      expect.arrayContaining([t('stock:columns.date'), t('stock:columns.type'), 'SKU', t('stock:columns.product'), t('stock:columns.serial'), t('stock:columns.qty'), t('stock:columns.from'), t('stock:columns.to')]),
    );
    expect(rows).toHaveLength(historyRows);
    const column = (title: string) => header!.indexOf(title);
    const cableAdd = rows.find((r) => r[column('SKU')] === 'CAB-1' && r[column(t('stock:columns.qty'))] === '40')!;
    expect(cableAdd[column(t('stock:columns.type'))]).toBe(t('stock:history.types.adjustment'));
    // A product name that starts a formula is written so a spreadsheet shows it as text.
    expect(cableAdd[column(t('stock:columns.product'))]).toBe(`'${d.cable}`);
    expect(cableAdd[column(t('stock:columns.from'))]).toBe(t('locations:virtual.names.adjustment'));
    expect(cableAdd[column(t('stock:columns.date'))]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(new Set(rows.map((r) => r[column(t('stock:columns.serial'))]).filter(Boolean)).size).toBe(UNITS);
  });

  test('Inventory products: the Value column for an administrator, left out for a clerk who may not see costs', async () => {
    const { page } = browser;
    await nav(page, t('stock:nav.items'));
    await expectHeading(page, t('stock:items.title'));
    const admin = records((await exportFile(page)).text.slice(1), separator);
    expect(admin[0]).toContain(t('stock:columns.value'));
    expect(admin).toHaveLength(3);
    await signOut(page, t);
    await signIn(page, t, CLERK, d.clerk);
    await nav(page, t('stock:nav.items'));
    await expectHeading(page, t('stock:items.title'));
    const clerk = records((await exportFile(page)).text.slice(1), separator);
    expect(clerk[0]).not.toContain(t('stock:columns.value'));
    expect(clerk.slice(1).map((r) => r.length)).toEqual([clerk[0]!.length, clerk[0]!.length]);
    await shot(page, 'items-export-clerk');
  });
});
