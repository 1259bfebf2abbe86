import type { SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../query';
import { SearchSelect, useOpenedOnce } from './SearchSelect';

type Props = Omit<SelectProps<number>, 'data' | 'value' | 'onChange' | 'searchable' | 'searchValue' | 'onSearchChange'> & {
  role: 'vendor' | 'client';
  /** The chosen company (a form field's value may still be unset). */
  value?: number | null;
  onChange: (id: number | null) => void;
  /** Name of the company already chosen, shown before any search runs. */
  selectedName?: string | null;
};

/** Picks a vendor or a client company, searching the server as the user types. */
export function CompanySelect({ role, value: chosen, onChange, selectedName, ...props }: Props) {
  const value = chosen ?? null;
  const { t } = useTranslation('pickers');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [names, setNames] = useState<Record<number, string>>({});
  const [opened, onDropdownOpen] = useOpenedOnce();
  // While the box shows the chosen company's name, list every company rather than only that one.
  const shownName = value !== null ? (names[value] ?? selectedName ?? '') : '';
  const query = q === shownName ? '' : q;
  // Also before it is opened when a company is chosen whose name is not known yet.
  const wanted = opened || query !== '' || (value !== null && !shownName);
  const companies = useApiQuery(['catalog'], 'catalog.listCompanies', { role, q: query || undefined, pageSize: 30, sortBy: 'name' }, { keepPrevious: true, enabled: wanted });
  const rows = companies.data?.rows ?? [];
  const options = rows.map((c) => ({ value: c.id, label: c.name }));
  if (value !== null && shownName && !options.some((o) => o.value === value)) options.unshift({ value, label: shownName });
  return (
    <SearchSelect
      nothingFoundMessage={role === 'vendor' ? t('noVendor') : t('noClient')}
      {...props}
      onDropdownOpen={onDropdownOpen}
      fetching={companies.isFetching}
      data={options}
      value={value}
      search={search}
      onSearchChange={setSearch}
      onChange={(id) => {
        const name = rows.find((c) => c.id === id)?.name;
        if (id !== null && name) setNames((n) => ({ ...n, [id]: name }));
        onChange(id ?? null);
      }}
    />
  );
}
