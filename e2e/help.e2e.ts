// Help (issue 15, item 8), once per UI language: the user menu opens the user guide in the language the
// app speaks, read from the build (no network); its table of contents and its own #links jump to a
// section inside the hash router, its pictures load, and switching the language in the header switches
// the guide, staying at the same section.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eventually, expectHeading, languages, launchBrowser, setupAdmin, shot, signIn, startServer, translator, type Lang, type LaunchedBrowser, type RunningServer } from './support';

const data = {
  es: {
    admin: 'Ana Administradora',
    title: 'Guía de usuario',
    receiving: 'Recepción',
    // The Receiving section's link to Purchasing & fulfillment.
    fulfillment: 'Compras y preparación',
    other: { lang: 'en', title: 'User guide', receiving: 'Receiving' },
  },
  en: {
    admin: 'Ann Administrator',
    title: 'User guide',
    receiving: 'Receiving',
    fulfillment: 'Purchasing & fulfillment',
    other: { lang: 'es', title: 'Guía de usuario', receiving: 'Recepción' },
  },
} as const;

/** The section heading (an h2 or h3 of the guide) named `name`. */
function sectionHeading(page: Page, name: string) {
  return page.getByTestId('help-guide').getByRole('heading', { name, exact: true });
}

/** True once `name`'s heading sits at the top of the window, below the header, and has focus. */
async function atTopOfWindow(page: Page, name: string): Promise<boolean> {
  return sectionHeading(page, name).evaluate((heading) => {
    const top = heading.getBoundingClientRect().top;
    return top >= 0 && top < 160 && document.activeElement === heading;
  });
}

describe.each(languages)('help (%s)', (lang: Lang) => {
  const t = translator(lang);
  const d = data[lang];
  let server: RunningServer;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    server = await startServer();
    await setupAdmin(server.url, { username: 'admin', displayName: d.admin, password: 'correct-horse-1' });
    browser = await launchBrowser(lang, { shotNumberPrefix: 'h' });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the user menu opens the guide in the language of the screens', async () => {
    const { page } = browser;
    await page.goto(server.url);
    await signIn(page, t, { username: 'admin', password: 'correct-horse-1' }, d.admin);
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: t('header.help') }).click();
    await expectHeading(page, d.title);
    expect(page.url()).toMatch(/#\/help$/);
    const contents = page.getByRole('navigation', { name: t('help.contents') });
    await contents.getByRole('link', { name: d.receiving, exact: true }).waitFor();
    // As many sections as the other language's guide (scripts/user-guides.test.ts checks them one by one).
    expect(await contents.getByRole('link').count()).toBeGreaterThan(30);
    await shot(page, 'help');
  });

  test('the contents jump to a section, and its picture is loaded from the build', async () => {
    const { page } = browser;
    await page.getByRole('navigation', { name: t('help.contents') }).getByRole('link', { name: d.receiving, exact: true }).click();
    expect(page.url()).toContain('#/help?section=');
    await eventually(() => atTopOfWindow(page, d.receiving)).toBe(true);
    // The section's picture (a receipt of two orders), scaled to the column and actually decoded.
    const picture = sectionHeading(page, d.receiving).locator('xpath=following::img[1]');
    await picture.scrollIntoViewIfNeeded();
    await eventually(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const { width, columnWidth } = await picture.evaluate((img: HTMLImageElement) => ({
      width: img.getBoundingClientRect().width,
      columnWidth: img.closest('article')!.getBoundingClientRect().width,
    }));
    expect(width).toBeGreaterThan(100);
    expect(width).toBeLessThanOrEqual(columnWidth + 0.5);
    expect(await picture.getAttribute('src')).not.toMatch(/^https?:\/\/(?!127\.0\.0\.1)/);
    await sectionHeading(page, d.receiving).scrollIntoViewIfNeeded();
    await shot(page, 'help-receiving');
  });

  test("the guide's own links stay in the guide, and Back returns", async () => {
    const { page } = browser;
    const link = sectionHeading(page, d.receiving).locator('xpath=following::a[1]');
    expect(await link.textContent()).toBe(d.fulfillment);
    await link.click();
    await eventually(() => atTopOfWindow(page, d.fulfillment)).toBe(true);
    await expectHeading(page, d.title);
    await page.goBack();
    await eventually(() => atTopOfWindow(page, d.receiving)).toBe(true);
  });

  test('switching the language switches the guide, at the same section', async () => {
    const { page } = browser;
    await page.getByTestId('language-switch').getByText(d.other.lang.toUpperCase(), { exact: true }).click();
    await expectHeading(page, d.other.title);
    await eventually(() => atTopOfWindow(page, d.other.receiving)).toBe(true);
    await shot(page, 'help-other-language');
    await page.getByTestId('language-switch').getByText(lang.toUpperCase(), { exact: true }).click();
    await expectHeading(page, d.title);
    await eventually(() => atTopOfWindow(page, d.receiving)).toBe(true);
  });
});
