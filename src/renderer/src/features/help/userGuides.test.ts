// The user guides the Help screen shows (docs/user-guide.md, docs/guia-usuario.md): every picture they
// name is in docs/images (the build bundles that folder), every #link reaches a heading, the Spanish guide
// has a section for each section of the English one, in the same order, and it speaks the app's Spanish
// (the glossary's terms; e2e/support/spanishGuide.test.ts scans it for English as a Spanish screen).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bannedTermsIn } from '@shared/glossary';
import { imagePaths, parseGuide, readerText, sectionOf } from './guide';

const repoRoot = resolve(import.meta.dirname, '../../../../..');

const guides = { en: 'docs/user-guide.md', es: 'docs/guia-usuario.md' } as const;
const read = (file: string) => readFileSync(join(repoRoot, file), 'utf8');
const source = { en: read(guides.en), es: read(guides.es) };
const parsed = { en: parseGuide(source.en), es: parseGuide(source.es) };

/** The guide's #links, as written. */
function sectionLinks(markdown: string): string[] {
  return [...markdown.matchAll(/\]\((#[^)\s]+)\)/g)].map((m) => m[1]!);
}

describe.each(Object.entries(guides) as ['en' | 'es', string][])('the %s user guide', (lang, file) => {
  it('shows only pictures that are in docs/images', () => {
    const paths = imagePaths(source[lang]);
    expect(paths.length).toBeGreaterThan(30);
    const missing = paths.filter((path) => !/^images\/[\w.-]+\.png$/.test(path) || !existsSync(join(repoRoot, 'docs', path)));
    expect(missing, `${file} names pictures that are not in docs/images`).toEqual([]);
  });

  it('links only to its own sections', () => {
    const ids = new Set(parsed[lang].toc.map((entry) => entry.id));
    const links = sectionLinks(source[lang]);
    expect(links.length).toBeGreaterThan(2);
    expect(links.map((href) => sectionOf(href)).filter((id) => !id || !ids.has(id))).toEqual([]);
  });

  it('has a title and sections', () => {
    expect(parsed[lang].title).not.toBe('');
    expect(parsed[lang].toc.length).toBeGreaterThan(30);
  });
});

describe('the Spanish user guide', () => {
  it('has a section for every section of the English guide, in the same order and at the same level', () => {
    // The Help screen keeps the reader at the same section when the language changes, by position.
    const shape = (lang: 'en' | 'es') => parsed[lang].toc.map((entry) => entry.depth);
    expect(shape('es')).toEqual(shape('en'));
    const pairs = parsed.en.toc.map((entry, i) => `${entry.text} → ${parsed.es.toc[i]!.text}`);
    expect(pairs).toContain('Receiving → Recepción');
    expect(pairs).toContain('Vendor returns → Devoluciones al proveedor');
  });

  it('shows the Spanish screens wherever the end-to-end tests picture them in Spanish', () => {
    // Three screens are pictured by English-only journeys (the demo's dark mode, the appearance menu,
    // backups); every other picture of the Spanish guide is a Spanish screen.
    const english = imagePaths(source.es).filter((path) => !path.startsWith('images/es-'));
    expect(english).toEqual(['images/en-user-menu-appearance.png', 'images/en-demo-03-products-dark.png', 'images/en-backups-01-backup-made.png']);
  });

  it("uses the app's one term per concept", () => {
    expect(bannedTermsIn(readerText(source.es)).map((t) => `"${t.banned}" → "${t.preferred}"`)).toEqual([]);
  });
});
