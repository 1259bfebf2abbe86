import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useInternalLocations } from '../lookups';

type Props = Omit<SelectProps<number>, 'data' | 'value' | 'onChange'> & {
  value: number | null;
  onChange: (id: number | null) => void;
  /** Locations that make no sense here, e.g. the source of a transfer when choosing its destination. */
  exclude?: number[];
};

/** Active internal locations (warehouses, vans, shelves); virtual ones are never a choice on these screens. */
export function LocationSelect({ value, onChange, exclude = [], ...props }: Props) {
  const { t } = useTranslation(['pickers', 'common']);
  const locations = useInternalLocations();
  const data = (locations.data ?? []).filter((l) => !exclude.includes(l.id)).map((l) => ({ value: l.id, label: l.ownerName ? `${l.name} (${l.ownerName})` : l.name }));
  return (
    <Select<number>
      label={t('location')}
      searchable
      nothingFoundMessage={t('common:noMatches')}
      {...props}
      data={data}
      value={value}
      onChange={(v) => onChange(v ?? null)}
    />
  );
}

/** The default location (else the first): where new stock is received unless the user picks another. */
export function useDefaultLocationId(): number | null {
  const locations = useInternalLocations();
  return locations.data?.find((l) => l.isDefault)?.id ?? locations.data?.[0]?.id ?? null;
}
