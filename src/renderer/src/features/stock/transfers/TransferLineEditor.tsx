import { ActionIcon, Group, NumberInput, Paper, Stack, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { InventoryProduct } from '@shared/contract/stock';
import { useFormat } from '@renderer/lib/useFormat';
import { SerialPicker } from '@renderer/lib/pickers/SerialPicker';
import { StockedProductSelect } from './StockedProductSelect';

export interface TransferLine {
  /** Stable React key: lines are added and removed in any order. */
  key: number;
  row: InventoryProduct | null;
  qty: number | string;
  serials: string[];
}

interface Props {
  index: number;
  line: TransferLine;
  fromLocationId: number;
  onChange: (line: TransferLine) => void;
  onRemove: (() => void) | null;
  error?: string | null;
}

/** One product of a transfer: a quantity, or for serialized products the units by serial. */
export function TransferLineEditor({ index, line, fromLocationId, onChange, onRemove, error }: Props) {
  const { t } = useTranslation('stock');
  const f = useFormat();
  const n = index + 1;
  return (
    <Paper withBorder p="sm" data-testid={`transfer-line-${n}`}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600} size="sm">
            {t('transferForm.line', { n })}
          </Text>
          {onRemove && (
            <ActionIcon variant="subtle" color="red" aria-label={t('transferForm.removeLine', { n })} onClick={onRemove}>
              <IconTrash size={16} />
            </ActionIcon>
          )}
        </Group>
        <Group align="flex-start" grow wrap="wrap">
          <StockedProductSelect locationId={fromLocationId} value={line.row} onChange={(row) => onChange({ ...line, row, qty: 1, serials: [] })} error={Boolean(error)} miw={260} />
          {line.row && !line.row.serialized && (
            <NumberInput
              label={t('common.quantity')}
              description={t('transferForm.onHandAtSource', { onHand: f.qty(line.row.onHand), available: f.qty(line.row.available) })}
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
