import { describe, expect, it } from 'vitest';
import { serialKey } from './serials';

describe('serialKey', () => {
  const same: [string, string][] = [
    ['SECDUP1A', 'secdup1a '],
    ['SECDUP1A', '\tSecDup1A\n'],
    ['SECDUP1A', '\u00A0secdup1a\u00A0'],
    ['SECDUP1A', '\u2007SECDUP1A\u202F'],
    ['SECDUP1A', '\u3000secdup1a\u3000'],
    ['SECDUP1A', '\u200Bsecdup1a\uFEFF'],
    ['SECDUP1A', '\u2060SECDUP1A\u200D\u0085'],
    ['CAFÉ-01', 'cafe\u0301-01'],
    ['ÅS-9', '\u212Bs-9'],
    ['ΣΊΣΥΦΟΣ-1', 'σίσυφοσ-1'],
    ['ΣΊΣΥΦΟΣ-1', 'σίσυφος-1'],
    ['STRASSE-7', 'straße-7'],
    ['ﬁ-3', 'FI-3'],
  ];
  it.each(same)('%j and %j name the same unit', (a, b) => {
    expect(serialKey(a)).toBe(serialKey(b));
  });

  const different: [string, string][] = [
    ['AB12', 'AB 12'],
    ['AB12', 'AB\u00A012'],
    ['AB12', 'AB-12'],
    ['0O1', '001'],
    ['SN1', 'SN1.'],
  ];
  it.each(different)('%j and %j are different units', (a, b) => {
    expect(serialKey(a)).not.toBe(serialKey(b));
  });

  it('keys blanks alone as empty and keeps the text between the blanks', () => {
    expect(serialKey('\u200B \u00A0\t')).toBe('');
    expect(serialKey('  Ab C  ')).toBe('ab c');
  });

  it('does not depend on the machine locale (dotted I stays as toLowerCase makes it)', () => {
    expect(serialKey('ISTANBUL-1')).toBe('istanbul-1');
  });
});
