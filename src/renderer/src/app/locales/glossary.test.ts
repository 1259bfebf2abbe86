// One Spanish term per concept on every screen (src/shared/glossary.ts), and "seleccionar" kept for *pick*
// (DOMAIN.md): marking rows in a table says "marcar", so the two never meet on one screen.
import { describe, expect, it } from 'vitest';
import { bannedTermsIn } from '@shared/glossary';
import { resourcesEn, resourcesEs } from './resources';

// Paths are kept as arrays of keys: some keys hold a dot themselves (history types such as "stock.picked").
function leafPaths(tree: unknown, path: string[] = []): [string[], string][] {
  if (typeof tree === 'string') return [[path, tree]];
  if (Array.isArray(tree)) return tree.flatMap((item, i) => leafPaths(item, [...path, String(i)]));
  if (tree && typeof tree === 'object') return Object.entries(tree).flatMap(([key, value]) => leafPaths(value, [...path, key]));
  return [];
}

function leaves(tree: unknown): [string, string][] {
  return leafPaths(tree).map(([path, text]) => [path.join('.'), text]);
}

function lookup(tree: unknown, path: string[]): unknown {
  return path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), tree);
}

const spanish = leaves(resourcesEs);

describe('Spanish translations', () => {
  it('use one term per concept: no banned synonym in any text', () => {
    const found = spanish.flatMap(([key, text]) => bannedTermsIn(text).map((t) => `${key}: "${t.banned}" → "${t.preferred}" in «${text}»`));
    expect(found).toEqual([]);
  });

  it('say "seleccionar" only for picking units, never for choosing or marking rows', () => {
    const misuses = leafPaths(resourcesEs)
      .filter(([, text]) => /selecci/i.test(text))
      .filter(([path]) => !/\bpick/i.test(String(lookup(resourcesEn, path))))
      .map(([path, text]) => `${path.join('.')}: «${text}» (English: «${String(lookup(resourcesEn, path))}»)`);
    expect(misuses).toEqual([]);
  });

  it('mark rows with "marcar" where English selects them', () => {
    const rowSelection = leafPaths(resourcesEn).filter(([, text]) => /\bselect(ed|ion)?\b/i.test(text));
    expect(rowSelection.length).toBeGreaterThan(0);
    for (const [path] of rowSelection) expect(String(lookup(resourcesEs, path)), path.join('.')).not.toMatch(/selecci/i);
  });
});
