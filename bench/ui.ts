// The browser bench (`npm run bench -- --ui`): how fast the screens are, as a user sees them, in Chromium
// (playwright-core) against a warm `serve` host on a copy of the bench database.
//   cold load      a fresh browser (empty cache) opens the host's address → the sign-in form is on screen
//   sign-in        the sign-in form, filled in once the page has loaded what it loads while a person types,
//                  is submitted → the first list's rows are on screen
//   navigation     a click on a list in the navigation → its first rows are on screen; each run starts from a
//                  freshly loaded page (nothing of the list cached, the page settled) on a screen without a table
// Every time is taken inside the page, from the user's action (or the navigation's start) to the first
// frame after the awaited element appeared, so the remote-control round trips are not counted.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, fsyncSync, openSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../e2e/support/chromium';
import { createApp } from '../src/main/app';
import { ADMIN, must, type BenchDb } from './build-db';
import { log } from './measure';
import { createOpenOrders } from './purchasing';
import type { UiMeasure } from './uiReport';

const repoRoot = resolve(import.meta.dirname, '..');

export const uiBudgets = { coldLoadMs: 800, signInMs: 600, navigationMs: 150 };

/** The lists timed, by their navigation link. */
export const uiLists = [
  { name: 'inventory products', path: '/stock/items' },
  { name: 'stocked items (serials)', path: '/stock/lots' },
  { name: 'history', path: '/stock/history' },
  { name: 'transfers', path: '/stock/transfers' },
  { name: 'catalogue products', path: '/catalog/products' },
  { name: 'companies', path: '/catalog/companies' },
  { name: 'purchase orders', path: '/purchasing/orders' },
  { name: 'Receiving', path: '/purchasing/receiving' },
  { name: 'locations', path: '/locations' },
] as const;

/** A screen without a table, where each navigation run starts. */
const START_PATH = '/admin/integrity';
const SIGN_IN_FORM = 'input[autocomplete="current-password"]';
const ROWS = 'main table tbody tr td';
const NAV_LINK = (path: string) => `nav a[href="#${path}"]`;
const TIMEOUT_MS = 30_000;

// Runs in the page before its own scripts. `__bench.seen(name)` answers when an element watched from
// the start (the sign-in form) was first on screen; `__bench.time(click, selector)` clicks and answers
// how long until `selector` is on screen. "On screen" is taken after the next frame: the page has
// painted what it rendered by then.
const PAGE_SCRIPT = `(() => {
  const pending = [];
  const seen = {};
  const afterPaint = () => new Promise((done) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done(performance.now());
    channel.port2.postMessage(null);
  }));
  const check = () => {
    for (const wait of [...pending]) {
      if (!document.querySelector(wait.selector)) continue;
      pending.splice(pending.indexOf(wait), 1);
      afterPaint().then(wait.done);
    }
  };
  const when = (selector) => new Promise((done) => { pending.push({ selector, done }); check(); });
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  seen.signIn = when(${JSON.stringify(SIGN_IN_FORM)});
  window.__bench = {
    seen: (name) => seen[name],
    time: async (click, selector) => {
      if (document.querySelector(selector)) throw new Error(selector + ' is on screen before the click');
      const target = document.querySelector(click);
      if (!target) throw new Error('nothing to click: ' + click);
      const start = performance.now();
      const shown = when(selector);
      target.click();
      return (await shown) - start;
    },
  };
})();`;

export interface UiBenchOptions {
  /** A fresh copy of the bench database (it is written to: open purchase orders, settings). */
  dbPath: string;
  bench: BenchDb;
  runs: number;
  /** Only these lists (names or paths); all when empty. */
  lists?: readonly string[];
}

export async function measureUi(options: UiBenchOptions): Promise<UiMeasure[]> {
  await prepareCopy(options.dbPath, options.bench);
  const host = await startHost(options.dbPath);
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs('en'),
  });
  try {
    const lists = uiLists.filter((l) => !options.lists?.length || options.lists.some((want) => want === l.name || want === l.path));
    log(`UI bench against ${host.url}, ${options.runs} runs each; load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`);
    await warmUp(browser, host.url, lists);
    const signIn = await measureColdLoadAndSignIn(browser, host.url, options.runs);
    const navigation = await measureNavigation(browser, host.url, options.runs, lists);
    return [...signIn, ...navigation];
  } finally {
    await browser.close();
    await host.stop();
  }
}

/** Gives the copy what the lists need and the bench database lacks, and keeps backups out of the timings. */
export async function prepareCopy(dbPath: string, bench: BenchDb): Promise<void> {
  const app = createApp({ dbPath });
  try {
    const token = must(await app.callAsync('auth.login', ADMIN, null), 'auth.login').token!;
    // An automatic backup of the 1M-move file would copy ~1 GB in the middle of the runs.
    must(app.call('settings.update', { backupFrequency: 'off', backupOnClose: false }, token), 'settings.update');
    const vendorId = must(app.call('catalog.createCompany', { name: 'Bench Distribution', isVendor: true, isClient: false }, token), 'createCompany').id;
    log('Creating open purchase orders for the purchase-order and Receiving lists');
    createOpenOrders(app, token, vendorId, bench.locations.main);
  } finally {
    app.close();
  }
  // The copy (~1 GB) is still being written out to disk for seconds after it was made: the runs would
  // share the two cores and the disk with that write-back.
  for (const file of [dbPath, `${dbPath}-wal`]) {
    if (!existsSync(file)) continue;
    const fd = openSync(file, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
}

interface Host {
  url: string;
  stop: () => Promise<void>;
}

/** `npm run serve` on the copy, on a free port; it builds the user interface first when it is stale. */
export async function startHost(dbPath: string): Promise<Host> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/server.ts', '--db', dbPath, '--port', '0'], {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((done, fail) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /serving at (http:\/\/\S+)/.exec(output);
      if (match) done(match[1]!);
    });
    child.once('exit', (code) => fail(new Error(`The host exited (code ${code}) before serving:\n${output}`)));
  });
  return { url, stop: () => stopGroup(child) };
}

