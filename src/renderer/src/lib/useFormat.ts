// useFormat() — numbers, money and dates in the user's language and the office currency
// (settings.get, cached under ['settings']):
//   const f = useFormat();  f.money(unitCost)  f.qty(onHand)  f.date(ms)  f.dateTime(ms)  f.currency
// Money values are integer ten-thousandths (src/shared/money.ts), sums that can pass 2^53 as exact decimal
// strings (the contract's `amount`); null shows as "—" (e.g. costs
// hidden without costs.view). <Money value={…}/> and <Qty value={…}/> in Amount.tsx wrap these.
// The formatter is built once by <FormatProvider> (around the screens) and read from context: a list has a
// <Money>/<Qty> in most cells, and each reading the settings and the language itself put hundreds of query
// observers and language listeners on every page of 50 rows.
import { createContext, createElement, useContext, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatMoney, formatQty } from './format';
import { useApiQuery } from './query';

export const SETTINGS_KEY = ['settings'];

export function useSettings() {
  return useApiQuery(SETTINGS_KEY, 'settings.get', {});
}

export interface Format {
  language: string;
  currency: string;
  money: (minor: number | string | null | undefined) => string;
  qty: (n: number | string | null | undefined) => string;
  date: (ms: number | null | undefined) => string;
  dateTime: (ms: number | null | undefined) => string;
}

export function makeFormat(language: string, currency: string): Format {
  return {
    language,
    currency,
    money: (minor) => formatMoney(minor, language, currency),
    qty: (n) => formatQty(n, language),
    date: (ms) => formatDate(ms, language),
    dateTime: (ms) => formatDateTime(ms, language),
  };
}

const FormatContext = createContext<Format | null>(null);

/** Around the screens (app/routes.tsx): the one formatter they all share, rebuilt when the language or currency changes. */
export function FormatProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const settings = useSettings();
  const language = i18n.language;
  const currency = settings.data?.currency ?? 'USD';
  const format = useMemo(() => makeFormat(language, currency), [language, currency]);
  return createElement(FormatContext.Provider, { value: format }, children);
}

export function useFormat(): Format {
  const format = useContext(FormatContext);
  if (!format) throw new Error('useFormat() outside <FormatProvider>, which app/routes.tsx puts around every screen');
  return format;
}
