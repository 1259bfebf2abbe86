import { Divider, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PurchaseOrder } from '@shared/contract/purchasing';
import { Money, Qty } from '@renderer/lib/Amount';

function Row({ label, children, strong }: { label: string; children: React.ReactNode; strong?: boolean }) {
  return (
    <Group justify="space-between" gap="xl" wrap="nowrap">
      <Text size="sm" fw={strong ? 700 : undefined} c={strong ? undefined : 'dimmed'}>
        {label}
      </Text>
      <Text size={strong ? 'md' : 'sm'} fw={strong ? 700 : 500} ta="right">
        {children}
      </Text>
    </Group>
  );
}

/** Units, subtotal, freight and total of the order; money only for users who may see costs. */
export function OrderTotals({ order }: { order: PurchaseOrder }) {
  const { t } = useTranslation('purchasing');
  const units = order.lines.reduce((sum, l) => sum + l.qtyOrdered - l.qtyCanceled, 0);
  const showMoney = order.total !== null;
  return (
    <Paper withBorder p="md" miw={300} data-testid="po-totals">
      <Stack gap={6}>
        <Row label={t('totals.units')}>
          <Qty value={units} />
        </Row>
        {showMoney && (
          <>
            <Row label={t('totals.subtotal')}>
              <Money value={order.subtotal} />
            </Row>
            <Row label={t('totals.freight')}>
              <Money value={order.freight} />
            </Row>
            <Divider />
            <Row label={t('totals.total')} strong>
              <Money value={order.total} />
            </Row>
          </>
        )}
      </Stack>
    </Paper>
  );
}