async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  process.kill(-child.pid, 'SIGTERM');
  const timer = setTimeout(() => child.pid !== undefined && process.kill(-child.pid, 'SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'en', viewport: { width: 1440, height: 900 } });
  context.setDefaultTimeout(TIMEOUT_MS);
  await context.addInitScript({ content: PAGE_SCRIPT });
  return context.newPage();
}

async function signIn(page: Page): Promise<void> {
  await page.locator('input[autocomplete="username"]').fill(ADMIN.username);
  await page.locator(SIGN_IN_FORM).fill(ADMIN.password);
}

/** Opens the app, signs in and waits for the first screen's rows. */
async function openSignedIn(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await signIn(page);
  await page.locator(SIGN_IN_FORM).press('Enter');
  await page.locator(ROWS).first().waitFor();
}

/** One visit of every list, untimed: the host's code paths and the database's pages are warm after it. */
async function warmUp(browser: Browser, url: string, lists: readonly { path: string }[]): Promise<void> {
  const page = await newPage(browser);
  try {
    await openSignedIn(page, url);
    for (const list of lists) {
      await page.locator(NAV_LINK(list.path)).click();
      await page.waitForURL(`**#${list.path}`);
      await page.locator(ROWS).first().waitFor();
    }
  } finally {
    await page.context().close();
  }
}

async function measureColdLoadAndSignIn(browser: Browser, url: string, runs: number): Promise<UiMeasure[]> {
  const cold: UiMeasure = { operation: 'cold load to the sign-in form', times: [], failures: 0, budgetMs: uiBudgets.coldLoadMs };
  const signedIn: UiMeasure = { operation: 'sign-in to the first rows (inventory products)', times: [], failures: 0, budgetMs: uiBudgets.signInMs };
  for (let run = 0; run < runs; run++) {
    // A new context each run: an empty cache, no session, as a browser opening the address the first time.
    const page = await newPage(browser);
    try {
      await page.goto(url);
      cold.times.push(await page.evaluate(`window.__bench.seen('signIn')`));
      // A person takes a second or more to type a name and a password; meanwhile the page loads what it
      // loads ahead (the shell, the first screen). Signing in the instant the form appears would time
      // that loading again, competing for the two cores with the password check.
      await settled(page);
      await signIn(page);
      signedIn.times.push(await page.evaluate(`window.__bench.time(${JSON.stringify('button[type="submit"]')}, ${JSON.stringify(ROWS)})`));
    } catch (error) {
      if (cold.times.length > signedIn.times.length) signedIn.failures++;
      else cold.failures++;
      log(`  run ${run + 1} failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      await page.context().close();
    }
  }
  log(`  cold load: ${cold.times.map(Math.round).join(', ')}`);
  log(`  sign-in: ${signedIn.times.map(Math.round).join(', ')}`);
  return [cold, signedIn];
}

async function measureNavigation(browser: Browser, url: string, runs: number, lists: readonly { name: string; path: string }[]): Promise<UiMeasure[]> {
  const page = await newPage(browser);
  const measures: UiMeasure[] = [];
  try {
    await openSignedIn(page, url);
    for (const list of lists) {
      const measure: UiMeasure = { operation: `navigation to visible rows: ${list.name}`, times: [], failures: 0, budgetMs: uiBudgets.navigationMs };
      for (let run = 0; run < runs; run++) {
        try {
          await loadSettled(page, `${url}#${START_PATH}`);
          measure.times.push(await page.evaluate(`window.__bench.time(${JSON.stringify(NAV_LINK(list.path))}, ${JSON.stringify(ROWS)})`));
        } catch (error) {
          measure.failures++;
          log(`  ${list.name}, run ${run + 1} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      log(`  ${list.name}: ${measure.times.map(Math.round).join(', ')}`);
      measures.push(measure);
    }
  } finally {
    await page.context().close();
  }
  return measures;
}

/**
 * Loads the page afresh at `address` (signed in by the session cookie; the query cache empty) and waits
 * until it has settled: the navigation is on screen and whatever the app loads ahead while idle is loaded.
 */
async function loadSettled(page: Page, address: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(address);
  await page.locator(NAV_LINK(uiLists[0].path)).waitFor();
  await settled(page);
}

/** Waits until nothing more was fetched for half a second. */
async function settled(page: Page): Promise<void> {
  let count = -1;
  for (;;) {
    const now = (await page.evaluate(`performance.getEntriesByType('resource').length`)) as number;
    if (now === count) return;
    count = now;
    await page.waitForTimeout(500);
  }
}
