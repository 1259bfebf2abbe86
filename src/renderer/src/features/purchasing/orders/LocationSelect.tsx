import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useInternalLocations } from '../api';

type Props = Omit<SelectProps<number>, 'data' | 'value' | 'onChange'> & { value: number | null; onChange: (id: number | null) => void };

/** Active internal locations (warehouses, shelves, vans): where a purchase order line is received. */
export function LocationSelect({ value, onChange, ...props }: Props) {
  const { t } = useTranslation('purchasing');
  const locations = useInternalLocations();
  const data = (locations.data ?? []).map((l) => ({ value: l.id, label: l.ownerName ? `${l.name} (${l.ownerName})` : l.name }));
  return <Select<number> searchable nothingFoundMessage={t('common.noMatches')} {...props} data={data} value={value} onChange={(v) => onChange(v ?? null)} />;
}

/** The default location, where new lines are received unless the user picks another. */
export function useDefaultLocationId(): number | null {
  const locations = useInternalLocations();
  return locations.data?.find((l) => l.isDefault)?.id ?? locations.data?.[0]?.id ?? null;
}
