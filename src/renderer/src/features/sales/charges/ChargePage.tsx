// One charge: what it bills, where it stands (its status follows its quantities), the units picked for it
// and where they wait, its deliveries and history, with the actions the user may take.
// /sales/charges/:id
import { ActionIcon, Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconArrowBackUp, IconArrowsExchange, IconHandGrab, IconPencil, IconPlayerPause, IconPlayerPlay, IconShoppingCartPlus, IconTruck, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ChargeDetail, Pick } from '@shared/contract/sales';
import { Money, Qty } from '@renderer/lib/Amount';
import { BackLink } from '@renderer/lib/BackLink';
import { ConfirmModal } from '@renderer/lib/ConfirmModal';
import { dash, DetailField } from '@renderer/lib/DetailField';
import { documentState, useRouteId } from '@renderer/lib/DocumentState';
import { CellBadge, ListTable, useListView, type ListColumn } from '@renderer/lib/list';
import { notify } from '@renderer/lib/notify';
import { PageHeader } from '@renderer/lib/PageHeader';
import { useCan } from '@renderer/lib/session';
import { useActivations } from '@renderer/lib/activations';
import { approvalLimitText } from '@renderer/lib/approvalLimit';
import { useFormat } from '@renderer/lib/useFormat';
import { useCancelCharge, useCharge, useContainer, useHoldCharge, useReleaseCharge, useUnpick } from '../api';
import { ChargeStatusBadge, DeliveryStatusBadge, ReturnConditionBadge } from '../Badges';
import { EventHistory } from '@renderer/lib/EventHistory';
import { ChargeFormModal } from './ChargeFormModal';
import { PickModal } from './PickModal';
import { TransferPickedModal } from './TransferPickedModal';

type Dialog = 'pick' | 'transfer' | 'edit' | 'hold' | 'cancel';
const openStates: ChargeDetail['status'][] = ['needToOrder', 'onOrder', 'ready'];

