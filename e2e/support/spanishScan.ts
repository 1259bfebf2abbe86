// The Spanish-screen scan: every screenshot of a Spanish journey also reads the text on the screen (the
// page, open dialogs and menus, placeholders and accessible names) and fails the run when it finds a raw
// translation key, an i18next placeholder left unfilled, or an English word a Spanish screen must not show.
// `scanSpanishText` is pure (unit-tested in spanishScan.test.ts); `visibleText` reads a page.
import type { Page } from 'playwright-core';
import { resourcesEs } from '@renderer/app/locales/resources';

export interface ScanFinding {
  kind: 'key' | 'placeholder' | 'english';
  /** What was found, e.g. "value.asOfHint", "{{date}}", "Save". */
  found: string;
  /** The line of screen text it was found in. */
  line: string;
}

/**
 * English UI words that have no business on a Spanish screen, matched whole and with this case (so the
 * Spanish "Total", "Manual" or "General" never trip it, nor "no" or "a"). Lower-case entries are the
 * function words that give an English sentence away.
 */
export const englishWords: readonly string[] = [
  // actions
  'Save', 'Save changes', 'Cancel', 'Search', 'Add', 'Remove', 'Back', 'Close', 'Edit', 'Create', 'Delete', 'Confirm', 'Submit',
  'Approve', 'Reject', 'Print', 'Download', 'Receive', 'Transfer', 'Post', 'Reverse', 'Retry', 'Try again', 'Clear', 'Show', 'Hide',
  'Sign in', 'Sign out', 'Discard', 'Continue', 'View', 'Select', 'Choose', 'Pick',
  // things
  'Location', 'Locations', 'Product', 'Products', 'Quantity', 'Qty', 'Cost', 'Costs', 'Unit cost', 'Price', 'Status', 'Vendor',
  'Vendors', 'Customer', 'Adjustment', 'Scrap', 'In transit', 'In-transit', 'Warehouse', 'Stock', 'Stocktake', 'Stocktakes',
  'Transfers', 'Receipt', 'Receipts', 'Purchase', 'Purchase order', 'Purchase orders', 'Order', 'Orders', 'Value', 'Date',
  'Dates', 'User', 'Users', 'Settings', 'Password', 'Username', 'Reason', 'Note', 'Notes', 'Memo', 'Freight', 'Serial',
  'Serial number', 'Serial numbers', 'Category', 'Categories', 'Company', 'Companies', 'Inventory', 'Catalogue', 'Items', 'Units',
  'Lines', 'Line', 'History', 'Approval', 'Approvals', 'Backup', 'Backups', 'Page', 'Rows per page', 'Language', 'Amount',
  // states
  'Received', 'Draft', 'Submitted', 'New', 'Canceled', 'Cancelled', 'Posted', 'Open', 'Done', 'Active', 'Inactive', 'Approved',
  'Rejected', 'Pending', 'Available', 'Reserved', 'Picked', 'On hand', 'On order', 'Back ordered', 'Outstanding', 'Loading',
  'Nothing', 'None', 'Yes', 'Today', 'Required',
  // function words
  'the', 'and', 'with', 'from', 'of', 'to', 'for', 'or', 'is', 'are', 'this', 'your', 'not', 'here', 'nothing', 'found',
];

/** Names that stay as they are in every language: the brand, and English named in the language switch. */
export const alwaysAllowed: readonly string[] = ['MSP Inventory', 'English'];

const NAMESPACE_SEPARATOR = ':';

/** Every key path of the translation trees, with and without its namespace, plurals also without their suffix. */
export function translationKeys(resources: Record<string, unknown> = resourcesEs): Set<string> {
  const keys = new Set<string>();
  const walk = (node: unknown, namespace: string, path: string[]) => {
    if (path.length > 0) {
      const key = path.join('.');
      const bare = key.replace(/_(zero|one|two|few|many|other)$/, '');
      for (const k of [key, bare]) {
        keys.add(k);
        keys.add(`${namespace}${NAMESPACE_SEPARATOR}${k}`);
      }
    }
    if (node && typeof node === 'object' && !Array.isArray(node)) for (const [k, v] of Object.entries(node)) walk(v, namespace, [...path, k]);
  };
  for (const [namespace, tree] of Object.entries(resources)) walk(tree, namespace, []);
  return keys;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A word or phrase alone: not inside another word, a SKU ("USB-C") or an e-mail address. */
function wholeWord(word: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}_@.-])${escapeRegExp(word).replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}_@-])`, 'u');
}

const englishPatterns = englishWords.map((word) => ({ word, pattern: wholeWord(word) }));
/** What a raw key looks like on screen: "stock:value.title", "value.asOfHint", "common:loading". */
const KEY_LIKE = /(?<![\p{L}\p{N}_@.-])[a-z][A-Za-z0-9]*(?:[.:][A-Za-z0-9_-]+)+(?![\p{L}\p{N}_@-])/gu;
const PLACEHOLDER = /\{\{[^}]*\}\}/g;

export interface ScanOptions {
  /** The translation keys (translationKeys()). */
  keys: Set<string>;
  /** Text the journey itself typed or set up (names, notes, serials), taken out before the scan. */
  allowed?: readonly string[];
}

/** What on a Spanish screen's text is a raw key, an unfilled placeholder or an English word. */
export function scanSpanishText(text: string, { keys, allowed = [] }: ScanOptions): ScanFinding[] {
  const findings: ScanFinding[] = [];
  // Longest first, so a name that contains another is taken out whole.
  const known = [...alwaysAllowed, ...allowed].filter((a) => a.trim() !== '').sort((a, b) => b.length - a.length);
  for (const rawLine of text.split('\n')) {
    let line = rawLine;
    for (const a of known) line = line.split(a).join(' ');
    if (line.trim() === '') continue;
    for (const m of line.matchAll(PLACEHOLDER)) findings.push({ kind: 'placeholder', found: m[0], line: rawLine.trim() });
    for (const m of line.matchAll(KEY_LIKE)) {
      const token = m[0].replace(/[.:]+$/, '');
      if (keys.has(token)) findings.push({ kind: 'key', found: token, line: rawLine.trim() });
    }
    for (const { word, pattern } of englishPatterns) if (pattern.test(line)) findings.push({ kind: 'english', found: word, line: rawLine.trim() });
  }
  return findings;
}

/**
 * The text a user meets on the page now: what is rendered (dialogs, menus and toasts live in the body
 * too), the placeholders of empty fields, the accessible names of what is shown, and the window title.
 */
export async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const shown = (el: Element) => {
      const box = (el as HTMLElement).getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const parts = [document.title, document.body.innerText];
    for (const el of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[placeholder], textarea[placeholder]')) {
      if (!el.value && shown(el)) parts.push(el.placeholder);
    }
    for (const el of document.querySelectorAll('[aria-label]')) if (shown(el)) parts.push(el.getAttribute('aria-label') ?? '');
    return parts.join('\n');
  });
}

export function describeFindings(findings: ScanFinding[]): string {
  const unique = [...new Map(findings.map((f) => [`${f.kind}|${f.found}|${f.line}`, f])).values()];
  return unique.map((f) => `  ${f.kind} "${f.found}" in: ${f.line.slice(0, 160)}`).join('\n');
}
