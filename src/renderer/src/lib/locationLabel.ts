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

/** The stored names of the virtual locations (unique among locations' names), for an export's words. */
const virtualNames: Record<VirtualKind, string> = { vendor: 'Vendor', customer: 'Customer', adjustment: 'Adjustment', scrap: 'Scrap', transit: 'In-transit' };

/** Words for the virtual locations' stored names, as locationLabel shows them (a CSV column's labels). */
export function virtualLocationWords(): Record<string, string> {
  return Object.fromEntries(virtualKinds.map((kind) => [virtualNames[kind], locationLabel(virtualNames[kind], kind)]));
}
