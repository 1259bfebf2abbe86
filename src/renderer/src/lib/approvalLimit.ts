// The limit an approval was given at, as a charge's or an order's history records it (approval tiers):
// "at the Manager limit (up to 20,000.00 €)", or "with no limit" for administrators and users given no tier.
// Approvals recorded before tiers existed carry nothing, and show nothing.
import i18next from 'i18next';
import type { Formatter } from './format';

export function approvalLimitText(f: Formatter, details: Record<string, unknown>): string | null {
  if (!('limitName' in details)) return null;
  const { limitName, limitUpTo } = details;
  if (typeof limitName === 'string' && typeof limitUpTo === 'number') return i18next.t('common:approvalLimit.at', { name: limitName, amount: f.money(limitUpTo) });
  return i18next.t('common:approvalLimit.none');
}
