// Small helpers to act as a user: fill fields found by their visible label, choose in Mantine selects,
// wait for text. Everything waits for the element; nothing sleeps for a fixed time.
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

type Scope = Page | Locator;
type Text = string | RegExp;

function pageOf(scope: Scope): Page {
  return 'page' in scope && typeof scope.page === 'function' ? (scope as Locator).page() : (scope as Page);
}

/** The exact label text, allowing Mantine's required-field asterisk after it. */
export function labelPattern(label: string): RegExp {
  return new RegExp(`^\\s*${escapeRegExp(label)}\\s*\\*?\\s*$`);
}

/** The input labelled `label` (exact label text, required asterisk allowed, unless a RegExp is given). */
export function field(scope: Scope, label: Text): Locator {
  return scope.getByLabel(typeof label === 'string' ? labelPattern(label) : label);
}

/** Types into the field labelled `label`, replacing what is there. */
export async function fill(scope: Scope, label: Text, value: string | number): Promise<void> {
  const input = field(scope, label).first();
  await input.fill(String(value));
}

/** Fills several fields: { 'Name': 'Main warehouse', 'Bin': 'A-1' }. */
export async function fillForm(scope: Scope, values: Record<string, string | number>): Promise<void> {
  for (const [label, value] of Object.entries(values)) await fill(scope, label, value);
}

/** Opens the Mantine Select/Combobox labelled `label` and picks the option `option`; types `search` first when given. */
export async function choose(scope: Scope, label: Text, option: Text, search?: string): Promise<void> {
  const input = field(scope, label).first();
  await input.click();
  if (search !== undefined) await input.fill(search);
  const page = pageOf(scope);
  const listbox = page.getByRole('option', { name: option, exact: typeof option === 'string' ? true : undefined });
  await listbox.first().click();
}

/**
 * Sets a Mantine Checkbox/Switch by clicking its visible label (the input itself is visually hidden).
 * A Switch wraps its description in the same <label>, so the label only has to start with `label`.
 */
export async function check(scope: Scope, label: string, checked = true): Promise<void> {
  const pattern = new RegExp(`^\\s*${escapeRegExp(label)}`);
  const box = scope.getByLabel(pattern).first();
  if ((await box.isChecked()) === checked) return;
  await scope.locator('label').filter({ hasText: pattern }).first().click();
  await expect.poll(() => box.isChecked(), { timeout: 5_000 }).toBe(checked);
}

/** The open modal dialog (Mantine renders it with role=dialog), optionally the one titled `title`. */
export function dialog(page: Page, title?: Text): Locator {
  return title === undefined ? page.getByRole('dialog').last() : page.getByRole('dialog', { name: title });
}

export async function clickButton(scope: Scope, name: Text): Promise<void> {
  await scope.getByRole('button', { name, exact: typeof name === 'string' ? true : undefined }).first().click();
}

/** Waits until the heading of the current screen reads `title`. */
export async function expectHeading(page: Page, title: Text): Promise<void> {
  await page.getByRole('heading', { level: 1, name: title }).first().waitFor({ state: 'visible' });
}

/** Waits until `scope` shows `text` somewhere visible. */
export async function expectText(scope: Scope, text: Text): Promise<Locator> {
  const found = scope.getByText(text, { exact: typeof text === 'string' ? false : undefined }).first();
  await found.waitFor({ state: 'visible' });
  return found;
}

/**
 * Runs in the page: the text a user reads in each element, as written in the DOM (CSS `text-transform`
 * ignored), with a space between blocks and table cells; inputs count with their value.
 */
function visibleTexts(elements: Element[]): string[] {
  const read = (root: Element) => {
    const parts: string[] = [];
    const walk = (node: Node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        parts.push(node.textContent ?? '');
        return;
      }
      if (!(node instanceof HTMLElement || node instanceof SVGElement)) return;
      const style = getComputedStyle(node);
      if (style.display === 'none' || style.visibility === 'hidden') return;
      if (node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement) parts.push(` ${node.value} `);
      node.childNodes.forEach(walk);
      if (style.display !== 'inline') parts.push(' ');
    };
    walk(root);
    return parts.join('');
  };
  return elements.map(read);
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The texts of every element `locator` matches, in one round trip (see textOf). */
export async function textsOf(locator: Locator): Promise<string[]> {
  return (await locator.evaluateAll(visibleTexts)).map(collapse);
}

