// The row above a list: its filters (wrapping on narrow screens), "Clear filters" while any is set,
// and the column chooser on the right. Filter fields that several lists share live here too.
import { Button, Group, TextInput, type TextInputProps } from '@mantine/core';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DayRangeInput } from '../DayInput';
import { dayRangeToMs } from '../dayRange';
import { ColumnChooser } from './ColumnChooser';
import { ExportButton } from './ExportButton';
import type { ListView } from './useListView';

export function FilterBar<T>({ view, children, exportName }: { view: ListView<T>; children?: ReactNode; exportName?: string }) {
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
      <Group gap="sm" wrap="nowrap">
        <ExportButton view={view} name={exportName} />
        <ColumnChooser view={view} />
      </Group>
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
  return dayRangeToMs([from || null, to || null]);
}

/** Chooses a range of days (or one day), typed and shown in the office's format (lib/DayInput.tsx). */
export function DayRangeFilter({ label, placeholder, value, onChange, maxToday }: { label: string; placeholder: string; value: DayRange; onChange: (range: DayRange) => void; maxToday?: boolean }) {
  return (
    <DayRangeInput
      label={label}
      placeholder={placeholder}
      value={[value.from || null, value.to || null]}
      onChange={([from, to]) => onChange({ from: from ?? '', to: to ?? '' })}
      maxDate={maxToday ? new Date() : undefined}
      w={260}
    />
  );
}
