// One number format per language: four-digit amounts are grouped in Spanish as in English.
import { describe, expect, it } from 'vitest';
import { numberFormat } from './numbers';

const nbsp = (s: string) => s.replace(/\u00a0/g, ' ');

describe('numberFormat', () => {
  it('groups from four digits on in every language, money and quantities alike', () => {
    const cases: [string, number, string, string][] = [
      ['es', 999, '999,00 €', '999'],
      ['es', 1234.5, '1.234,50 €', '1.234,5'],
      ['es', 9265.66, '9.265,66 €', '9.265,66'],
      ['es', 203226.63, '203.226,63 €', '203.226,63'],
      ['es', -1234, '-1.234,00 €', '-1.234'],
      ['es-ES', 1234567.891, '1.234.567,89 €', '1.234.567,891'],
      ['en', 1234.5, '€1,234.50', '1,234.5'],
      ['en-GB', 9265.66, '€9,265.66', '9,265.66'],
      ['en-US', -1234, '-€1,234.00', '-1,234'],
    ];
    for (const [locale, value, money, plain] of cases) {
      expect(nbsp(numberFormat(locale, { style: 'currency', currency: 'EUR', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value)), `${locale} ${value}`).toBe(money);
      expect(nbsp(numberFormat(locale, { maximumFractionDigits: 4 }).format(value)), `${locale} ${value}`).toBe(plain);
    }
  });

  it('keeps one formatter per locale and options', () => {
    expect(numberFormat('es', { maximumFractionDigits: 1 })).toBe(numberFormat('es', { maximumFractionDigits: 1 }));
    expect(numberFormat('es', { maximumFractionDigits: 1 })).not.toBe(numberFormat('es', { maximumFractionDigits: 2 }));
    expect(numberFormat('es', { maximumFractionDigits: 1 })).not.toBe(numberFormat('en', { maximumFractionDigits: 1 }));
    expect(numberFormat('es')).toBe(numberFormat('es', {}));
    const euro = numberFormat('en', { style: 'currency', currency: 'EUR' });
    const dollar = numberFormat('en', { style: 'currency', currency: 'USD' });
    expect(euro).not.toBe(dollar);
    expect(nbsp(dollar.format(1234))).toBe('$1,234.00');
    expect(numberFormat('en', { style: 'currency', currency: 'EUR' })).toBe(euro);
  });
});
