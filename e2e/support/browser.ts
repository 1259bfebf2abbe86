// Debian's Chromium driven by playwright-core, in a fresh profile, with the browser language set to
// the language under test (the UI follows it on first start).
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
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
  prefix: string;
  /** Put before the number, so two journeys of one language number their pictures apart ("p" → es-p01-…). */
  numberPrefix: string;
  count: number;
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
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    locale,
    viewport: { width: 1440, height: 900 },
    // As a user who asked for less motion (the theme respects it): dialogs and menus appear at once, so
    // clicks don't wait for transitions to settle. Pictures show the final state either way.
    reducedMotion: 'reduce',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--lang=${locale}`,
    ],
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  const state: ShotState = { prefix: options.shotPrefix ?? locale, numberPrefix: options.shotNumberPrefix ?? '', count: 0 };
  shotStates.set(context, state);
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
    },
  };
}

/** Screenshot of the window (1440×900) `e2e/artifacts/<lang>-<nn>-<name>.png` (`<lang>-p<nn>-…` with a number prefix), numbered in the order taken. */
export async function shot(page: Page, name: string): Promise<string> {
  const state = shotStates.get(page.context()) ?? { prefix: 'xx', numberPrefix: '', count: 0 };
  shotStates.set(page.context(), state);
  state.count += 1;
  mkdirSync(artifactsDir, { recursive: true });
  const file = join(artifactsDir, shotFile(state, name));
  // The picture shows the final state: transitions that have started are fast-forwarded by the
  // screenshot ('disabled'), and a few frames let those just scheduled (a modal or notification
  // entering) start first. Nothing is asserted on pictures, so no fixed pause is spent on them.
  await page.evaluate(async () => {
    for (let frame = 0; frame < 3; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
  });
  await page.screenshot({ path: file, animations: 'disabled' });
  return file;
}
