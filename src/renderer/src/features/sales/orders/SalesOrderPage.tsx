// One sales order: its opportunity, where it is billed, each item's progress (ordered, received, picked, delivered) and
// status, and its history. Its status follows its charges; cancel is the only action. /sales/orders/:id
import { Alert, Anchor, Button, Group, Paper, Progress, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SalesOrderDetail } from '@shared/contract/sales';
import { Money, Qty } from '@renderer/lib/Amount';
import { BackLink } from '@renderer/lib/BackLink';
import { ConfirmModal } from '@renderer/lib/ConfirmModal';
import { dash, DetailField } from '@renderer/lib/DetailField';
import { documentState, useRouteId } from '@renderer/lib/DocumentState';
import { notify } from '@renderer/lib/notify';
import { PageHeader } from '@renderer/lib/PageHeader';
import { useCan } from '@renderer/lib/session';
import { useFormat } from '@renderer/lib/useFormat';
import { useCancelSalesOrder, useSalesOrder } from '../api';
import { ChargeStatusBadge, SalesOrderStatusBadge } from '../Badges';
import { EventHistory } from '@renderer/lib/EventHistory';

const cancellable: SalesOrderDetail['status'][] = ['open', 'inProgress'];
/** Units still to come from vendors, as far as the item still needs them. */
const onOrder = (i: SalesOrderDetail['items'][number]) => Math.max(Math.min(i.ordered - i.received, i.quantity - i.delivered - i.picked), 0);

export function SalesOrderPage() {
  const { t } = useTranslation(['sales', 'common']);
  const f = useFormat();
  const id = useRouteId();
  const order = useSalesOrder(id);
  const canManage = useCan('sales.manage');
  const cancel = useCancelSalesOrder();
  const [canceling, setCanceling] = useState(false);
  const back = <BackLink to="/sales/orders">{t('salesOrders.backToList')}</BackLink>;
  const waiting = documentState(id, order, back, t('salesOrder.notFound'));
  if (waiting || !order.data) return waiting;
  const o = order.data;
  return (
    <Stack gap="md">
      {back}
      <PageHeader
        title={t('salesOrder.title', { number: o.number })}
        description={
          <Group gap="xs" component="span">
            <SalesOrderStatusBadge status={o.status} data-testid="sales-order-status" />
            <Anchor component={Link} to={`/sales/opportunities/${o.opportunityId}`} size="sm">
              {o.opportunityNumber} · {o.title}
            </Anchor>
            <Anchor component={Link} to={`/sales/clients/${o.companyId}`} size="sm">
              {o.companyName}
            </Anchor>
          </Group>
        }
        actions={
          canManage &&
          cancellable.includes(o.status) && (
            <Button variant="default" color="red" leftSection={<IconX size={16} />} onClick={() => setCanceling(true)}>
              {t('salesOrder.cancel')}
            </Button>
          )
        }
      />
      {o.status === 'canceled' && <Alert color="gray">{o.cancelReason ? t('salesOrder.canceledNotice', { reason: o.cancelReason }) : t('salesOrder.canceledNoReason')}</Alert>}
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="lg">
          <DetailField label={t('salesOrders.container')}>
            <Anchor component={Link} to={`/sales/containers/${o.containerId}`} size="sm">
              {o.containerNumber} · {o.containerTitle}
            </Anchor>
          </DetailField>
          <DetailField label={t('opportunities.owner')}>{o.ownerName ?? dash}</DetailField>
          <DetailField label={t('salesOrders.orderPrice')}>
            <Money value={o.orderPrice} fw={600} />
            <Text size="xs" c="dimmed">
              {t('charges.pricesNet')}
            </Text>
          </DetailField>
          <DetailField label={t('salesOrders.created')}>{f.date(o.createdAt)}</DetailField>
        </SimpleGrid>
      </Paper>
      <Table withTableBorder striped data-testid="sales-order-items">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('salesOrder.charge')}</Table.Th>
            <Table.Th>{t('charges.product')}</Table.Th>
            <Table.Th>{t('salesOrders.status')}</Table.Th>
            <Table.Th ta="right">{t('charges.quantity')}</Table.Th>
            <Table.Th ta="right">{t('salesOrder.ordered')}</Table.Th>
            <Table.Th ta="right">{t('salesOrder.received')}</Table.Th>
            <Table.Th ta="right">{t('charges.picked')}</Table.Th>
            <Table.Th ta="right">{t('charges.delivered')}</Table.Th>
            <Table.Th w={160}>{t('salesOrder.progress')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {o.items.map((i) => (
            <Table.Tr key={i.chargeId}>
              <Table.Td>
                <Anchor component={Link} to={`/sales/charges/${i.chargeId}`} size="sm">
                  {i.chargeNumber}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {i.sku ?? dash}
                </Text>
                <Text size="xs">{i.description}</Text>
              </Table.Td>
              <Table.Td>
                <ChargeStatusBadge status={i.status} />
              </Table.Td>
              <Table.Td ta="right">
                <Qty value={i.quantity} />
              </Table.Td>
              <Table.Td ta="right">
                <Qty value={i.ordered} c={i.ordered === 0 ? 'dimmed' : undefined} />
              </Table.Td>
              <Table.Td ta="right">
                <Qty value={i.received} c={i.received === 0 ? 'dimmed' : undefined} />
              </Table.Td>
              <Table.Td ta="right">
                <Qty value={i.picked} />
              </Table.Td>
              <Table.Td ta="right">
                <Qty value={i.delivered} />
              </Table.Td>
              <Table.Td>
                <Progress.Root size="lg">
                  <Progress.Section value={(100 * i.delivered) / i.quantity} color="teal" aria-label={t('salesOrder.deliveredOf', { number: i.chargeNumber, count: i.delivered, quantity: i.quantity })} />
                  <Progress.Section value={(100 * i.picked) / i.quantity} color="cyan" aria-label={t('salesOrder.pickedOf', { number: i.chargeNumber, count: i.picked, quantity: i.quantity })} />
                  {onOrder(i) > 0 && (
                    <Progress.Section value={(100 * onOrder(i)) / i.quantity} color="yellow" aria-label={t('salesOrder.onOrderOf', { number: i.chargeNumber, count: onOrder(i), quantity: i.quantity })} />
                  )}
                </Progress.Root>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <EventHistory
        testId="sales-order-history"
        events={o.history}
        describe={(e) => (e.toState ? t(`salesOrderStatus.${e.toState as SalesOrderDetail['status']}`) : e.type)}
      />
      {canceling && (
        <ConfirmModal
          title={t('salesOrder.cancelTitle', { number: o.number })}
          text={t('salesOrder.cancelText')}
          confirmLabel={t('salesOrder.cancel')}
          cancelLabel={t('charge.keep')}
          color="red"
          reason={{ label: t('charge.reason') }}
          loading={cancel.isPending}
          error={cancel.error}
          onClose={() => setCanceling(false)}
          onConfirm={(reason) =>
            cancel.mutate({ id: o.id, reason: reason || null }, { onSuccess: () => (notify.success('sales:salesOrder.canceled', { number: o.number }), setCanceling(false)) })
          }
        />
      )}
    </Stack>
  );
}
