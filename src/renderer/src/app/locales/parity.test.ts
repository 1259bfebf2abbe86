// Every namespace must be translated whole: the same key paths in Spanish and English, no empty
// strings, and no Spanish text left as an English copy unless the word is the same in both languages.
import { describe, expect, it } from 'vitest';
import { namespaces, resourcesEn, resourcesEs } from './resources';

/**
 * Texts rightly identical in both languages (placeholders and a trailing colon aside): the brand,
 * codes and protocol names, language names (each shown in its own language) and words Spanish shares.
 */
// "Ticket" is the glossary's Spanish word for a ticket (DOMAIN.md); "Roles" is the same word in both.
const sameInBothLanguages = new Set(['MSP Inventory', 'SKU', 'CC', 'SSL/TLS', 'STARTTLS', 'Español', 'English', 'General', 'Manual', 'No', 'Roles', 'Subtotal', 'Total', 'Ticket', 'RMA']);

/** Leaf key path → text; a list is one leaf (suggestion lists may differ in length between languages). */
function leaves(tree: unknown, prefix = ''): Map<string, string | string[]> {
  const out = new Map<string, string | string[]>();
  for (const [key, value] of Object.entries(tree as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string' || Array.isArray(value)) out.set(path, value as string | string[]);
    else for (const [p, v] of leaves(value, path)) out.set(p, v);
  }
  return out;
}

describe.each(namespaces)('namespace %s', (ns) => {
  const en = leaves(resourcesEn[ns]);
  const es = leaves(resourcesEs[ns]);

  it('has the same keys in Spanish and English', () => {
    expect([...es.keys()].sort()).toEqual([...en.keys()].sort());
  });

  it('has no empty text', () => {
    for (const map of [en, es]) {
      const empty = [...map].filter(([, v]) => (Array.isArray(v) ? v.length === 0 || v.some((s) => s.trim() === '') : v.trim() === ''));
      expect(empty.map(([k]) => k)).toEqual([]);
    }
  });

  it('has no Spanish text that is an untranslated English copy', () => {
    const copies = [...es].filter(([key, v]) => {
      const english = en.get(key);
      return JSON.stringify(v) === JSON.stringify(english) && !(typeof v === 'string' && isSameInBothLanguages(v));
    });
    expect(copies.map(([k, v]) => `${k}: ${JSON.stringify(v)}`)).toEqual([]);
  });
});

/** Allowed when the text is listed, or has no words at all once placeholders are taken out ("{{n}} ×"). */
function isSameInBothLanguages(text: string): boolean {
  const bare = text.replace(/\{\{[^}]*\}\}/g, '').trim().replace(/:$/, '');
  return sameInBothLanguages.has(bare) || !/\p{L}{2,}/u.test(bare);
}

it('the check catches a Spanish copy of English text and a missing key', () => {
  const en = leaves({ a: { b: 'Save', c: 'SKU' } });
  const es = leaves({ a: { b: 'Save' } });
  expect([...es.keys()]).not.toEqual([...en.keys()]);
  expect(isSameInBothLanguages('Save')).toBe(false);
  expect(isSameInBothLanguages('SKU')).toBe(true);
  expect(isSameInBothLanguages('{{count}} ×')).toBe(true);
});
