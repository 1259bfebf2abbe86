// Debian's Chromium driven by playwright-core, in a fresh profile, with the browser language set to
// the language under test (the UI follows it on first start).
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium';
import { describeFindings, scanSpanishText, translationKeys, visibleText } from './spanishScan';
import { colourRules, expectAccessible } from './axe';
import { escapeRegExp } from './ui';

export type Lang = 'es' | 'en';

/**
 * The languages a journey runs in here: both unless `E2E_LANGUAGES` names some ("es", "en,es"). The e2e
 * config gives each language a project of its own, so the journeys of the two languages run side by side.
 */
export const languages: readonly Lang[] = (process.env.E2E_LANGUAGES ?? 'es,en').split(',').map((lang) => {
  if (lang !== 'es' && lang !== 'en') throw new Error(`E2E_LANGUAGES: unknown language "${lang}"`);
  return lang;
});

export interface LaunchedBrowser {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions thrown in the page (a user would see a broken screen). */
  pageErrors: string[];
  close: () => Promise<void>;
}

export const artifactsDir = resolve(import.meta.dirname, '../artifacts');

interface ShotState {
  /** Text the journey typed or set up itself (names, notes, serials), which the Spanish scan leaves alone. */
  allowed: string[];
  prefix: string;
  /** Put before the number, so two journeys of one language number their pictures apart ("p" → es-p01-…). */
  numberPrefix: string;
  count: number;
  /** The screens (see screenOf) this journey has already pictured as a dark system shows them. */
  darkScreens: Set<string>;
  /**
   * Whether this journey pictures screens in dark mode too. Colours do not depend on the language, and the
   * English project runs every journey: its pictures cover every screen in dark mode, the Spanish ones
   * need not again (they took a tenth of the whole run).
   */
  dark: boolean;
  /** Titles (dialogTitle) of the dialogs the journey opened, and of those a picture audited. */
  dialogsOpened: Set<string>;
  dialogsAudited: Set<string>;
  /** Toasts that appeared over a control of the screen (watchToasts): "toast text → the controls it covered". */
  coveringToasts: string[];
}

function newShotState(prefix: string, numberPrefix: string, dark: boolean): ShotState {
  return { allowed: [], prefix, numberPrefix, count: 0, darkScreens: new Set(), dark, dialogsOpened: new Set(), dialogsAudited: new Set(), coveringToasts: [] };
}

/**
 * Runs in the page: the title of a modal dialog as a user reads it, its numbers left out (one dialog, "PO-1001"
 * or "PO-1002"); "(untitled)" when it has none (the global search: its text changes as one types).
 */
function dialogTitle(dialog: Element | undefined): string {
  if (!dialog) return '';
  const labelledBy = dialog.getAttribute('aria-labelledby');
  // Looked up inside the dialog first: it may already be closed (detached) when its title is read.
  const label = labelledBy ? (dialog.querySelector(`[id="${labelledBy}"]`) ?? document.getElementById(labelledBy)) : null;
  const title = (labelledBy ? label?.textContent : dialog.getAttribute('aria-label')) ?? '';
  return title.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim() || '(untitled)';
}

/**
 * Runs in the page from its first script on: reports (through the `__mspToastCovers` binding) every toast
 * that appears over a control a user reaches for right after an action — a button, link or field of the
 * app's header, the navigation, the screen's title row (its "New …" actions) or an open dialog (the next
 * "New …" dialog) — which they could not click until the toast went. The rest of a screen (a long form,
 * a long list) runs under any part of the window, so a toast may pass over it for its few seconds.
 */
function watchToasts(): void {
  const report = (window as unknown as { __mspToastCovers: (finding: string) => void }).__mspToastCovers;
  const seen = new WeakSet<Element>();
  const controls = 'button, a[href], input:not([type="hidden"]), select, textarea, [role="button"], [role="tab"], [role="switch"], [role="checkbox"]';
  const describe = (el: Element) => `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)}"`;
  // The part of an element on screen: its box cut by every ancestor that clips (a dialog's scrolling
  // body hides the fields scrolled out of it); null when nothing of it shows.
  const shown = (el: Element) => {
    let { left, top, right, bottom } = el.getBoundingClientRect();
    for (let up = el.parentElement; up; up = up.parentElement) {
      const style = getComputedStyle(up);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
      const clip = up.getBoundingClientRect();
      left = Math.max(left, clip.left);
      top = Math.max(top, clip.top);
      right = Math.min(right, clip.right);
      bottom = Math.min(bottom, clip.bottom);
    }
    return right > left && bottom > top ? { left, top, right, bottom } : null;
  };
  const check = (toast: Element): boolean => {
    const box = toast.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return false;
    const covered = [...document.querySelectorAll(controls)].filter((el) => {
      if (!el.closest('header, nav, .app-page-header, [role="dialog"]') || el.closest('.mantine-Notifications-root')) return false;
      const r = shown(el);
      return r !== null && r.left < box.right && r.right > box.left && r.top < box.bottom && r.bottom > box.top;
    });
    if (covered.length === 0) return false;
    report(`"${(toast.textContent ?? '').trim().slice(0, 60)}" covered ${covered.slice(0, 5).map(describe).join(', ')} at ${location.hash}`);
    return true;
  };
  const look = () => {
    for (const toast of document.querySelectorAll('.mantine-Notification-root')) {
      if (seen.has(toast)) continue;
      seen.add(toast);
      // While it slides in and once it has settled (its transition is short for reduced motion, not nil).
      let reported = false;
      for (const ms of [50, 300, 1000]) setTimeout(() => (reported ||= check(toast)), ms);
    }
  };
  const start = () => new MutationObserver(look).observe(document.body, { childList: true, subtree: true });
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start);
}

