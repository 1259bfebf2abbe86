// The first run on an empty database, once per UI language: the administrator lands on an empty Inventory
// products screen that leads to what must exist first (a location, then products) and shows how far the
// office's setup has come; the Getting started checklist ticks itself off as the office creates things.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  allowOnScreens,
  expectHeading,
  expectText,
  languages,
  launchBrowser,
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
  es: { admin: 'Ana Administradora', warehouse: 'Almacén central', company: 'Soporte Informático Levante SL' },
  en: { admin: 'Ann Administrator', warehouse: 'Main warehouse', company: 'Northside IT Support Ltd' },
} as const;

describe.each(languages)('first run (%s)', (lang: Lang) => {
  const t = translator(lang);
  const d = data[lang];
  let server: RunningServer;
  let browser: LaunchedBrowser;
  let api: Api;

  beforeAll(async () => {
    server = await startServer();
    api = await setupAdmin(server.url, { username: 'admin', displayName: d.admin, password: 'correct-horse-1' });
    browser = await launchBrowser(lang, { shotNumberPrefix: 'f' });
    allowOnScreens(browser.page, [...Object.values(d)]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('an empty office is led to its first location, and sees how far its setup has come', async () => {
    const { page } = browser;
    await page.goto(server.url);
    await signIn(page, t, { username: 'admin', password: 'correct-horse-1' }, d.admin);
    await expectHeading(page, t('stock:items.title'));
    await expectText(page.getByTestId('empty-prerequisite'), t('common:setup.first.locations.title'));
    await expectText(page.getByTestId('setup-banner'), t('common:setup.banner', { done: 0, total: 7 }));
    await shot(page, 'first-run-items');
    await page.getByRole('link', { name: t('common:setup.first.locations.action') }).click();
    await expectHeading(page, t('locations:title'));
  });

  test('Getting started ticks itself off as the office creates what each step asks for', async () => {
    const { page } = browser;
    await page.goto(`${server.url}#/admin/setup`);
    await expectHeading(page, t('admin:setup.title'));
    await expectText(page.getByTestId('setup-progress'), t('admin:setup.progress', { done: 0, total: 7 }));
    await api('settings.update', { companyName: d.company, companyAddress: 'Calle Mayor 1, 46001 Valencia' });
    await api('locations.create', { name: d.warehouse, kind: 'warehouse', isDefault: true });
    // Each step is done once its data exists, whoever created it: the screen follows the change.
    await expectText(page.getByTestId('setup-progress'), t('admin:setup.progress', { done: 2, total: 7 }));
    const steps = page.getByTestId('setup-steps');
    expect(await steps.locator('[data-step="locations"]').getAttribute('data-done')).toBe('true');
    expect(await steps.locator('[data-step="products"]').getAttribute('data-done')).toBe('false');
    await shot(page, 'getting-started');
    // The products step leads to the catalogue; Inventory products now asks for products first.
    await page.getByRole('link', { name: t('admin:setup.steps.products.action') }).click();
    await expectHeading(page, t('catalog:products.title'));
    await page.goto(`${server.url}#/stock/items`);
    await expectText(page.getByTestId('empty-prerequisite'), t('common:setup.first.products.title'));
    expect(await textOf(page.getByTestId('setup-banner'))).toContain(t('common:setup.banner', { done: 2, total: 7 }));
  });
});
