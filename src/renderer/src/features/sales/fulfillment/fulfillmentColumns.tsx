import { Anchor, Button, Group, Text } from '@mantine/core';
import { IconHandGrab } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import type { FulfillmentRow } from '@shared/contract/purchasing';
import { Money, Qty } from '@renderer/lib/Amount';
import { AppLink } from '@renderer/lib/AppLink';
import { CellBadge, skuAndName, type ListColumn } from '@renderer/lib/list';
import type { useFormat } from '@renderer/lib/useFormat';

type T = TFunction<readonly ['sales', 'common']>;
type Format = ReturnType<typeof useFormat>;

/**
 * The Purchasing & Fulfillment lines: one charge each, what it still needs, what stock could fill it and
 * who sells it. The charge number opens the charge; Pick fills it from stock right here. A charge whose
 * back-ordered units are older than the settings allow is marked under its units on purchase orders.
 */
export function fulfillmentColumns(t: T, f: Format, opts: { canSeeCosts: boolean; canPick: boolean; onPick: (r: FulfillmentRow) => void }): ListColumn<FulfillmentRow>[] {
  return [
    {
      accessor: 'chargeNumber',
      title: t('fulfillment.charge'),
      sortable: true,
      noWrap: true,
      alwaysShown: true,
      csv: [{}, { field: 'salesOrderNumber', header: t('fulfillment.salesOrder') }],
      render: (r) => (
        <>
          <AppLink className="app-row-link app-cell-line" to={`/sales/charges/${r.chargeId}`}>
            {r.chargeNumber}
          </AppLink>
          {r.salesOrderNumber && <span className="app-cell-small">{r.salesOrderNumber}</span>}
        </>
      ),
    },
    {
      accessor: 'companyName',
      title: t('fulfillment.client'),
      truncate: 220,
      fullText: (r) => `${r.companyName} · ${r.containerNumber} ${r.containerTitle}`,
      csv: [{}, { field: 'containerNumber', header: t('delivery.container') }, { field: 'containerTitle', header: t('containers.titleColumn') }],
      render: (r) => (
        <>
          <span className="app-cell-line">{r.companyName}</span>
          <span className="app-cell-small">
            {r.containerNumber} · {r.containerTitle}
          </span>
        </>
      ),
    },
    {
      accessor: 'productName',
      title: t('fulfillment.product'),
      truncate: 240,
      fullText: (r) => `${r.sku} · ${r.productName}`,
      csv: skuAndName(t('fulfillment.product')),
      render: (r) => (
        <>
          <span className="app-cell-line">{r.sku}</span>
          <span className="app-cell-small">{r.productName}</span>
        </>
      ),
    },
    { accessor: 'quantity', title: t('fulfillment.quantity'), textAlign: 'right', render: (r) => <Qty value={r.quantity} /> },
    { accessor: 'picked', title: t('fulfillment.picked'), textAlign: 'right', render: (r) => <Qty value={r.picked} c={r.picked === 0 ? 'dimmed' : undefined} /> },
    {
      accessor: 'onPurchaseOrders',
      title: t('fulfillment.onOrders'),
      wrapTitle: true,
      textAlign: 'right',
      width: 110,
      // The orders' numbers are a list of objects, which a file column cannot hold.
      csv: [{}, { field: 'backOrderOverdue', header: t('fulfillment.backOrderOverdue') }],
      render: (r) => (
        <>
          <Qty value={r.onPurchaseOrders} c={r.onPurchaseOrders === 0 ? 'dimmed' : undefined} />
          {r.backOrderOverdue && (
            <span className="app-cell-small">
              <CellBadge color="red" title={t('fulfillment.backOrderOverdueHint')} data-testid="back-order-overdue">
                {t('fulfillment.backOrderOverdue')}
              </CellBadge>
            </span>
          )}
          {r.orders.length > 0 && (
            <Group gap={4} justify="flex-end" wrap="wrap">
              {r.orders.map((o) => (
                <Anchor key={o.id} component={AppLink} to={`/purchasing/orders/${o.id}`} size="xs">
                  {o.number}
                </Anchor>
              ))}
            </Group>
          )}
        </>
      ),
    },
    {
      accessor: 'toOrder',
      title: t('fulfillment.toOrder'),
      wrapTitle: true,
      textAlign: 'right',
      width: 96,
      alwaysShown: true,
      render: (r) => <Qty value={r.toOrder} fw={700} c={r.toOrder > 0 ? 'orange' : 'dimmed'} />,
    },
    {
      accessor: 'available',
      title: t('fulfillment.available'),
      width: 200,
      // The locations holding most are a list of objects, which a file column cannot hold: the file has how many.
      render: (r) =>
        r.available === 0 ? (
          <Text size="sm" c="dimmed">
            {t('fulfillment.noneAvailable')}
          </Text>
        ) : (
          <>
            <Qty value={r.available} fw={600} c="teal" />
            <span className="app-cell-small">{r.availableAt.map((a) => `${a.locationName} ${f.qty(a.available)}`).join(' · ')}</span>
          </>
        ),
    },
    {
      accessor: 'vendorName',
      title: t('fulfillment.vendor'),
      truncate: 180,
      // The vendor's cost only where the cell shows it: a file without costs.view would drop it anyway.
      csv: opts.canSeeCosts ? [{}, { field: 'vendorCost', header: t('fulfillment.vendorCost') }] : undefined,
      render: (r) =>
        r.vendorName === null ? (
          <Text size="sm" c="orange">
            {t('fulfillment.noVendor')}
          </Text>
        ) : (
          <>
            <span className="app-cell-line">{r.vendorName}</span>
            {opts.canSeeCosts && r.vendorCost !== null && (
              <span className="app-cell-small">
                <Money value={r.vendorCost} />
              </span>
            )}
          </>
        ),
    },
    {
      accessor: 'actions',
      title: '',
      hidden: !opts.canPick,
      textAlign: 'right',
      render: (r) =>
        r.available > 0 && r.quantity - r.delivered - r.picked > 0 ? (
          <Button
            size="compact-sm"
            variant="light"
            leftSection={<IconHandGrab size={14} />}
            aria-label={t('fulfillment.pickFor', { number: r.chargeNumber })}
            onClick={(e) => {
              e.stopPropagation();
              opts.onPick(r);
            }}
          >
            {t('fulfillment.pick')}
          </Button>
        ) : null,
    },
  ];
}
