// The accessibility gate of the end-to-end run: axe-core (WCAG 2.1 A and AA rules) run in the page
// as it is, on every screen and dialog a journey takes a picture of (shot() in browser.ts calls it).
// A serious or critical violation fails the journey, naming the rule, the elements and the screen.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The rule sets of WCAG 2.1 level AA (which includes level A). */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

export interface A11yViolation {
  /** axe's rule id, e.g. `color-contrast`. */
  rule: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  /** CSS selectors of the offending elements, each with axe's one-line reason. */
  nodes: { target: string; reason: string }[];
}

/** What fails the gate: the impacts a user is blocked or badly hindered by. */
export const blockingImpacts: ReadonlySet<A11yViolation['impact']> = new Set(['serious', 'critical']);

/** The WCAG rules whose answer depends on the colours: all a screen shown in another scheme needs again. */
export const colourRules = ['color-contrast', 'link-in-text-block'] as const;

/**
 * Runs axe in the page (injected on first use; the page's Content-Security-Policy does not apply to
 * the test's own evaluation) and returns every WCAG 2.1 A/AA violation, whatever its impact; only those
 * of `rules` when given.
 */
export async function auditPage(page: Page, rules?: readonly string[]): Promise<A11yViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(axeSource);
  return page.evaluate(async ({ tags, rules }) => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const runOnly = rules ? { type: 'rule' as const, values: rules } : { type: 'tag' as const, values: tags };
    const results = await axe.run(document, { runOnly, resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(' '), reason: (n.failureSummary ?? '').replace(/\s+/g, ' ').trim() })),
    }));
  }, { tags: [...wcagTags], rules: rules ? [...rules] : null });
}

/** The violations that fail the gate. */
export function blockingViolations(violations: A11yViolation[]): A11yViolation[] {
  return violations.filter((v) => blockingImpacts.has(v.impact));
}

/** A failure message a developer can act on: the screen, then per rule its elements and why. */
export function describeViolations(where: string, violations: A11yViolation[]): string {
  const lines = [`Accessibility (axe, WCAG 2.1 AA): ${violations.length} serious or critical violation(s) on ${where}`];
  for (const v of violations) {
    lines.push(`- ${v.rule} (${v.impact}): ${v.help}`);
    for (const node of v.nodes.slice(0, 8)) lines.push(`    ${node.target} — ${node.reason}`);
    if (v.nodes.length > 8) lines.push(`    … and ${v.nodes.length - 8} more`);
  }
  return lines.join('\n');
}

/** Fails when the page as it is now has a serious or critical violation; `where` names the screen in the message. */
export async function expectAccessible(page: Page, where: string, rules?: readonly string[]): Promise<void> {
  const blocking = blockingViolations(await auditPage(page, rules));
  if (blocking.length > 0) throw new Error(describeViolations(`${where} (${page.url()})`, blocking));
}
