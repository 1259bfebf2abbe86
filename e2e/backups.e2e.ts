// Admin › Backups as an administrator uses it (in English): back up now, keep working, restore the
// backup, reload and sign in again to the data as it was — the current state kept as a backup of its own.
// Then what any browser shows while the host is restoring (its answers are MAINTENANCE). The warehouse
// and the stock are set up through the HTTP API; the backup and the restore are clicked.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  callApi,
  clickButton,
  dialog,
  eventually,
  expectCell,
  expectHeading,
  expectLocatorText,
  expectNotification,
  fillForm,
  launchBrowser,
  nav,
  row,
  setupAdmin,
  shot,
  startServer,
  tableRecord,
  textOf,
  translator,
  type Api,
  type LaunchedBrowser,
  type RunningServer,
} from './support';

const admin = { username: 'admin', displayName: 'Alex Admin', password: 'correct horse battery' };

describe('backups (en)', () => {
  const t = translator('en');
  let server: RunningServer;
  let browser: LaunchedBrowser;
  let api: Api;
  let cable: { id: number };
  let warehouse: { id: number };

  /** On hand of the cable at the warehouse, read through the API as a fresh sign-in. */
  async function cablesOnHand(): Promise<number> {
    const { token } = await callApi(server.url, 'auth.login', { username: admin.username, password: admin.password });
    const list = await callApi(server.url, 'stock.listInventoryProducts', { productId: cable.id, locationId: warehouse.id }, token);
    return list.rows[0]!.onHand;
  }

  async function signIn(): Promise<void> {
    const { page } = browser;
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await fillForm(page, { [t('auth:fields.username')]: admin.username, [t('auth:fields.password')]: admin.password });
    await clickButton(page, t('auth:login.submit'));
    await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
  }

  beforeAll(async () => {
    server = await startServer();
    api = await setupAdmin(server.url, admin);
    warehouse = await api('locations.create', { name: 'Main warehouse', kind: 'warehouse' });
    cable = await api('catalog.createProduct', { sku: 'CAB-6', name: 'Cat6 cable 2 m', unitCost: 15_000, unitPrice: 40_000, msrp: 50_000, serialized: false });
    await api('stock.add', { productId: cable.id, locationId: warehouse.id, qty: 10, costMethod: 'catalogue', reason: null });
    browser = await launchBrowser('en', { shotPrefix: 'en-backups' });
    await browser.page.goto(server.url);
    await signIn();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('back up now: the backup is listed with its time, size and app version', async () => {
    const { page } = browser;
    await nav(page, t('backups:nav'));
    await expectHeading(page, 'Backups');
    const table = page.getByTestId('backups-table');
    // The folder is read from the host after the screen shows.
    await expectLocatorText(page.getByTestId('backups-folder'), /^Folder: .*backups$/);
    await clickButton(page, 'Back up now');
    await expectNotification(page, 'Backup made');
    // The toast sits at the bottom: the header's language switch and user menu and the screen's own
    // actions stay in reach (every toast of every journey is checked for what it covers: watchToasts).
    const toast = await page.locator('.mantine-Notification-root').filter({ hasText: 'Backup made' }).first().boundingBox();
    const backUp = await page.getByRole('button', { name: 'Back up now', exact: true }).boundingBox();
    expect(toast!.y).toBeGreaterThan(backUp!.y + backUp!.height);
    await eventually(() => row(table, 'By hand').count()).toBe(1);
    const record = await tableRecord(table, 'By hand');
    expect(record['Size']).toMatch(/^\d+(\.\d)? [kM]B$/);
    expect(record['App version']).toBe('0.1.0');
    expect(record['E-mail key']).toBe('—');
    // en-GB (the default English format): day first, 24 hours, to the second.
    expect(record['Made']).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/);
    await shot(page, 'backup-made');
  });

  test('restore: the current state is backed up first, everybody signs in again, and the data is as it was', async () => {
    const { page } = browser;
    // Work goes on after the backup.
    await api('stock.add', { productId: cable.id, locationId: warehouse.id, qty: 5, costMethod: 'catalogue', reason: null });
    expect(await cablesOnHand()).toBe(15);

    const table = page.getByTestId('backups-table');
    await row(table, 'By hand').getByRole('button', { name: /^Restore the backup of / }).click();
    const confirm = dialog(page);
    await confirm.getByText('everything done since is replaced').waitFor();
    await shot(page, 'restore-confirm');
    await clickButton(confirm, 'Restore');
    const done = page.getByTestId('backup-restored');
    await done.waitFor({ timeout: 60_000 });
    expect(await textOf(done)).toMatch(/^The database is as it was at .+\. The state before the restore was kept as the backup of .+\.$/);
    await shot(page, 'restored');

    // The API client's session ended with everyone else's.
    await expect(api('settings.get', {})).rejects.toThrow(/UNAUTHENTICATED/);
    expect(await cablesOnHand()).toBe(10);

    await clickButton(dialog(page), 'Reload');
    await signIn();
    await nav(page, t('backups:nav'));
    await expectHeading(page, 'Backups');
    const before = await tableRecord(table, 'Before a restore');
    expect(before['Size']).toMatch(/ [kM]B$/);
    expect(await row(table, 'By hand').count()).toBe(1);
    await shot(page, 'backups-after-restore');

    await nav(page, t('stock:nav.items'));
    await expectCell(page.getByTestId('inventory-products'), 'CAB-6', t('stock:columns.onHand'), '10');
    expect(browser.pageErrors).toEqual([]);
  });

  test('while the host restores, every screen says so and offers to reload', async () => {
    const tab = await browser.context.newPage();
    try {
      // The host's answer during a restore, for every call of this tab.
      await tab.route('**/api/**', (route) =>
        route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'MAINTENANCE', message: 'MAINTENANCE', details: { reason: 'restore' } } }) }),
      );
      await tab.goto(server.url);
      const notice = tab.getByTestId('maintenance');
      await notice.waitFor();
      expect(await textOf(notice)).toBe(
        'A backup is being restored The server is replacing the database with a backup. Wait a moment, then reload: you will be asked to sign in again. Reload',
      );
      await shot(tab, 'maintenance');
      await tab.unroute('**/api/**');
      await clickButton(tab, 'Reload');
      await tab.getByRole('navigation', { name: 'Main navigation' }).waitFor();
      expect(await tab.getByTestId('maintenance').count()).toBe(0);
    } finally {
      await tab.close();
    }
  });
});
