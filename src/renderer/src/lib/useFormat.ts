// useFormat() — numbers, money and dates in the user's language and the office currency
// (settings.get, cached under ['settings']):
//   const f = useFormat();  f.money(unitCost)  f.qty(onHand)  f.date(ms)  f.dateTime(ms)  f.currency
// Money values are integer ten-thousandths (src/shared/money.ts), sums that can pass 2^53 as exact decimal
// strings (the contract's `amount`); null shows as "—" (e.g. costs
// hidden without costs.view). <Money value={…}/> and <Qty value={…}/> in Amount.tsx wrap these.
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatMoney, formatQty } from './format';
import { useApiQuery } from './query';

export const SETTINGS_KEY = ['settings'];

export function useSettings() {
  return useApiQuery(SETTINGS_KEY, 'settings.get', {});
}

export function useFormat() {
  const { i18n } = useTranslation();
  const settings = useSettings();
  const language = i18n.language;
  const currency = settings.data?.currency ?? 'USD';
  return {
    language,
    currency,
    money: (minor: number | string | null | undefined) => formatMoney(minor, language, currency),
    qty: (n: number | string | null | undefined) => formatQty(n, language),
    date: (ms: number | null | undefined) => formatDate(ms, language),
    dateTime: (ms: number | null | undefined) => formatDateTime(ms, language),
  };
}
