import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCompanySearch } from '../api';

type Props = Omit<SelectProps<number>, 'data' | 'value' | 'onChange' | 'searchable' | 'searchValue' | 'onSearchChange'> & {
  role: 'vendor' | 'client';
  value: number | null;
  onChange: (id: number | null) => void;
  /** Name of the company already chosen, shown before any search runs. */
  selectedName?: string | null;
};

/** Picks a vendor or a client company, searching the server as the user types. */
export function CompanySelect({ role, value, onChange, selectedName, ...props }: Props) {
  const { t } = useTranslation(['purchasing', 'common']);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [names, setNames] = useState<Record<number, string>>({});
  // While the box shows the chosen company's name, list every company rather than only that one.
  const shownName = value !== null ? (names[value] ?? selectedName ?? '') : '';
  const companies = useCompanySearch(role, q === shownName ? '' : q);
  const rows = companies.data?.rows ?? [];
  const options = rows.map((c) => ({ value: c.id, label: c.name }));
  if (value !== null && shownName && !options.some((o) => o.value === value)) options.unshift({ value, label: shownName });
  return (
    <Select<number>
      searchable
      nothingFoundMessage={companies.isFetching ? t('common:loading') : role === 'vendor' ? t('common.noVendor') : t('common.noClient')}
      {...props}
      data={options}
      filter={({ options: all }) => all}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id) => {
        const name = rows.find((c) => c.id === id)?.name;
        if (id !== null && name) setNames((n) => ({ ...n, [id]: name }));
        onChange(id ?? null);
      }}
    />
  );
}
