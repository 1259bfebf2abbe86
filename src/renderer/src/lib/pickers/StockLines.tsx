import { ActionIcon, Button, Group, NumberInput, Paper, Select, Stack, Text, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InventoryProduct } from '@shared/contract/stock';
import { ApiError } from '../api';
import { useApiQuery } from '../query';
import { useFormat } from '../useFormat';
import { SerialPicker } from './SerialPicker';

// The lines of a document that takes units out of one location (a transfer, units sent to a client): a
// product stocked there and a quantity, or for serialized products the units by serial.

export interface StockLine {
  /** Stable React key: lines are added and removed in any order. */
  key: number;
  row: InventoryProduct | null;
  qty: number | string;
  serials: string[];
}

let nextKey = 1;
export const newStockLine = (row: InventoryProduct | null = null): StockLine => ({ key: nextKey++, row, qty: 1, serials: [] });

/** The finished lines as the contract takes them: serials for serialized products, else a quantity. */
export function stockLinesInput(lines: StockLine[]): ({ productId: number; serials: string[] } | { productId: number; qty: number | undefined })[] {
  return lines
    .filter((l) => l.row)
    .map((l) => (l.row!.serialized ? { productId: l.row!.productId, serials: l.serials } : { productId: l.row!.productId, qty: typeof l.qty === 'number' ? l.qty : undefined }));
}

/** Which line a refusal of the server is about (its product or one of its serials), if any. */
export function lineOfError(lines: StockLine[], error: unknown): StockLine | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const productId = error.details.productId;
  const serials = Array.isArray(error.details.serials) ? (error.details.serials as string[]) : [];
  return lines.find((l) => l.row && (l.row.productId === productId || l.serials.some((s) => serials.includes(s))));
}

type SelectStockedProps = Omit<SelectProps<number>, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & {
  locationId: number;
  value: InventoryProduct | null;
  onChange: (row: InventoryProduct | null) => void;
};

/** Products stocked at one location, searched on the server; those with nothing on hand cannot be chosen. */
export function StockedProductSelect({ locationId, value, onChange, ...props }: SelectStockedProps) {
  const { t } = useTranslation(['pickers', 'common']);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const label = (r: InventoryProduct) => `${r.sku} · ${r.productName}`;
  const selectedLabel = value ? label(value) : '';
  const list = useApiQuery(
    ['stock'],
    'stock.listInventoryProducts',
    { locationId, q: debounced && debounced !== selectedLabel ? debounced : undefined, pageSize: 30, sortBy: 'sku' },
    { keepPrevious: true },
  );
  const rows = list.data?.rows ?? [];
  const options = rows.map((r) => ({ value: r.id, label: label(r), disabled: r.onHand <= 0 }));
  if (value && !rows.some((r) => r.id === value.id)) options.unshift({ value: value.id, label: selectedLabel, disabled: false });
  return (
    <Select<number>
      label={t('stockLines.productAtSource')}
      placeholder={t('productPlaceholder')}
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

interface LineProps {
  index: number;
  line: StockLine;
  fromLocationId: number;
  onChange: (line: StockLine) => void;
  onRemove: (() => void) | null;
  error?: string | null;
}

/** One product taken from the location: a quantity, or for serialized products the units by serial. */
function StockLineEditor({ index, line, fromLocationId, onChange, onRemove, error }: LineProps) {
  const { t } = useTranslation('pickers');
  const f = useFormat();
  const n = index + 1;
  return (
    <Paper withBorder p="sm" data-testid={`stock-line-${n}`}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600} size="sm">
            {t('stockLines.line', { n })}
          </Text>
          {onRemove && (
            <ActionIcon variant="subtle" color="red" aria-label={t('stockLines.removeLine', { n })} onClick={onRemove}>
              <IconTrash size={16} />
            </ActionIcon>
          )}
        </Group>
        <Group align="flex-start" grow wrap="wrap">
          <StockedProductSelect locationId={fromLocationId} value={line.row} onChange={(row) => onChange({ ...line, row, qty: 1, serials: [] })} error={Boolean(error)} miw={260} />
          {line.row && !line.row.serialized && (
            <NumberInput
              label={t('stockLines.quantity')}
              description={t('stockLines.onHandAtSource', { onHand: f.qty(line.row.onHand), available: f.qty(line.row.available) })}
              min={1}
              allowDecimal={false}
              allowNegative={false}
              value={line.qty}
              onChange={(qty) => onChange({ ...line, qty })}
              maw={220}
            />
          )}
        </Group>
        {line.row?.serialized && (
          <SerialPicker productId={line.row.productId} locationId={fromLocationId} value={line.serials} onChange={(serials) => onChange({ ...line, serials })} />
        )}
        {error && (
          <Text size="sm" c="red" role="alert">
            {error}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * The checks and errors of lines kept by the caller (in its form's values). `check()` marks the
 * unfinished and repeated lines and answers whether every line is finished; `showError()` puts a
 * refusal of the server on the line it names and answers whether it found one.
 */
export function useStockLines(lines: StockLine[], setLines: (lines: StockLine[]) => void) {
  const { t } = useTranslation('pickers');
  const [errors, setErrors] = useState<Record<number, string>>({});
  const check = (): boolean => {
    const found: Record<number, string> = {};
    const seen = new Set<number>();
    for (const line of lines) {
      if (!line.row) found[line.key] = t('stockLines.lineIncomplete');
      else if (seen.has(line.row.productId)) found[line.key] = t('stockLines.duplicateProduct');
      else if (line.row.serialized ? line.serials.length === 0 : typeof line.qty !== 'number' || line.qty < 1) found[line.key] = t('stockLines.lineIncomplete');
      if (line.row) seen.add(line.row.productId);
    }
    setErrors(found);
    return Object.keys(found).length === 0;
  };
  return {
    lines,
    errors,
    /** Starts over (the source location changed: its products and serials no longer apply). */
    reset: (next: StockLine[] = [newStockLine()]) => {
      setLines(next);
      setErrors({});
    },
    set: (index: number, line: StockLine) => {
      setLines(lines.map((l, i) => (i === index ? line : l)));
      setErrors(({ [line.key]: _dropped, ...rest }) => rest);
    },
    add: () => setLines([...lines, newStockLine()]),
    remove: (key: number) => setLines(lines.filter((l) => l.key !== key)),
    check,
    showError: (error: unknown, message: string): boolean => {
      const line = lineOfError(lines, error);
      if (line) setErrors({ [line.key]: message });
      return Boolean(line);
    },
  };
}

export type StockLinesState = ReturnType<typeof useStockLines>;

/** Every line with its editor, an "Add line" button, and the message when none is finished. */
export function StockLinesEditor({ state, fromLocationId, missing }: { state: StockLinesState; fromLocationId: number; missing?: boolean }) {
  const { t } = useTranslation('pickers');
  const { lines, errors } = state;
  return (
    <Stack gap="sm">
      {lines.map((line, index) => (
        <StockLineEditor
          key={line.key}
          index={index}
          line={line}
          fromLocationId={fromLocationId}
          onChange={(l) => state.set(index, l)}
          onRemove={lines.length > 1 ? () => state.remove(line.key) : null}
          error={errors[line.key] ?? null}
        />
      ))}
      {missing && (
        <Text size="sm" c="red" role="alert">
          {t('stockLines.noLines')}
        </Text>
      )}
      <Group>
        <Button variant="light" leftSection={<IconPlus size={16} />} onClick={state.add}>
          {t('stockLines.addLine')}
        </Button>
      </Group>
    </Stack>
  );
}
