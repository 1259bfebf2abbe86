// useFormat() — numbers, money and dates in the user's language, the office's English format (en-GB or
// en-US) and the office currency (settings.get, cached under ['settings']); see src/shared/formats.ts:
//   const f = useFormat();  f.money(unitCost)  f.qty(onHand)  f.date(ms)  f.day('2026-01-15')  f.dateTime(ms)
// Money values are integer ten-thousandths (src/shared/money.ts), sums that can pass 2^53 as exact decimal
// strings (the contract's `amount`); null shows as "—" (e.g. costs hidden without costs.view).
// <Money value={…}/> and <Qty value={…}/> in Amount.tsx wrap these; DayInput and DayRangeInput use f.formats.
// The formatter is built once by <FormatProvider> (around the screens) and read from context: a list has a
// <Money>/<Qty> in most cells, and each reading the settings and the language itself put hundreds of query
// observers and language listeners on every page of 50 rows.
import type { QueryClient } from '@tanstack/react-query';
import { createContext, createElement, useContext, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultEnglishLocale } from '@shared/formats';
import { makeFormatter, type Formatter } from './format';
import { startApiQuery, useApiQuery } from './query';

export const SETTINGS_KEY = ['settings'];

export function useSettings() {
  return useApiQuery(SETTINGS_KEY, 'settings.get', {});
}

/** Starts useSettings' query ahead of the shell (a sign-in). */
export function startSettings(client: QueryClient): void {
  startApiQuery(client, SETTINGS_KEY, 'settings.get', {});
}

/** Until the settings arrive: the defaults of a new database (euros, en-GB). */
const DEFAULT_CURRENCY = 'EUR';

const FormatContext = createContext<Formatter | null>(null);

/** Around the screens (app/routes.tsx): the one formatter they all share, rebuilt when the language or a format setting changes. */
export function FormatProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const settings = useSettings();
  const language = i18n.language;
  const englishLocale = settings.data?.englishLocale ?? defaultEnglishLocale;
  const currency = settings.data?.currency ?? DEFAULT_CURRENCY;
  const format = useMemo(() => makeFormatter(language, englishLocale, currency), [language, englishLocale, currency]);
  return createElement(FormatContext.Provider, { value: format }, children);
}

export function useFormat(): Formatter {
  const format = useContext(FormatContext);
  if (!format) throw new Error('useFormat() outside <FormatProvider>, which app/routes.tsx puts around every screen');
  return format;
}
