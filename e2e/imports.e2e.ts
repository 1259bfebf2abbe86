// CSV import, once in Spanish and once in English: a products file as a spreadsheet of that language saves
// it (byte-order mark, `;` and decimal commas in Spanish, `,` and points in English) is chosen, its columns
// map themselves from their names, the check shows the one bad row with its problem in the user's
// language, only the valid rows are imported, and they show in the Products list.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { allowOnScreens, callApi, clickButton, expectHeading, expectText, languages, launchBrowser, nav, shot, signIn, startServer, setupAdmin, translator, type Lang, type LaunchedBrowser, type RunningServer } from './support';

const ADMIN = { username: 'admin', password: 'correct-horse-1' };

const data = {
  es: {
    admin: 'Ana Administradora',
    file: 'productos.csv',
    csv: '\uFEFFSKU;Nombre;Precio unitario;Con número de serie\r\nIMP-1;Cable de red 2 m;12,50;no\r\nIMP-2;Ratón inalámbrico;doce;no\r\nIMP-3;Portátil ThinkPad;1.099,90;sí\r\n',
    bad: 'doce',
    names: ['Cable de red 2 m', 'Ratón inalámbrico', 'Portátil ThinkPad'],
  },
  en: {
    admin: 'Ann Administrator',
    file: 'products.csv',
    csv: '\uFEFFSKU,Name,Unit price,Serialized\r\nIMP-1,Network cable 2 m,12.50,no\r\nIMP-2,Wireless mouse,twelve,no\r\nIMP-3,ThinkPad laptop,"1,099.90",yes\r\n',
    bad: 'twelve',
    names: ['Network cable 2 m', 'Wireless mouse', 'ThinkPad laptop'],
  },
} as const;

describe.each(languages)('CSV import (%s)', (lang: Lang) => {
  const t = translator(lang);
  const d = data[lang];
  let server: RunningServer;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    server = await startServer();
    await setupAdmin(server.url, { username: ADMIN.username, displayName: d.admin, password: ADMIN.password });
    browser = await launchBrowser(lang, { shotPrefix: `${lang}-import` });
    allowOnScreens(browser.page, [...d.names, d.file, d.bad, 'SKU', 'IMP-1', 'IMP-2', 'IMP-3', 'Name', 'Unit price', 'Serialized']);
    await browser.page.goto(server.url);
    await signIn(browser.page, t, ADMIN, d.admin);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('products: map, check (one bad row, its problem translated), import only the valid rows', async () => {
    const { page } = browser;
    await nav(page, t('imports:nav'));
    await expectHeading(page, t('imports:title'));
    await page.locator('input[type=file]').setInputFiles({ name: d.file, mimeType: 'text/csv', buffer: Buffer.from(d.csv, 'utf8') });
    await expectText(page, t('imports:fileRead', { rows: 3, columns: 4, name: d.file }));
    // The columns mapped themselves from the header names, in the user's language.
    const mapping = page.getByTestId('import-mapping');
    await expect.poll(() => mapping.getByLabel(t('imports:columnFor', { field: t('imports:fields.unitPrice') })).inputValue()).toBe(lang === 'es' ? 'Precio unitario' : 'Unit price');
    await expect.poll(() => mapping.getByLabel(t('imports:columnFor', { field: t('imports:fields.serialized') })).inputValue()).toBe(lang === 'es' ? 'Con número de serie' : 'Serialized');
    await shot(page, 'mapping');

    await clickButton(page, t('imports:check'));
    const preview = page.getByTestId('import-preview');
    await expectText(preview, t('imports:summary', { total: 3, valid: 2, invalid: 1 }));
    const problems = preview.getByTestId('import-problems');
    await expectText(problems, t('imports:rowErrors.notMoney', { field: t('imports:fields.unitPrice'), value: d.bad }));
    expect(await problems.locator('tbody tr').count()).toBe(1);
    expect(await problems.locator('tbody tr td').first().textContent()).toBe('2');
    // Import all is offered only when every row is valid.
    await expect.poll(() => preview.getByRole('button', { name: t('imports:importAll', { count: 3 }) }).isDisabled()).toBe(true);
    await shot(page, 'preview');

    await clickButton(page, t('imports:importValid', { count: 2 }));
    await expectText(preview, t('imports:done', { created: 2, skipped: 1 }));
    await shot(page, 'done');
    await preview.getByRole('link', { name: t('imports:openList') }).click();
    await expectHeading(page, t('catalog:products.title'));
    await expectText(page, d.names[0]);
    await expectText(page, d.names[2]);
    const { token } = await callApi(server.url, 'auth.login', ADMIN);
    const products = await callApi(server.url, 'catalog.listProducts', { sortBy: 'sku' }, token);
    expect(products.rows.map((p) => [p.sku, p.unitPrice, p.serialized])).toEqual([
      ['IMP-1', 125_000, false],
      ['IMP-3', 10_999_000, true],
    ]);
  });
});
