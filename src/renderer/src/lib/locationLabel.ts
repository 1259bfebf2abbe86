import i18next from 'i18next';
import type { locationKinds } from '@shared/contract/locations';

type Kind = (typeof locationKinds)[number];
const virtualKinds = ['vendor', 'customer', 'adjustment', 'scrap', 'transit'] as const;
type VirtualKind = (typeof virtualKinds)[number];
const isVirtual = (kind: Kind | null): kind is VirtualKind => (virtualKinds as readonly string[]).includes(kind ?? '');

/**
 * A location's name as a user reads it: virtual locations (Vendor, Customer, Adjustment, Scrap, In
 * transit) are stored under their English names and shown in the user's language; the office's own
 * locations keep the names they were given.
 */
export function locationLabel(name: string | null, kind: Kind | null): string {
  if (isVirtual(kind)) return i18next.t(`locations:virtual.names.${kind}`, { defaultValue: name ?? '' });
  return name ?? '—';
}
