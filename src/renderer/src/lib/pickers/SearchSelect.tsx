// The select of the pickers that search the server as the user types (products, companies): the
// catalogue and the company list are too large to load whole, so the server filters, not the select.
import { Select, type SelectProps } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Whether the picker's list has been opened yet, and the handler that records it (pass it as
 * onDropdownOpen): a picker searches the server only once someone opens it or types, not whenever a
 * screen that shows one (a filter bar) opens — that first search used to hold up the screen's own rows.
 */
export function useOpenedOnce(): [opened: boolean, onDropdownOpen: () => void] {
  const [opened, setOpened] = useState(false);
  return [opened, () => setOpened(true)];
}

export type SearchSelectProps = Omit<SelectProps<number>, 'searchable' | 'searchValue' | 'onSearchChange' | 'filter'> & {
  search: string;
  onSearchChange: (search: string) => void;
  /** True while the server looks: "Loading…" shows instead of the nothing-found message. */
  fetching: boolean;
};

export function SearchSelect({ search, onSearchChange, fetching, nothingFoundMessage, ...props }: SearchSelectProps) {
  const { t } = useTranslation('common');
  return <Select<number> searchable {...props} nothingFoundMessage={fetching ? t('loading') : (nothingFoundMessage ?? t('noMatches'))} filter={({ options }) => options} searchValue={search} onSearchChange={onSearchChange} />;
}
