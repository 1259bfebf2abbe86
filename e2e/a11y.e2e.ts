// Accessibility and appearance, in English: the axe gate itself (it must flag a known bad page and a
// bad element on a real screen), keyboard use (the skip link, focus on each new screen's heading,
// focus back to what opened a dialog), a failure message that goes stale when the input changes, and
// the dark-mode switch in the user menu (remembered after a reload), with pictures in both schemes. The other journeys run the gate on every screen they picture.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  auditPage,
  blockingViolations,
  clickButton,
  dialog,
  eventually,
  expectAccessible,
  expectHeading,
  fillForm,
  launchBrowser,
  setupAdmin,
  shot,
  startServer,
  translator,
  type LaunchedBrowser,
  type RunningServer,
} from './support';

const admin = { username: 'ada', displayName: 'Ada Lovelace', password: 'correct horse battery' };

/** What has keyboard focus: its tag, and its text or accessible label, trimmed. */
function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return { tag: element?.tagName ?? null, text: (element?.getAttribute('aria-label') ?? element?.textContent ?? '').replace(/\s+/g, ' ').trim() };
  });
}

/** Puts the keyboard's starting point at the very top of the page, as after loading it with nothing focused. */
async function focusFromTop(page: Page): Promise<void> {
  await page.evaluate(() => {
    const marker = document.createElement('span');
    marker.tabIndex = -1;
    document.body.prepend(marker);
    marker.focus();
    marker.remove();
  });
}