/**
 * Runs in the page from its first script on: tells the journey (through the `__mspDialogOpened` binding)
 * the title of every modal dialog that appears, so close() can check each one was audited.
 */
function watchDialogs(title: (dialog: Element) => string): void {
  const report = (window as unknown as { __mspDialogOpened: (title: string) => void }).__mspDialogOpened;
  const seen = new WeakSet<Element>();
  // Mantine links a dialog to its title (aria-labelledby) a render after the dialog appears: the title is
  // read once the link is there, or after a second for a dialog that never gets one.
  const whenTitled = (dialog: Element) => {
    let done = false;
    const read = () => {
      if (done) return;
      done = true;
      watcher.disconnect();
      report(title(dialog));
    };
    const watcher = new MutationObserver(() => dialog.hasAttribute('aria-labelledby') && read());
    if (dialog.hasAttribute('aria-labelledby')) requestAnimationFrame(read);
    else watcher.observe(dialog, { attributes: true, attributeFilter: ['aria-labelledby'] });
    setTimeout(read, 1000);
  };
  const look = () => {
    for (const dialog of document.querySelectorAll('[role="dialog"][aria-modal="true"]')) {
      if (seen.has(dialog)) continue;
      seen.add(dialog);
      whenTitled(dialog);
    }
  };
  const start = () => new MutationObserver(look).observe(document.body, { childList: true, subtree: true });
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start);
}
const shotStates = new WeakMap<BrowserContext, ShotState>();

/** The file name of a journey's picture: `<prefix>-<numberPrefix><nn>-<name>.png`. */
function shotFile(state: ShotState, name: string): string {
  return `${state.prefix}-${state.numberPrefix}${String(state.count).padStart(2, '0')}-${name}.png`;
}

/** The pictures of one journey only (`es-01-…` is the inventory journey's, `es-p01-…` the purchasing one's). */
function isShotOf(file: string, state: Pick<ShotState, 'prefix' | 'numberPrefix'>): boolean {
  return new RegExp(`^${escapeRegExp(state.prefix)}-${escapeRegExp(state.numberPrefix)}\\d+-.*\\.png$`).test(file);
}

/**
 * `shotPrefix` (default: the language) starts every picture's name; `shotNumberPrefix` goes before the
 * number, for a second journey in the same language (e.g. "p": es-p01-settings.png).
 */
export async function launchBrowser(locale: Lang, options: { shotPrefix?: string; shotNumberPrefix?: string } = {}): Promise<LaunchedBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'msp-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    locale,
    // The app follows the system's colour scheme; shot() also pictures each screen as a dark system shows it.
    colorScheme: 'light',
    viewport: { width: 1440, height: 900 },
    // As a user who asked for less motion (the theme respects it): dialogs and menus appear at once, so
    // clicks don't wait for transitions to settle. Pictures show the final state either way.
    reducedMotion: 'reduce',
    args: chromiumArgs(locale),
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  const state = newShotState(options.shotPrefix ?? locale, options.shotNumberPrefix ?? '', locale === 'en');
  shotStates.set(context, state);
  await context.exposeBinding('__mspDialogOpened', (_source, title: string) => state.dialogsOpened.add(title));
  await context.exposeBinding('__mspToastCovers', (_source, finding: string) => state.coveringToasts.push(finding));
  // As source text: the page gets both functions, one calling the other.
  await context.addInitScript(`(${watchDialogs.toString()})(${dialogTitle.toString()})`);
  await context.addInitScript(`(${watchToasts.toString()})()`);
  // Pictures of an earlier run of this journey would mix with this one's (other journeys' stay).
  mkdirSync(artifactsDir, { recursive: true });
  for (const file of readdirSync(artifactsDir)) if (isShotOf(file, state)) rmSync(join(artifactsDir, file));
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(String(error?.stack ?? error)));
  return {
    context,
    page,
    pageErrors,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      // Every dialog the journey opened was audited by a picture (shot()) while open.
      const unaudited = [...state.dialogsOpened].filter((title) => !state.dialogsAudited.has(title));
      if (unaudited.length > 0) {
        throw new Error(`Dialogs opened but never pictured with shot() while open, so never audited for accessibility: ${unaudited.map((title) => `"${title}"`).join(', ')}`);
      }
      if (state.coveringToasts.length > 0) throw new Error(`Toasts covered controls of the screen (a user could not click them until the toast went):\n${state.coveringToasts.join('\n')}`);
    },
  };
}

