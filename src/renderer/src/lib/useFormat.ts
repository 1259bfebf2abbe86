// useFormat() — numbers, money and dates in the user's language, the office's English format (en-GB or
// en-US) and the office currency (settings.get, cached under ['settings']); see src/shared/formats.ts:
//   const f = useFormat();  f.money(unitCost)  f.qty(onHand)  f.date(ms)  f.day('2026-01-15')  f.dateTime(ms)
// Money values are integer ten-thousandths (src/shared/money.ts), sums that can pass 2^53 as exact decimal
// strings (the contract's `amount`); null shows as "—" (e.g. costs hidden without costs.view).
// <Money value={…}/> and <Qty value={…}/> in Amount.tsx wrap these; DayInput and DayRangeInput use f.formats.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultEnglishLocale } from '@shared/formats';
import { makeFormatter, type Formatter } from './format';
import { useApiQuery } from './query';

export const SETTINGS_KEY = ['settings'];

export function useSettings() {
  return useApiQuery(SETTINGS_KEY, 'settings.get', {});
}

/** Until the settings arrive: the defaults of a new database (euros, en-GB). */
const DEFAULT_CURRENCY = 'EUR';

export function useFormat(): Formatter {
  const { i18n } = useTranslation();
  const settings = useSettings();
  const language = i18n.language;
  const englishLocale = settings.data?.englishLocale ?? defaultEnglishLocale;
  const currency = settings.data?.currency ?? DEFAULT_CURRENCY;
  return useMemo(() => makeFormatter(language, englishLocale, currency), [language, englishLocale, currency]);
}
