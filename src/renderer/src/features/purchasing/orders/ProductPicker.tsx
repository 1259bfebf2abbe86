import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../../../shared/contract/catalog';
import { useProduct, useProductSearch } from '../api';

type Props = Omit<SelectProps<number>, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & {
  value: number | null;
  onChange: (product: Product | null) => void;
};

const label = (p: Pick<Product, 'sku' | 'name'>) => `${p.sku} · ${p.name}`;

/** Searches the active catalogue on the server by SKU, name, part number or barcode as the user types. */
export function ProductPicker({ value, onChange, ...props }: Props) {
  const { t } = useTranslation('purchasing');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const selected = useProduct(value);
  const selectedLabel = selected.data ? label(selected.data) : '';
  const results = useProductSearch(debounced === selectedLabel ? '' : debounced.trim());
  const rows = results.data?.rows ?? [];
  const options = rows.map((p) => ({ value: p.id, label: label(p) }));
  if (selected.data && !rows.some((p) => p.id === value)) options.unshift({ value: selected.data.id, label: selectedLabel });
  return (
    <Select<number>
      placeholder={t('lineForm.productPlaceholder')}
      searchable
      clearable
      nothingFoundMessage={results.isFetching ? t('common.loading') : t('common.noMatches')}
      {...props}
      data={options}
      filter={({ options: all }) => all}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id) => onChange(id === null ? null : (rows.find((p) => p.id === id) ?? (selected.data?.id === id ? selected.data : null)))}
    />
  );
}