export function ChargePage() {
  const { t } = useTranslation(['sales', 'common']);
  const f = useFormat();
  const id = useRouteId();
  const charge = useCharge(id);
  const container = useContainer(charge.data?.containerId ?? 0);
  const canManage = useCan('sales.manage');
  // Picking, transfers and delivery are Inventory's, buying for the charge Procurement's (Admin › Activations).
  const activations = useActivations();
  const canPick = useCan('stock.pick') && activations.inventory;
  const canTransfer = useCan('stock.transfer') && activations.inventory;
  const canDeliver = useCan('stock.deliver') && activations.inventory;
  const canSeeCosts = useCan('costs.view');
  const canBuy = useCan('purchasing.manage') && activations.procurement;
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const hold = useHoldCharge();
  const release = useReleaseCharge();
  const cancel = useCancelCharge();
  const unpick = useUnpick();
  const pickView = useListView<Pick>({ id: 'sales.chargePicks', columns: pickColumns() });
  const back = charge.data ? (
    <BackLink to={`/sales/containers/${charge.data.containerId}`}>{t('charge.backTo', { number: charge.data.containerNumber })}</BackLink>
  ) : (
    <BackLink to="/sales/containers">{t('containers.backToList')}</BackLink>
  );
  const waiting = documentState(id, charge, back, t('charge.notFound'));
  if (waiting || !charge.data) return waiting;
  const c = charge.data;
  const close = () => setDialog(null);
  const isOpen = openStates.includes(c.status);
  const putBack = (choice: { locationId?: number; serials?: string[]; qty?: number }) =>
    unpick.mutate({ chargeId: c.id, ...choice }, { onSuccess: (after) => notify.success('sales:charge.unpicked', { count: c.picked - after.picked, number: c.number }) });

  function pickColumns(): ListColumn<Pick>[] {
    return [
      { accessor: 'locationName', title: t('charge.location'), truncate: 200 },
      { accessor: 'bin', title: t('charge.bin'), noWrap: true, render: (p) => p.bin ?? '—' },
      { accessor: 'serialNumber', title: t('charge.serial'), noWrap: true, render: (p) => p.serialNumber ?? '—' },
      { accessor: 'qty', title: t('charges.quantity'), textAlign: 'right', render: (p) => <Qty value={p.qty} /> },
      { accessor: 'unitCost', title: t('charge.unitCost'), textAlign: 'right', hidden: !canSeeCosts, render: (p) => <Money value={p.unitCost} /> },
      { accessor: 'pickedAt', title: t('charge.pickedAt'), noWrap: true, render: (p) => f.dateTime(p.pickedAt) },
      {
        accessor: 'actions',
        title: '',
        textAlign: 'right',
        width: 60,
        hidden: !canPick,
        render: (p) => (
          <Tooltip label={t('charge.unpick')}>
            <ActionIcon
              variant="subtle"
              aria-label={`${t('charge.unpick')} ${p.serialNumber ?? p.locationName}`}
              onClick={() => putBack(p.serialNumber ? { serials: [p.serialNumber] } : { locationId: p.locationId, qty: p.qty })}
            >
              <IconArrowBackUp size={16} />
            </ActionIcon>
          </Tooltip>
        ),
      },
    ];
  }

  const actions = (
    <Group gap="xs">
      {canPick && (isOpen || c.status === 'waitingApproval') && c.trackedInStock && c.needed > 0 && (
        <Button leftSection={<IconHandGrab size={16} />} onClick={() => setDialog('pick')}>
          {t('charge.pick')}
        </Button>
      )}
      {canBuy && c.status === 'needToOrder' && c.trackedInStock && (
        <Button component={Link} to={`/purchasing/fulfillment?q=${encodeURIComponent(c.number)}`} variant="light" leftSection={<IconShoppingCartPlus size={16} />}>
          {t('charge.buy')}
        </Button>
      )}
      {canDeliver && isOpen && (c.picked > 0 || (!c.trackedInStock && c.status === 'ready')) && (
        <Button component={Link} to={`/sales/delivery?companyId=${c.companyId}`} variant="light" leftSection={<IconTruck size={16} />}>
          {t('charge.deliver')}
        </Button>
      )}
      {canDeliver && c.kind === 'product' && c.trackedInStock && c.delivered > c.returned && (
        <Button component={Link} to={`/sales/returns/new?chargeId=${c.id}`} variant="default" leftSection={<IconArrowBackUp size={16} />}>
          {t('returns.fromCharge')}
        </Button>
      )}
      {canTransfer && c.picked > 0 && c.status !== 'canceled' && (
        <Button variant="default" leftSection={<IconArrowsExchange size={16} />} onClick={() => setDialog('transfer')}>
          {t('charge.transfer')}
        </Button>
      )}
      {canManage && c.status !== 'canceled' && (
        <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setDialog('edit')}>
          {t('charge.edit')}
        </Button>
      )}
      {canManage && (isOpen || c.status === 'waitingApproval') && (
        <Button variant="default" leftSection={<IconPlayerPause size={16} />} onClick={() => setDialog('hold')}>
          {t('charge.hold')}
        </Button>
      )}
      {canManage && c.status === 'pending' && (
        <Button variant="default" leftSection={<IconPlayerPlay size={16} />} loading={release.isPending} onClick={() => release.mutate({ id: c.id }, { onSuccess: () => notify.success('sales:charge.released', { number: c.number }) })}>
          {t('charge.release')}
        </Button>
      )}
      {canManage && c.status !== 'canceled' && c.status !== 'delivered' && c.delivered === 0 && (
        <Button variant="default" color="red" leftSection={<IconX size={16} />} onClick={() => setDialog('cancel')}>
          {t('charge.cancel')}
        </Button>
      )}
    </Group>
  );

  return (
    <Stack gap="md">
      {back}
      <PageHeader
        title={t('charge.title', { number: c.number })}
        description={
          <Group gap="xs" component="span">
            <ChargeStatusBadge status={c.status} data-testid="charge-status" />
            <Anchor component={Link} to={`/sales/containers/${c.containerId}`} size="sm">
              {c.containerNumber} · {c.containerTitle}
            </Anchor>
            <Text span size="sm" c="dimmed">
              {c.companyName}
            </Text>
          </Group>
        }
        actions={actions}
      />
      {c.status === 'waitingApproval' && (
        <Alert color="yellow" data-testid="charge-waiting-approval">
          {t('charge.waitingApprovalNotice')}
        </Alert>
      )}
      {c.status === 'pending' && <Alert color="gray">{c.holdNote ? t('charge.onHoldNotice', { note: c.holdNote }) : t('charge.onHoldNoNote')}</Alert>}
      {c.status === 'canceled' && c.cancelReason && <Alert color="gray">{t('charge.canceledNotice', { reason: c.cancelReason })}</Alert>}
      {!c.trackedInStock && c.kind === 'product' && <Alert color="blue">{t('charge.notTracked')}</Alert>}
      <Paper withBorder p="md" data-testid="charge-figures">
        <SimpleGrid cols={{ base: 2, sm: 4, lg: canSeeCosts ? 8 : 6 }} spacing="lg">
          <DetailField label={t('charges.product')}>
            <Text size="sm" fw={600}>
              {c.kind === 'product' ? c.sku : t(`charges.${c.kind}`)}
            </Text>
            <Text size="sm">{c.description}</Text>
          </DetailField>
          <DetailField label={t('charges.quantity')}>
            <Qty value={c.quantity} fw={600} />
          </DetailField>
          <DetailField label={t('charges.unitPrice')}>
            <Money value={c.unitPrice} />
            <Text size="xs" c="dimmed">
              {c.billable ? t('charges.billable') : t('charges.notBillable')}
            </Text>
          </DetailField>
          <DetailField label={t('charges.extendedPrice')}>
            <Money value={c.extendedPrice} fw={600} />
            <Text size="xs" c="dimmed">
              {t('charges.pricesNet')}
            </Text>
          </DetailField>
          <DetailField label={t('charges.picked')} testId="charge-picked">
            <Qty value={c.picked} />
          </DetailField>
          <DetailField label={t('charges.delivered')} testId="charge-delivered">
            <Qty value={c.delivered} />
            {c.returned > 0 && (
              <Text size="xs" fw={600} data-testid="charge-returned">
                {t('charges.returned')}: {f.qty(c.returned)}
              </Text>
            )}
            {c.needed > 0 && c.status !== 'canceled' && (
              <Text size="xs" fw={600}>
                {t('charges.needed')}: {f.qty(c.needed)}
              </Text>
            )}
          </DetailField>
          {(c.onOrder > 0 || c.purchaseLines.length > 0) && (
            <DetailField label={t('charges.onOrder')} testId="charge-on-order">
              <Qty value={c.onOrder} />
              {c.backOrdered > 0 && (
                <Text size="xs" c="orange" fw={600}>
                  {t('charges.backOrdered', { qty: f.qty(c.backOrdered) })}
                </Text>
              )}
              {c.backOrderOverdue && (
                <CellBadge color="red" title={t('fulfillment.backOrderOverdueHint')} data-testid="back-order-overdue">
                  {t('fulfillment.backOrderOverdue')}
                </CellBadge>
              )}
              {c.estimatedArrival && (
                <Text size="xs" c="dimmed">
                  {t('charges.arrival', { date: f.day(c.estimatedArrival) })}
                </Text>
              )}
            </DetailField>
          )}
          {canSeeCosts && (
            <DetailField label={c.costIsEstimate ? `${t('charges.estimatedCost')} (${t('charges.estimate')})` : t('charges.deliveredCost')}>
              <Money value={c.estimatedCost} />
            </DetailField>
          )}
          {canSeeCosts && (
            <DetailField label={t('charges.margin')}>
              <Money value={c.margin} />
            </DetailField>
          )}
        </SimpleGrid>
      </Paper>
      {c.trackedInStock && (
        <Stack gap="xs">
          <Group justify="space-between">
            <Text fw={700}>{t('charge.picks')}</Text>
            {canPick && c.picked > 0 && c.status !== 'canceled' && (
              <Button variant="subtle" size="compact-sm" leftSection={<IconArrowBackUp size={14} />} loading={unpick.isPending} onClick={() => putBack({})}>
                {t('charge.unpickAll')}
              </Button>
            )}
          </Group>
          <ListTable
            testId="charge-picks"
            view={pickView}
            query={{ data: c.picks }}
            idAccessor={(p) => `${p.lotId}:${p.locationId}`}
            fit={false}
            empty={{ title: t('charge.noPicks') }}
          />
        </Stack>
      )}
      {c.purchaseLines.length > 0 && (
        <Stack gap="xs">
          <Text fw={700}>{t('charge.purchaseOrders')}</Text>
          <Table withTableBorder data-testid="charge-purchase-lines">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('charge.po.order')}</Table.Th>
                <Table.Th>{t('charge.po.vendor')}</Table.Th>
                <Table.Th ta="right">{t('charge.po.ordered')}</Table.Th>
                <Table.Th ta="right">{t('charge.po.received')}</Table.Th>
                <Table.Th ta="right">{t('charge.po.canceled')}</Table.Th>
                <Table.Th>{t('charge.po.arrival')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.purchaseLines.map((l) => (
                <Table.Tr key={`${l.orderId}:${l.lineNo}`}>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Anchor component={Link} to={`/purchasing/orders/${l.orderId}`} size="sm">
                        {l.orderNumber}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {t(`charge.po.status.${l.orderStatus}`)}
                      </Text>
                    </Group>
                  </Table.Td>
                  <Table.Td>{l.vendorName}</Table.Td>
                  <Table.Td ta="right">
                    <Qty value={l.qtyOrdered} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <Qty value={l.qtyReceived} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <Qty value={l.qtyCanceled} c={l.qtyCanceled > 0 ? 'orange' : 'dimmed'} />
                  </Table.Td>
                  <Table.Td>{l.estimatedArrival ? f.day(l.estimatedArrival) : dash}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
      <Stack gap="xs">
        <Text fw={700}>{t('charge.deliveries')}</Text>
        {c.deliveries.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('charge.noDeliveries')}
          </Text>
        ) : (
          <Table withTableBorder data-testid="charge-deliveries">
            <Table.Tbody>
              {c.deliveries.map((d) => (
                <Table.Tr key={`${d.deliveryId}:${d.locationName ?? ''}:${d.qty}`}>
                  <Table.Td>
                    <Anchor component={Link} to={`/sales/deliveries/${d.deliveryId}`} size="sm">
                      {d.deliveryNumber}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <DeliveryStatusBadge status={d.status} method={d.method} />
                  </Table.Td>
                  <Table.Td>{f.dateTime(d.createdAt)}</Table.Td>
                  <Table.Td>{d.locationName ?? dash}</Table.Td>
                  <Table.Td ta="right">
                    <Qty value={d.qty} />
                  </Table.Td>
                  {canSeeCosts && (
                    <Table.Td ta="right">
                      <Money value={d.cost} />
                    </Table.Td>
                  )}
                  <Table.Td>
                    <Text size="xs">{d.serials.join(', ')}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      {c.returns.length > 0 && (
        <Stack gap="xs">
          <Text fw={700}>{t('charge.returns')}</Text>
          <Table withTableBorder data-testid="charge-returns">
            <Table.Tbody>
              {c.returns.map((r) => (
                <Table.Tr key={`${r.returnId}:${r.qty}:${r.cost ?? ''}`}>
                  <Table.Td>
                    <Anchor component={Link} to={`/sales/returns/${r.returnId}`} size="sm">
                      {r.returnNumber}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <ReturnConditionBadge condition={r.condition} />
                  </Table.Td>
                  <Table.Td>{f.dateTime(r.createdAt)}</Table.Td>
                  <Table.Td ta="right">
                    <Qty value={r.qty} />
                  </Table.Td>
                  {canSeeCosts && (
                    <Table.Td ta="right">
                      <Money value={r.cost} />
                    </Table.Td>
                  )}
                  <Table.Td>
                    <Text size="xs">{r.serials.join(', ')}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
      <EventHistory
        testId="charge-history"
        events={c.history}
        describe={(e) => (
          <>
            {t(`charge.events.${e.type as keyof typeof eventKeys}`, { defaultValue: e.type })}
            {e.toState && e.fromState !== e.toState ? ` → ${t(`chargeStatus.${e.toState as ChargeDetail['status']}`)}` : ''}
            {typeof e.details.qty === 'number' ? ` (${f.qty(e.details.qty)})` : ''}
            {typeof e.details.orderNumber === 'string' ? ` · ${e.details.orderNumber}` : ''}
            {typeof e.details.receiptNumber === 'string' ? ` · ${e.details.receiptNumber}` : ''}
            {typeof e.details.deliveryNumber === 'string' ? ` · ${e.details.deliveryNumber}` : ''}
            {typeof e.details.locationName === 'string' ? ` · ${e.details.locationName}` : ''}
            {e.type === 'approve' && approvalLimitText(f, e.details) ? ` · ${approvalLimitText(f, e.details)}` : ''}
          </>
        )}
      />
      {dialog === 'pick' && <PickModal charge={c} onClose={close} />}
      {dialog === 'transfer' && <TransferPickedModal charge={c} onClose={close} />}
      {dialog === 'edit' && container.data && <ChargeFormModal container={container.data} editing={c} onClose={close} />}
      {dialog === 'hold' && (
        <ConfirmModal
          title={t('charge.holdTitle', { number: c.number })}
          text={t('charge.holdText')}
          confirmLabel={t('charge.hold')}
          reason={{ label: t('charge.holdNote') }}
          loading={hold.isPending}
          error={hold.error}
          onClose={close}
          onConfirm={(note) => hold.mutate({ id: c.id, note: note || null }, { onSuccess: () => (notify.success('sales:charge.held', { number: c.number }), close()) })}
        />
      )}
      {dialog === 'cancel' && (
        <ConfirmModal
          title={t('charge.cancelTitle', { number: c.number })}
          text={t('charge.cancelText')}
          confirmLabel={t('charge.cancelConfirm')}
          cancelLabel={t('charge.keep')}
          color="red"
          reason={{ label: t('charge.reason') }}
          loading={cancel.isPending}
          error={cancel.error}
          onClose={close}
          onConfirm={(reason) => cancel.mutate({ id: c.id, reason: reason || null }, { onSuccess: () => (notify.success('sales:charge.canceled', { number: c.number }), close()) })}
        />
      )}
    </Stack>
  );
}

/** The history's event names (charge.events): a type the screen does not know shows as it is. */
const eventKeys = {
  created: 1,
  updated: 1,
  picked: 1,
  unpicked: 1,
  pickTransferred: 1,
  delivered: 1,
  shipped: 1,
  deliveryReversed: 1,
  hold: 1,
  release: 1,
  cancel: 1,
  voidFreight: 1,
  returned: 1,
  ordered: 1,
  purchaseOrder: 1,
  receivedPicked: 1,
  approve: 1,
  reject: 1,
  procurementOn: 1,
};
