// The Spanish user guide (docs/guia-usuario.md) is a Spanish screen too (Help): it must pass the scan every
// Spanish screenshot passes (spanishScan.ts), checked here on its text without a browser.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readerText } from '@renderer/features/help/guide';
import { scanSpanishText, translationKeys } from './spanishScan';

describe('the Spanish user guide', () => {
  it('leaves no English word, raw key or placeholder a Spanish screen must not show', () => {
    const guide = readFileSync(resolve(import.meta.dirname, '../../docs/guia-usuario.md'), 'utf8');
    const text = readerText(guide);
    expect(text.length).toBeGreaterThan(20_000);
    expect(scanSpanishText(text, { keys: translationKeys() }).map((f) => `${f.kind} "${f.found}" in: ${f.line.slice(0, 120)}`)).toEqual([]);
  });
});
