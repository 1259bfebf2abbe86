// One Spanish term per concept on every screen (src/shared/glossary.ts), and "seleccionar" kept for *pick*
// (DOMAIN.md): marking rows in a table says "marcar", so the two never meet on one screen.
import { describe, expect, it } from 'vitest';
import { bannedTermsIn } from '@shared/glossary';
import { resourcesEn, resourcesEs } from './resources';

function leaves(tree: unknown, path: string[] = []): [string, string][] {
  if (typeof tree === 'string') return [[path.join('.'), tree]];
  if (Array.isArray(tree)) return tree.flatMap((item, i) => leaves(item, [...path, String(i)]));
  if (tree && typeof tree === 'object') return Object.entries(tree).flatMap(([key, value]) => leaves(value, [...path, key]));
  return [];
}

function lookup(tree: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), tree);
}

const spanish = leaves(resourcesEs);

describe('Spanish translations', () => {
  it('use one term per concept: no banned synonym in any text', () => {
    const found = spanish.flatMap(([key, text]) => bannedTermsIn(text).map((t) => `${key}: "${t.banned}" → "${t.preferred}" in «${text}»`));
    expect(found).toEqual([]);
  });

  it('say "seleccionar" only for picking units, never for choosing or marking rows', () => {
    const misuses = spanish
      .filter(([, text]) => /selecci/i.test(text))
      .filter(([key]) => !/\bpick/i.test(String(lookup(resourcesEn, key))))
      .map(([key, text]) => `${key}: «${text}» (English: «${String(lookup(resourcesEn, key))}»)`);
    expect(misuses).toEqual([]);
  });

  it('mark rows with "marcar" where English selects them', () => {
    const rowSelection = leaves(resourcesEn).filter(([, text]) => /\bselect(ed|ion)?\b/i.test(text));
    expect(rowSelection.length).toBeGreaterThan(0);
    for (const [key] of rowSelection) expect(String(lookup(resourcesEs, key)), key).not.toMatch(/selecci/i);
  });
});
