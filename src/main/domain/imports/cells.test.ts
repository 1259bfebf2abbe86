// Cells of an imported file as the language of the file writes them.
import { describe, expect, it } from 'vitest';
import { choiceCell, moneyCell, normalizeNumber, wholeNumberCell, yesNoCell } from './cells';

describe('cells', () => {
  it('reads money with the decimal mark and thousands groups of the file’s language', () => {
    expect(moneyCell('12,50', 'es')).toEqual({ ok: true, value: 125_000 });
    expect(moneyCell('1.234,5', 'es')).toEqual({ ok: true, value: 12_345_000 });
    expect(moneyCell('12.5', 'es')).toEqual({ ok: true, value: 125_000 });
    expect(moneyCell('1.234', 'es')).toEqual({ ok: true, value: 12_340_000 });
    expect(moneyCell('12.50', 'en')).toEqual({ ok: true, value: 125_000 });
    expect(moneyCell('1,234.5 €', 'en')).toEqual({ ok: true, value: 12_345_000 });
    expect(moneyCell('12,50', 'en')).toEqual({ ok: false, code: 'notMoney' });
    expect(moneyCell('1.23456', 'en')).toEqual({ ok: false, code: 'notMoney' });
    expect(moneyCell('ten', 'en')).toEqual({ ok: false, code: 'notMoney' });
  });

  it('reads whole numbers and refuses fractions', () => {
    expect(wholeNumberCell('1.000', 'es')).toEqual({ ok: true, value: 1000 });
    expect(wholeNumberCell('1,000', 'en')).toEqual({ ok: true, value: 1000 });
    expect(wholeNumberCell('12,5', 'es')).toEqual({ ok: false, code: 'notAWholeNumber' });
    expect(wholeNumberCell('3 units', 'en')).toEqual({ ok: false, code: 'notANumber' });
  });

  it('reads yes and no, and choices by code or by word, in either language', () => {
    expect(['Sí', 'si', 'YES', 'true', '1'].map((t) => yesNoCell(t))).toEqual(Array(5).fill({ ok: true, value: true }));
    expect(['No', 'false', '0'].map((t) => yesNoCell(t))).toEqual(Array(3).fill({ ok: true, value: false }));
    expect(yesNoCell('maybe')).toEqual({ ok: false, code: 'notYesNo' });
    const kinds = ['warehouse', 'van'] as const;
    expect(choiceCell('ALMACEN', kinds, { warehouse: ['almacén'] })).toEqual({ ok: true, value: 'warehouse' });
    expect(choiceCell('Van', kinds)).toEqual({ ok: true, value: 'van' });
    expect(choiceCell('attic', kinds)).toEqual({ ok: false, code: 'notAChoice' });
  });
});

describe('numbers that start with 0', () => {
  it('never read a leading 0 as a thousands group', () => {
    expect(normalizeNumber('0,125', 'en')).toBeNull();
    expect(normalizeNumber('0.125', 'es')).toBe('0.125');
    expect(normalizeNumber('00.500', 'es')).toBe('00.500');
    expect(normalizeNumber('1.250', 'es')).toBe('1250');
    expect(normalizeNumber('1,250', 'en')).toBe('1250');
  });
});
