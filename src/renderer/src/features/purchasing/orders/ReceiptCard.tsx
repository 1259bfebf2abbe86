import { Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Receipt } from '@shared/contract/purchasing';
import { Money, Qty } from '@renderer/lib/Amount';
import { useFormat } from '@renderer/lib/useFormat';
import { SerialList } from './SerialList';

interface Props {
  receipt: Receipt;
  orderId: number;
  showCosts: boolean;
  onCancel: (() => void) | null;
}

/** One receipt of this order: when, by whom, what arrived where, at what landed cost, with which serials. */
export function ReceiptCard({ receipt, orderId, showCosts, onCancel }: Props) {
  const { t } = useTranslation('purchasing');
  const f = useFormat();
  // A receipt may also hold lines of other orders received in the same session.
  const lines = receipt.lines.filter((l) => l.orderId === orderId);
  const others = [...new Set(receipt.lines.filter((l) => l.orderId !== orderId).map((l) => l.orderNumber))];
  const units = lines.reduce((sum, l) => sum + l.qty, 0);
  const invoices = [...new Set(lines.map((l) => l.vendorInvoiceNumber).filter((n): n is string => !!n))];
  const landed = showCosts ? lines.reduce((sum, l) => sum + l.qty * (l.landedUnitCost ?? 0), 0) : null;
  const canceled = receipt.status === 'canceled';

  return (
    // A cancelled receipt sits on the page's grey, not faded: faded text would read under 4.5:1.
    <Paper withBorder p="md" data-testid="po-receipt" data-receipt={receipt.number} bg={canceled ? 'var(--app-color-canvas)' : undefined}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={2}>
            <Group gap="xs">
              <Text fw={700} td={canceled ? 'line-through' : undefined}>
                {receipt.number}
              </Text>
              <Badge color={canceled ? 'gray' : 'teal'} variant="light">
                {t(`receipts.status.${receipt.status}`)}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {t('receipts.meta', { date: f.dateTime(receipt.createdAt), user: receipt.userName })}
            </Text>
          </Stack>
          <Group gap="xl" align="flex-start" wrap="wrap">
            <Stack gap={0} align="flex-end">
              <Text size="xs" c="dimmed">
                {t('receipts.units')}
              </Text>
              <Qty value={units} fw={700} />
            </Stack>
            <Stack gap={0} align="flex-end">
              <Text size="xs" c="dimmed">
                {t('receipts.invoices')}
              </Text>
              <Text size="sm">{invoices.length ? invoices.join(', ') : '—'}</Text>
            </Stack>
            {showCosts && (
              <Stack gap={0} align="flex-end">
                <Text size="xs" c="dimmed">
                  {t('receipts.landedCost')}
                </Text>
                <Money value={landed} fw={700} />
                {receipt.freight ? (
                  <Text size="xs" c="dimmed">
                    {t(receipt.splitFreight ? 'receipts.freightSplit' : 'receipts.freightKept', { freight: f.money(receipt.freight) })}
                  </Text>
                ) : null}
              </Stack>
            )}
            {onCancel && (
              <Button variant="light" color="red" size="xs" leftSection={<IconArrowBackUp size={14} />} onClick={onCancel} aria-label={t('receipts.cancelNamed', { number: receipt.number })}>
                {t('receipts.cancel')}
              </Button>
            )}
          </Group>
        </Group>
        {canceled && (
          <Text size="sm" c="red">
            {receipt.cancelReason
              ? t('receipts.canceledReason', { date: f.dateTime(receipt.canceledAt), reason: receipt.cancelReason })
              : t('receipts.canceledAt', { date: f.dateTime(receipt.canceledAt) })}
          </Text>
        )}
        {receipt.note && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {receipt.note}
          </Text>
        )}
        <Table withTableBorder fz="sm" verticalSpacing={6} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('po.sku')}</Table.Th>
              <Table.Th>{t('po.product')}</Table.Th>
              <Table.Th ta="right">{t('receipts.qty')}</Table.Th>
              <Table.Th>{t('receipts.receivedInto')}</Table.Th>
              <Table.Th>{t('receipts.invoice')}</Table.Th>
              {showCosts && <Table.Th ta="right">{t('lines.unitCost')}</Table.Th>}
              {showCosts && <Table.Th ta="right">{t('receipts.landedUnitCost')}</Table.Th>}
              <Table.Th>{t('receipts.serials')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{l.sku}</Table.Td>
                <Table.Td>{l.productName}</Table.Td>
                <Table.Td ta="right">
                  <Qty value={l.qty} />
                </Table.Td>
                <Table.Td>{l.companyName ? t('receipts.toClient', { company: l.companyName }) : l.locationName}</Table.Td>
                <Table.Td>{l.vendorInvoiceNumber ?? ''}</Table.Td>
                {showCosts && (
                  <Table.Td ta="right">
                    <Money value={l.unitCost} />
                  </Table.Td>
                )}
                {showCosts && (
                  <Table.Td ta="right">
                    <Money value={l.landedUnitCost} />
                  </Table.Td>
                )}
                <Table.Td maw={320}>
                  <SerialList serials={l.serials} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {others.length > 0 && (
          <Text size="xs" c="dimmed">
            {t('receipts.otherOrders', { numbers: others.join(', ') })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
