// Picks a vendor (a company marked as vendor), searching the server as the user types so a long
// vendor list never loads whole.
import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCompanies } from './api';

type Props = Omit<SelectProps<number>, 'data' | 'searchable' | 'searchValue' | 'onSearchChange'> & {
  /** Name of the vendor already chosen, shown before any search runs. */
  selectedName?: string | null;
};

export function VendorSelect({ selectedName, value, ...props }: Props) {
  const { t } = useTranslation(['catalog', 'common']);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const vendors = useCompanies({ role: 'vendor', q: q || undefined, pageSize: 30, sortBy: 'name' });
  const options = (vendors.data?.rows ?? []).map((c) => ({ value: c.id, label: c.name }));
  if (typeof value === 'number' && selectedName && !options.some((o) => o.value === value)) options.unshift({ value, label: selectedName });
  return (
    <Select<number>
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={vendors.isFetching ? t('common:loading') : t('vendors.noVendor')}
      data={options}
      value={value}
      {...props}
    />
  );
}