/**
 * The text a user reads in `locator`, as written in the DOM (CSS `text-transform` ignored), with a
 * space between blocks and table cells and runs of white space collapsed.
 */
export async function textOf(locator: Locator): Promise<string> {
  return (await textsOf(locator.first()))[0] ?? '';
}

/** Waits until `locator`'s text matches (polls: the UI refetches after changes). */
export async function expectLocatorText(locator: Locator, text: Text, timeout = 15_000): Promise<void> {
  await expect
    .poll(() => textOf(locator), { timeout, interval: 100 })
    .toMatch(typeof text === 'string' ? new RegExp(escapeRegExp(text)) : text);
}

/** A notification (Mantine toast) with this text. */
export async function expectNotification(page: Page, text: Text): Promise<void> {
  await page.locator('.mantine-Notification-root').filter({ hasText: text }).first().waitFor({ state: 'visible' });
}

/** The table row that contains `text` (lists are real tables). */
export function row(scope: Scope, text: Text): Locator {
  return scope.locator('tbody tr').filter({ hasText: text });
}

/** The cell texts of a row, trimmed, in column order. */
export async function rowCells(rowLocator: Locator): Promise<string[]> {
  await rowLocator.first().waitFor();
  return textsOf(rowLocator.first().locator('td'));
}

/** Clicks a navigation link in the side bar. */
export async function nav(page: Page, label: Text): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: label, exact: typeof label === 'string' ? true : undefined }).first().click();
}

/** expect.poll with the patience of a user (vitest's default gives up after one second). */
export function eventually<T>(fn: () => T | Promise<T>, timeout = 15_000) {
  return expect.poll(fn, { timeout, interval: 100 });
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * One row of a data table as { column title → cell text }, for the row containing `rowText`.
 * Waits until the row is there.
 */
export async function tableRecord(table: Locator, rowText: Text): Promise<Record<string, string>> {
  const target = row(table, rowText).first();
  await target.waitFor();
  const titles = await textsOf(table.locator('thead th'));
  const cells = await rowCells(target);
  return Object.fromEntries(titles.map((title, i) => [title, cells[i] ?? '']));
}

/** Waits until the cell under column `column` of the row containing `rowText` reads `value`. */
export async function expectCell(table: Locator, rowText: Text, column: string, value: string | RegExp, timeout = 15_000): Promise<void> {
  await expect
    .poll(async () => (await tableRecord(table, rowText))[column], { timeout, interval: 150 })
    .toMatch(typeof value === 'string' ? new RegExp(`^${escapeRegExp(value)}$`) : value);
}

/** Opens a row's action menu (the button named `menuLabel`) and picks `item`. */
export async function rowMenu(page: Page, menuLabel: string, item: Text): Promise<void> {
  await page.getByRole('button', { name: menuLabel, exact: true }).first().click();
  await page.getByRole('menuitem', { name: item, exact: typeof item === 'string' ? true : undefined }).first().click();
}

/** The "1–50 of 200" line under a list's table (the test id is on the <table>). */
export function paginationText(table: Locator): Locator {
  return listBox(table).locator('.app-table-pager-text');
}

/** The box of a list's table: its scroll box, loader and pager (lib/list/TableView.tsx). */
export function listBox(table: Locator): Locator {
  return table.locator(`xpath=ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' app-table ')][1]`);
}

/** Signs in from the sign-in screen as `user`; done once the header names them. */
export async function signIn(page: Page, t: (key: string) => string, user: { username: string; password: string }, displayName: string): Promise<void> {
  await page.getByRole('heading', { name: t('auth:login.title') }).first().waitFor();
  await fillForm(page, { [t('auth:fields.username')]: user.username, [t('auth:fields.password')]: user.password });
  await clickButton(page, t('auth:login.submit'));
  await expectText(page.getByRole('banner'), displayName);
}

/** Signs out through the user menu; done once the sign-in screen shows. */
export async function signOut(page: Page, t: (key: string) => string): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: t('header.signOut') }).click();
  await page.getByRole('heading', { name: t('auth:login.title') }).first().waitFor();
}
