import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InventoryProduct } from '@shared/contract/stock';
import { useInventoryProducts } from '../api';

type Props = Omit<SelectProps<number>, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & {
  locationId: number;
  value: InventoryProduct | null;
  onChange: (row: InventoryProduct | null) => void;
};

/** Products stocked at one location, searched on the server; those with nothing on hand cannot be chosen. */
export function StockedProductSelect({ locationId, value, onChange, ...props }: Props) {
  const { t } = useTranslation(['stock', 'common']);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const label = (r: InventoryProduct) => `${r.sku} · ${r.productName}`;
  const selectedLabel = value ? label(value) : '';
  const list = useInventoryProducts({ locationId, q: debounced && debounced !== selectedLabel ? debounced : undefined, pageSize: 30, sortBy: 'sku' });
  const rows = list.data?.rows ?? [];
  const options = rows.map((r) => ({ value: r.id, label: label(r), disabled: r.onHand <= 0 }));
  if (value && !rows.some((r) => r.id === value.id)) options.unshift({ value: value.id, label: selectedLabel, disabled: false });
  return (
    <Select<number>
      label={t('transferForm.productAtSource')}
      placeholder={t('common.productPlaceholder')}
      searchable
      nothingFoundMessage={list.isFetching ? t('common:loading') : t('common:noMatches')}
      {...props}
      data={options}
      filter={({ options: all }) => all}
      value={value?.id ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id) => onChange(id === null ? null : (rows.find((r) => r.id === id) ?? value))}
    />
  );
}