describe('accessibility and dark mode (en)', () => {
  const t = translator('en');
  let server: RunningServer;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    server = await startServer();
    await setupAdmin(server.url, admin);
    browser = await launchBrowser('en', { shotPrefix: 'en-a11y' });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the gate flags a known bad page, naming the rule and the element, and passes it once fixed', async () => {
    const page = await browser.context.newPage();
    try {
      await page.setContent(
        `<!doctype html><html lang="en"><head><title>Gate self-test</title></head><body><main>
          <h1>Self-test</h1>
          <p id="faint" style="color:#aaaaaa;background:#ffffff">Grey on white, 2.3:1</p>
          <button id="misnamed" aria-label="Close">Open the order</button>
        </main></body></html>`,
      );
      const blocking = blockingViolations(await auditPage(page));
      expect(blocking.map((v) => v.rule).sort()).toEqual(['color-contrast', 'label-content-name-mismatch']);
      expect(blocking.find((v) => v.rule === 'color-contrast')!.nodes.map((n) => n.target)).toEqual(['#faint']);
      await expect(expectAccessible(page, 'the self-test page')).rejects.toThrow(/on the self-test page[\s\S]*color-contrast \(serious\)[\s\S]*#faint[\s\S]*label-content-name-mismatch \(serious\)[\s\S]*#misnamed/);
      await page.evaluate(() => {
        document.getElementById('faint')!.style.color = '#595959';
        document.getElementById('misnamed')!.removeAttribute('aria-label');
      });
      await expectAccessible(page, 'the fixed self-test page');
    } finally {
      await page.close();
    }
  });

  test('a failed sign-in’s message goes away once the input changes', async () => {
    const { page } = browser;
    await page.goto(server.url);
    await fillForm(page, { [t('auth:fields.username')]: admin.username, [t('auth:fields.password')]: 'not the password' });
    await page.keyboard.press('Enter');
    const failure = page.getByRole('alert');
    await failure.waitFor();
    await shot(page, 'sign-in-failed');
    await page.getByLabel(t('auth:fields.username')).press('End');
    await page.keyboard.type('x');
    await failure.waitFor({ state: 'detached' });
    await page.keyboard.press('Backspace');
    // Back to what failed: still no message until the next attempt fails.
    expect(await failure.count()).toBe(0);
  });

  test('signing in puts focus on the first screen’s heading', async () => {
    const { page } = browser;
    await fillForm(page, { [t('auth:fields.username')]: admin.username, [t('auth:fields.password')]: admin.password });
    await page.keyboard.press('Enter');
    await expectHeading(page, t('stock:items.title'));
    await eventually(() => focused(page)).toEqual({ tag: 'H1', text: t('stock:items.title') });
    await shot(page, 'signed-in');
  });

  test('a low-contrast element on a real screen fails its picture', async () => {
    const { page } = browser;
    await page.evaluate(() => {
      const faint = document.createElement('p');
      faint.id = 'gate-self-test';
      faint.textContent = 'Barely readable';
      faint.style.color = '#c8c8c8';
      document.querySelector('main')!.append(faint);
    });
    await expect(shot(page, 'gate-self-test')).rejects.toThrow(/color-contrast[\s\S]*#gate-self-test/);
    await page.evaluate(() => document.getElementById('gate-self-test')!.remove());
    await shot(page, 'gate-self-test-fixed');
  });

  test('the skip link is the first Tab stop and takes focus past header and navigation to the heading', async () => {
    const { page } = browser;
    await focusFromTop(page);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toEqual({ tag: 'A', text: t('common:nav.skipToContent') });
    // Visible while it has focus, inside the window.
    const box = (await page.locator('.app-skip-link').boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    await shot(page, 'skip-link');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toEqual({ tag: 'H1', text: t('stock:items.title') });
    // The hash is the route: following the link did not navigate.
    expect(new URL(page.url()).hash).toBe('#/stock/items');
  });

  test('a screen opened from the keyboard has focus on its heading', async () => {
    const { page } = browser;
    await page.getByRole('navigation').getByRole('link', { name: t('locations:nav'), exact: true }).focus();
    await page.keyboard.press('Enter');
    await expectHeading(page, t('locations:title'));
    await eventually(() => focused(page)).toEqual({ tag: 'H1', text: t('locations:title') });
  });

  test('closing a dialog gives focus back to what opened it (a button, a menu item)', async () => {
    const { page } = browser;
    // A dialog rendered only while open, opened with the keyboard.
    const newLocation = page.getByRole('button', { name: t('locations:new'), exact: true }).first();
    await newLocation.focus();
    await page.keyboard.press('Enter');
    await dialog(page, t('locations:form.createTitle')).waitFor();
    await shot(page, 'dialog-new-location');
    await page.keyboard.press('Escape');
    await dialog(page, t('locations:form.createTitle')).waitFor({ state: 'detached' });
    await eventually(() => focused(page)).toEqual({ tag: 'BUTTON', text: t('locations:new') });
    // Cancel instead of Escape.
    await page.keyboard.press('Enter');
    await clickButton(dialog(page, t('locations:form.createTitle')), t('common:actions.cancel'));
    await eventually(() => focused(page)).toEqual({ tag: 'BUTTON', text: t('locations:new') });

    // From the user menu: the menu is gone when the dialog closes, so focus goes to the menu's button.
    const userMenu = page.getByTestId('user-menu');
    await userMenu.click();
    await page.getByRole('menuitem', { name: t('common:header.changePassword') }).click();
    await dialog(page).waitFor();
    await shot(page, 'dialog-change-password');
    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'detached' });
    await eventually(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('user-menu');
  });

  test('dark mode: chosen in the user menu, remembered after a reload, and back to following the system', async () => {
    const { page } = browser;
    const scheme = () => page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'));
    expect(await scheme()).toBe('light');
    await page.getByTestId('user-menu').click();
    await shot(page, 'user-menu');
    // The current choice is marked: the system's, until the user picks one.
    expect(await page.getByTestId('color-scheme-auto').getAttribute('aria-current')).toBe('true');
    await page.getByRole('menuitem', { name: t('common:header.schemes.dark') }).click();
    await eventually(scheme).toBe('dark');
    await shot(page, 'locations');
    await page.reload();
    await expectHeading(page, t('locations:title'));
    expect(await scheme()).toBe('dark');
    // A light system does not override the user's choice.
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await scheme()).toBe('dark');
    await page.getByTestId('user-menu').click();
    expect(await page.getByTestId('color-scheme-dark').getAttribute('aria-current')).toBe('true');
    await shot(page, 'user-menu');

    await page.getByRole('menuitem', { name: t('common:header.schemes.auto') }).click();
    await eventually(scheme).toBe('light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await eventually(scheme).toBe('dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await eventually(scheme).toBe('light');
    expect(browser.pageErrors).toEqual([]);
  });
});