/**
 * `count` frames, so what was just scheduled has started: a modal or notification entering (one frame:
 * the theme shortens transitions for reduced motion), a scheme change (two: the media query's listener
 * re-renders the app, which then paints).
 */
async function frames(page: Page, count: number): Promise<void> {
  await page.evaluate(async (n) => {
    for (let frame = 0; frame < n; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
  }, count);
}

/** The colour scheme the user chose in the user menu, or null while the app follows the system. */
async function chosenScheme(page: Page): Promise<'light' | 'dark' | null> {
  const chosen = await page.evaluate(() => {
    try {
      return localStorage.getItem('msp-inventory.color-scheme');
    } catch {
      return null;
    }
  });
  return chosen === 'light' || chosen === 'dark' ? chosen : null;
}

/**
 * Which screen the page shows, for the dark pictures: the route with its ids and query left out, and the
 * title of the dialog open on top, if any (`/catalog/products/:id | Stock a product`).
 */
async function screenOf(page: Page): Promise<{ key: string; dialogs: string[] }> {
  const inPage = (title: (dialog: Element | undefined) => string) => {
    const route = (location.hash.replace(/^#/, '').split('?')[0] ?? '/').replace(/\/\d+(?=\/|$)/g, '/:id');
    const dialogs = [...document.querySelectorAll('[role="dialog"][aria-modal="true"]')];
    return { key: `${location.pathname}${route} | ${title(dialogs[dialogs.length - 1])}`, dialogs: dialogs.map((dialog) => title(dialog)) };
  };
  return page.evaluate(`(${inPage.toString()})(${dialogTitle.toString()})`) as Promise<{ key: string; dialogs: string[] }>;
}

/**
 * Screenshot of the window (1440×900) `e2e/artifacts/<lang>-<nn>-<name>.png` (`<lang>-p<nn>-…` with a
 * number prefix), numbered in the order taken. The first time a journey pictures a screen (screenOf: a
 * route, and the dialog open on it), it also pictures it as a system in dark mode shows it
 * (`…-<name>-dark.png`); later pictures of that screen differ in data, not in colours. Each picture is
 * also an accessibility audit: axe-core checks the screen and any open dialog, and a serious or critical
 * WCAG 2.1 A/AA violation fails the journey. While the user has chosen a scheme in the app, the system's
 * is moot: one picture, in that scheme.
 */
export async function shot(page: Page, name: string): Promise<string> {
  const state = shotStates.get(page.context()) ?? newShotState('xx', '', true);
  shotStates.set(page.context(), state);
  state.count += 1;
  mkdirSync(artifactsDir, { recursive: true });
  const chosen = await chosenScheme(page);
  const file = join(artifactsDir, shotFile(state, chosen === 'dark' ? `${name}-dark` : name));
  // The picture shows the final state: transitions that have started are fast-forwarded by the
  // screenshot ('disabled'), and a few frames let those just scheduled start first. Nothing is
  // asserted on pictures, so no fixed pause is spent on them.
  await frames(page, 1);
  await page.screenshot({ path: file, animations: 'disabled' });
  // Whichever journey took it: a journey may switch the language in the header.
  if ((await page.evaluate(() => document.documentElement.lang)) === 'es') await scanSpanishScreen(page, state, file);
  await expectAccessible(page, `${basename(file)}${chosen ? ` (${chosen} chosen in the app)` : ''}`);
  const screen = await screenOf(page);
  for (const title of screen.dialogs) state.dialogsAudited.add(title);
  if (chosen || !state.dark || state.darkScreens.has(screen.key)) return file;
  state.darkScreens.add(screen.key);
  const darkFile = join(artifactsDir, shotFile(state, `${name}-dark`));
  await page.emulateMedia({ colorScheme: 'dark' });
  try {
    await frames(page, 2);
    await page.screenshot({ path: darkFile, animations: 'disabled' });
    // The same screen in other colours: only the rules about colour can give another answer.
    await expectAccessible(page, `${basename(darkFile)} (system in dark mode)`, colourRules);
  } finally {
    // The next step waits for what it needs; the next picture for its own frame.
    await page.emulateMedia({ colorScheme: 'light' });
  }
  return file;
}

let keys: Set<string> | undefined;

/** A Spanish screen shows no raw translation key, no unfilled {{placeholder}} and no English word (spanishScan.ts). */
async function scanSpanishScreen(page: Page, state: ShotState, file: string): Promise<void> {
  keys ??= translationKeys();
  const findings = scanSpanishText(await visibleText(page), { keys, allowed: state.allowed });
  if (findings.length > 0) throw new Error(`Spanish screen ${file} shows text that is not Spanish:\n${describeFindings(findings)}`);
}

/**
 * Text the journey typed or set up itself (names, notes, serials, e-mail addresses) that may show on its
 * screens in any language: the Spanish scan leaves it alone.
 */
export function allowOnScreens(page: Page, texts: readonly unknown[]): void {
  const state = shotStates.get(page.context());
  if (!state) throw new Error('allowOnScreens: launch the browser with launchBrowser() first');
  for (const text of texts) if (typeof text === 'string' && text.trim() !== '') state.allowed.push(text);
}
