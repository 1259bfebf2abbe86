import { Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PurchaseOrder } from '@shared/contract/purchasing';
import { dash, DetailField } from '@renderer/lib/DetailField';
import { useFormat } from '@renderer/lib/useFormat';
import { OverdueBadge } from './ApprovalMarks';
import { dayToMs } from './days';

/** Who the order is with, for whom, where it ships, when and on what terms. */
export function OrderHeaderCard({ order, onEdit }: { order: PurchaseOrder; onEdit: (() => void) | null }) {
  const { t } = useTranslation('purchasing');
  const f = useFormat();
  return (
    <Paper withBorder p="md" data-testid="po-header">
      <Group justify="space-between" mb="sm">
        <Text fw={700} size="sm">
          {t('order.details')}
        </Text>
        {onEdit && (
          <Button variant="light" size="compact-sm" leftSection={<IconPencil size={14} />} onClick={onEdit}>
            {t('order.editHeader')}
          </Button>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="lg" verticalSpacing="md">
        <DetailField label={t('po.vendor')} testId="po-vendor">
          <Text fw={600} size="sm">
            {order.vendorName}
          </Text>
          {order.vendorEmail ? <Text size="sm">{order.vendorEmail}</Text> : <Text size="sm" c="dimmed">{t('order.noVendorEmail')}</Text>}
        </DetailField>
        <DetailField label={t('po.purchaseFor')}>{order.purchaseForName ?? <Text span c="dimmed" size="sm">{t('po.forStock')}</Text>}</DetailField>
        <DetailField label={t('po.shipTo')}>
          {order.shipToName || order.shipToAddress ? (
            <>
              {order.shipToName && <Text size="sm" fw={500}>{order.shipToName}</Text>}
              {order.shipToAddress && <Text size="sm" style={{ whiteSpace: 'pre-line' }}>{order.shipToAddress}</Text>}
            </>
          ) : (
            dash
          )}
        </DetailField>
        <DetailField label={t('po.created')}>
          {t('order.createdBy', { date: f.dateTime(order.createdAt), user: order.createdByName })}
          {order.submittedAt && <Text size="sm">{t('order.submittedAt', { date: f.dateTime(order.submittedAt) })}</Text>}
        </DetailField>
        <DetailField label={t('po.shippingType')}>{order.shippingType ?? dash}</DetailField>
        <DetailField label={t('po.expectedShipDate')} testId="po-expected-ship-date">
          <Group gap={6} wrap="nowrap">
            {order.expectedShipDate ? f.date(dayToMs(order.expectedShipDate)) : dash}
            <OverdueBadge overdue={order.overdue} title={t('po.overdueHint')} />
          </Group>
        </DetailField>
        <DetailField label={t('po.paymentTerms')}>{order.paymentTerms ?? dash}</DetailField>
        <DetailField label={t('po.vendorInvoices')}>{order.vendorInvoiceNumbers.length ? order.vendorInvoiceNumbers.join(', ') : dash}</DetailField>
      </SimpleGrid>
      {order.memo && (
        <Stack gap={2} mt="md">
          <Text size="xs" c="dimmed" fw={600}>
            {t('po.memo')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {order.memo}
          </Text>
        </Stack>
      )}
    </Paper>
  );
}
