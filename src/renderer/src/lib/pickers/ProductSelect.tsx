import type { SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '@shared/contract/catalog';
import { useApiQuery } from '../query';
import { SearchSelect, useOpenedOnce } from './SearchSelect';

const useProductSearch = (q: string, activeOnly: boolean, enabled: boolean) =>
  useApiQuery(['catalog'], 'catalog.listProducts', { q: q || undefined, pageSize: 20, sortBy: 'sku', active: activeOnly ? true : undefined }, { keepPrevious: true, enabled });
const useProduct = (id: number | null) => useApiQuery(['catalog'], 'catalog.getProduct', { id: id ?? 0 }, { enabled: id !== null && id > 0 });

type Props = Omit<SelectProps<number>, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange' | 'nothingFoundMessage'> & {
  value: number | null;
  onChange: (product: Product | null) => void;
  /** New stock and purchases only for products still sold; filters also find discontinued ones with history. */
  activeOnly?: boolean;
  /** Shown when the search finds nothing; "Loading…" shows while it runs. */
  nothingFoundMessage?: string;
};

const label = (p: Pick<Product, 'sku' | 'name'>) => `${p.sku} · ${p.name}`;

/** Searches the catalogue on the server as the user types (the catalogue is too large to load). */
export function ProductSelect({ value, onChange, activeOnly = false, nothingFoundMessage, ...props }: Props) {
  const { t } = useTranslation('pickers');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [opened, onDropdownOpen] = useOpenedOnce();
  const selected = useProduct(value);
  const selectedLabel = selected.data ? label(selected.data) : '';
  // While the box shows the chosen product's label, list everything rather than only that product.
  const results = useProductSearch(debounced === selectedLabel ? '' : debounced.trim(), activeOnly, opened || debounced.trim() !== '');
  const rows = results.data?.rows ?? [];
  const options = rows.map((p) => ({ value: p.id, label: label(p) }));
  if (selected.data && !rows.some((p) => p.id === value)) options.unshift({ value: selected.data.id, label: selectedLabel });

  return (
    <SearchSelect
      label={t('product')}
      placeholder={t('productPlaceholder')}
      clearable
      {...props}
      nothingFoundMessage={nothingFoundMessage}
      onDropdownOpen={onDropdownOpen}
      fetching={results.isFetching}
      data={options}
      value={value}
      search={search}
      onSearchChange={setSearch}
      onChange={(id) => onChange(id === null ? null : (rows.find((p) => p.id === id) ?? (selected.data?.id === id ? selected.data : null)))}
    />
  );
}
