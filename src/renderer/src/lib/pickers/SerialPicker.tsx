import { Checkbox, Group, Pill, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { serialKey } from '@shared/serials';
import { call } from '../api';
import { useApiQuery } from '../query';

interface Props {
  productId: number;
  locationId: number;
  value: string[];
  onChange: (serials: string[]) => void;
  label?: string;
  error?: string | null;
}

/**
 * Chooses serialized units on hand at one location. The list is searched on the server (a location
 * may hold thousands of units); a scanned serial followed by Enter is looked up exactly and ticked.
 * Units held by a reservation or pick cannot be chosen.
 */
export function SerialPicker({ productId, locationId, value, onChange, label, error }: Props) {
  const { t } = useTranslation(['pickers', 'common']);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [scanError, setScanError] = useState<string | null>(null);
  const lots = useApiQuery(['stock'], 'stock.listLots', { productId, locationId, serial: debounced || undefined, pageSize: 50, sortBy: 'serialNumber' }, { keepPrevious: true });
  const units = (lots.data?.rows ?? []).filter((l) => l.serialNumber !== null);

  const toggle = (serial: string, on: boolean) => onChange(on ? [...value, serial] : value.filter((s) => s !== serial));

  const scan = async (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const code = search.trim();
    if (!code) return;
    const found = await call('stock.listLots', { productId, locationId, serial: code, pageSize: 20 });
    const unit = found.rows.find((l) => l.serialNumber !== null && serialKey(l.serialNumber) === serialKey(code));
    if (!unit || unit.allocated > 0) {
      setScanError(t('serials.notOnHand', { serial: code }));
      return;
    }
    if (!value.includes(unit.serialNumber!)) onChange([...value, unit.serialNumber!]);
    setScanError(null);
    setSearch('');
  };

  return (
    <Stack gap="xs">
      <TextInput
        label={label ?? t('serials.chooseLabel')}
        placeholder={t('serials.choosePlaceholder')}
        data-testid="serial-pick-input"
        value={search}
        onChange={(e) => {
          setSearch(e.currentTarget.value);
          setScanError(null);
        }}
        onKeyDown={(e) => void scan(e)}
        error={scanError ?? error}
        autoComplete="off"
      />
      <ScrollArea.Autosize mah={200} type="auto">
        <Stack gap={4} data-testid="serial-options">
          {units.map((unit) => (
            <Checkbox
              key={unit.lotId}
              label={unit.allocated > 0 ? `${unit.serialNumber} · ${t('serials.allocated')}` : unit.serialNumber}
              disabled={unit.allocated > 0}
              checked={value.includes(unit.serialNumber!)}
              onChange={(e) => toggle(unit.serialNumber!, e.currentTarget.checked)}
            />
          ))}
          {!lots.isFetching && units.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('common:noMatches')}
            </Text>
          )}
        </Stack>
      </ScrollArea.Autosize>
      <Group justify="space-between">
        <Text size="sm" data-testid="serial-chosen-count">
          {t('serials.chosen', { count: value.length })}
        </Text>
      </Group>
      {value.length > 0 && (
        <ScrollArea.Autosize mah={120} type="auto">
          <Pill.Group>
            {value.map((serial) => (
              <Pill key={serial} withRemoveButton removeButtonProps={{ 'aria-label': t('serials.remove', { serial }), 'aria-hidden': false, tabIndex: 0 }} onRemove={() => toggle(serial, false)}>
                {serial}
              </Pill>
            ))}
          </Pill.Group>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}
