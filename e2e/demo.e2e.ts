// The demo database (`npm run serve -- --demo`): sign in with the published demo account, see the
// warning that it must be secured, and find a catalogue and stock worth looking at.
import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { clickButton, eventually, expectHeading, expectLocatorText, fillForm, launchBrowser, nav, paginationText, shot, startServer, textOf, translator, type LaunchedBrowser, type RunningServer } from './support';

describe('demo data (en)', () => {
  const t = translator('en');
  let server: RunningServer;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    server = await startServer({ demo: true });
    expect(server.output()).toContain('Demo data loaded');
    browser = await launchBrowser('en', { shotPrefix: 'en-demo' });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('sign in as admin/admin and see the demo warning', async () => {
    const { page } = browser;
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByTestId('demo-login-hint').waitFor();
    await shot(page, 'sign-in');
    await fillForm(page, { [t('auth:fields.username')]: 'admin', [t('auth:fields.password')]: 'admin' });
    const calls: string[] = [];
    const onRequest = (request: Request) => {
      const channel = /\/api\/([\w.]+)$/.exec(request.url())?.[1];
      if (channel) calls.push(channel);
    };
    page.on('request', onRequest);
    await clickButton(page, t('auth:login.submit'));
    const banner = page.getByTestId('demo-banner');
    await banner.waitFor();
    await page.getByTestId('inventory-products').locator('tbody tr').first().waitFor();
    page.off('request', onRequest);
    // Signing in starts the home screen's queries before the shell renders (FeatureRoute.prefetch): they
    // must be the very ones the screen makes, each asked once, not once ahead and once more by the screen.
    const count = (channel: string) => calls.filter((c) => c === channel).length;
    expect(calls[0]).toBe('auth.login');
    expect([count('stock.listInventoryProducts'), count('locations.list'), count('settings.get')]).toEqual([1, 1, 1]);
    expect(await textOf(banner)).toContain('Demo password in use');
    await shot(page, 'signed-in-banner');
  });

  test('keeps the session out of the page’s reach; a new tab of the browser is signed in and gets events', async () => {
    const { page, context } = browser;
    const session = (await context.cookies(server.url)).find((c) => c.name.startsWith('msp-inventory-session-'));
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const seen = await page.evaluate(() => ({
      script: document.cookie,
      storage: JSON.stringify([Object.entries(sessionStorage), Object.entries(localStorage)]),
      url: location.href,
    }));
    expect(seen.script).not.toContain(session!.value);
    expect(seen.storage).not.toContain(session!.value);
    expect(seen.storage).not.toMatch(/token/i);
    expect(seen.url).not.toContain(session!.value);

    const tab = await context.newPage();
    try {
      await tab.goto(server.url);
      await tab.getByTestId('demo-banner').waitFor();
      const ready = await tab.evaluate(
        () =>
          new Promise<boolean>((resolve) => {
            const events = new EventSource('/api/events');
            events.addEventListener('ready', () => {
              events.close();
              resolve(true);
            });
            events.onerror = () => {
              events.close();
              resolve(false);
            };
          }),
      );
      expect(ready).toBe(true);
    } finally {
      await tab.close();
    }
  });

  test("each list opened from the navigation asks for its first queries once (a route's prefetch is the screen's own query)", async () => {
    const { page } = browser;
    const lists = ['/stock/items', '/stock/lots', '/stock/transfers', '/stock/counts', '/stock/history', '/locations', '/purchasing/orders', '/purchasing/receiving', '/catalog/products', '/catalog/companies'];
    for (const path of lists) {
      // A fresh page each time: nothing cached, so the click's prefetch and the screen's queries meet.
      await page.goto('about:blank');
      await page.goto(`${server.url}#/admin/integrity`);
      const link = page.locator(`nav a[href="#${path}"]`);
      await link.waitFor();
      await page.waitForTimeout(300);
      const calls: string[] = [];
      const onRequest = (request: Request) => {
        const channel = /\/api\/([\w.]+)$/.exec(request.url())?.[1];
        if (channel) calls.push(`${channel} ${request.postData() ?? ''}`);
      };
      page.on('request', onRequest);
      await link.click();
      await page.locator('main table tbody tr td').first().waitFor();
      await page.waitForTimeout(500);
      page.off('request', onRequest);
      const channels = calls.map((c) => c.split(' ')[0]!);
      const twice = channels.filter((c, i) => channels.indexOf(c) !== i);
      expect(twice, `${path} asked twice: ${calls.join(' | ')}`).toEqual([]);
    }
  });

  test('the catalogue holds about 200 products', async () => {
    const { page } = browser;
    await nav(page, t('catalog:nav.products'));
    await expectHeading(page, 'Products');
    const table = page.getByTestId('products-table');
    await table.locator('tbody tr').first().waitFor();
    const pagination = paginationText(table);
    await eventually(() => textOf(pagination)).toMatch(/\d+–\d+ of [\d,]+/);
    const total = Number(/of ([\d,]+)/.exec(await textOf(pagination))![1]!.replace(/,/g, ''));
    expect(total).toBeGreaterThanOrEqual(150);
    expect(total).toBeLessThanOrEqual(250);
    await shot(page, 'products');
  });

  test('a route typed without the # opens that screen, with its search', async () => {
    const tab = await browser.context.newPage();
    try {
      const base = server.url.replace(/\/$/, '');
      await tab.goto(`${base}/catalog/products`);
      await tab.getByTestId('products-table').locator('tbody tr').first().waitFor();
      expect(new URL(tab.url()).hash).toBe('#/catalog/products');
      await tab.goto(`${base}/stock/lots?serial=zz-no-such-serial`);
      await eventually(() => tab.url()).toContain('#/stock/lots?serial=zz-no-such-serial');
      await expectHeading(tab, t('stock:lots.title'));
      await eventually(() => tab.locator('input[value="zz-no-such-serial"]').count()).toBe(1);
    } finally {
      await tab.close();
    }
  });

  test('the demo warning folds to one line, stays folded after a reload, and unfolds', async () => {
    const { page } = browser;
    const banner = page.getByTestId('demo-banner');
    const unfolded = (await banner.boundingBox())!.height;
    await banner.getByRole('button', { name: t('auth:demo.fold') }).click();
    await page.locator('[data-testid="demo-banner"][data-folded="true"]').waitFor();
    const folded = (await banner.boundingBox())!.height;
    expect(folded).toBeLessThan(50);
    expect(folded).toBeLessThan(unfolded / 2);
    expect(await textOf(banner)).toContain('Demo password in use');
    await shot(page, 'demo-banner-folded');
    await page.reload();
    await page.locator('[data-testid="demo-banner"][data-folded="true"]').waitFor();
    await banner.getByRole('button', { name: t('auth:demo.unfold') }).click();
    await expectLocatorText(banner, /Change my password/);
    expect(await banner.getAttribute('role')).toBe('status');
  });

  test('the inventory value is not zero', async () => {
    const { page } = browser;
    await nav(page, t('stock:nav.value'));
    await expectHeading(page, 'Inventory value');
    const total = page.getByTestId('value-total');
    await eventually(() => textOf(total)).toMatch(/^€[\d,]+\.\d{2}$/);
    const amount = Number((await textOf(total)).replace(/[€,]/g, ''));
    expect(amount).toBeGreaterThan(0);
    // Every internal location with stock has its share; they add up to the total.
    const byLocation = page.getByTestId('value-by-location');
    await byLocation.locator('tbody tr').first().waitFor();
    const values = await byLocation.locator('tbody tr td:last-child').allTextContents();
    const sum = values.reduce((acc, v) => acc + Number(v.replace(/[€,]/g, '')), 0);
    // Each location's value and the total are rounded to the cent on their own: up to half a cent apart each.
    expect(Math.abs(sum - amount)).toBeLessThanOrEqual(0.005 * values.length + 1e-9);
    await page.locator('.recharts-surface').first().waitFor();
    await shot(page, 'value');
    expect(browser.pageErrors).toEqual([]);
  });
});
