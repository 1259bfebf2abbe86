// The row above a list: its filters (wrapping on narrow screens), "Clear filters" while any is set,
// and the column chooser on the right. Filter fields that several lists share live here too.
import { Button, Group, TextInput, type TextInputProps } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconCalendar, IconFilterOff, IconSearch } from '@tabler/icons-react';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ColumnChooser } from './ColumnChooser';
import type { ListView } from './useListView';

export function FilterBar<T>({ view, children }: { view: ListView<T>; children?: ReactNode }) {
  const { t } = useTranslation('common');
  return (
    <Group justify="space-between" align="flex-end" gap="sm" wrap="nowrap" data-testid="filter-bar">
      <Group align="flex-end" gap="sm" wrap="wrap" style={{ flex: 1 }}>
        {children}
        {view.filtered && view.clearFilters && (
          <Button variant="subtle" leftSection={<IconFilterOff size={16} />} onClick={view.clearFilters} data-testid="clear-filters">
            {t('actions.clearFilters')}
          </Button>
        )}
      </Group>
      <ColumnChooser view={view} />
    </Group>
  );
}

/** The search box of a list. */
export function SearchFilter({ value, onChange, ...props }: Omit<TextInputProps, 'value' | 'onChange'> & { value: string; onChange: (text: string) => void }) {
  return <TextInput leftSection={<IconSearch size={16} />} w={260} {...props} value={value} onChange={(e) => onChange(e.currentTarget.value)} />;
}

/** A range of whole days, as the address keeps it (YYYY-MM-DD). */
export type DayRange = { from: string; to: string };

/** The first and last millisecond of a day range in the user's time zone (one day when only `from` is set). */
export function dayRangeMs({ from, to }: DayRange): { from?: number; to?: number } {
  if (!from) return {};
  return { from: dayjs(from).startOf('day').valueOf(), to: dayjs(to || from).endOf('day').valueOf() };
}

/** Chooses a range of days (or one day). */
export function DayRangeFilter({ label, placeholder, value, onChange, maxToday }: { label: string; placeholder: string; value: DayRange; onChange: (range: DayRange) => void; maxToday?: boolean }) {
  return (
    <DatePickerInput
      type="range"
      label={label}
      placeholder={placeholder}
      leftSection={<IconCalendar size={16} />}
      clearable
      allowSingleDateInRange
      value={[value.from || null, value.to || null]}
      onChange={([from, to]) => onChange({ from: from ? dayjs(from).format('YYYY-MM-DD') : '', to: to ? dayjs(to).format('YYYY-MM-DD') : '' })}
      valueFormat="DD MMM YYYY"
      maxDate={maxToday ? new Date() : undefined}
      w={260}
    />
  );
}
