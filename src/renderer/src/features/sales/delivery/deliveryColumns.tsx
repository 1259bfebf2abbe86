import { Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { chargeStatuses, deliveryMethods, deliveryStatuses, type DeliverySummary, type OpenDeliveryLine } from '@shared/contract/sales';
import { Qty } from '@renderer/lib/Amount';
import { AppLink } from '@renderer/lib/AppLink';
import { csvLabels, skuAndName, type ListColumn } from '@renderer/lib/list';
import type { useFormat } from '@renderer/lib/useFormat';
import { ChargeStatusBadge, DeliveryStatusBadge } from '../Badges';

type T = TFunction<readonly ['sales', 'common']>;
type Format = ReturnType<typeof useFormat>;

/** The Delivery & Shipping lines: a charge's picked units at one location. The charge number opens the charge. */
export function openLineColumns(t: T): ListColumn<OpenDeliveryLine>[] {
  return [
    {
      accessor: 'chargeNumber',
      title: t('delivery.charge'),
      sortable: true,
      noWrap: true,
      alwaysShown: true,
      render: (l) => (
        <AppLink className="app-row-link" to={`/sales/charges/${l.chargeId}`}>
          {l.chargeNumber}
        </AppLink>
      ),
    },
    { accessor: 'companyName', title: t('delivery.client'), sortable: true, truncate: 200 },
    {
      accessor: 'containerNumber',
      title: t('delivery.container'),
      truncate: 220,
      fullText: (l) => `${l.containerNumber} · ${l.containerTitle}`,
      csv: [{}, { field: 'containerTitle', header: t('containers.titleColumn') }],
      render: (l) => (
        <>
          <span className="app-cell-line">{l.containerNumber}</span>
          <span className="app-cell-small">{l.containerTitle}</span>
        </>
      ),
    },
    {
      accessor: 'productName',
      title: t('delivery.product'),
      sortable: true,
      truncate: 240,
      fullText: (l) => `${l.sku} · ${l.productName}`,
      csv: skuAndName(t('delivery.product')),
      render: (l) => (
        <>
          <span className="app-cell-line">{l.sku}</span>
          <span className="app-cell-small">{l.productName}</span>
        </>
      ),
    },
    {
      accessor: 'locationName',
      title: t('delivery.location'),
      sortable: true,
      truncate: 180,
      csv: [{}, { field: 'bin', header: t('charge.bin') }],
      render: (l) =>
        l.locationName === null ? (
          <Text span size="sm" c="dimmed">
            {t('delivery.noLocation')}
          </Text>
        ) : (
          <>
            <span className="app-cell-line">{l.locationName}</span>
            {l.bin && <span className="app-cell-small">{l.bin}</span>}
          </>
        ),
    },
    { accessor: 'qty', title: t('delivery.qty'), textAlign: 'right', render: (l) => <Qty value={l.qty} fw={600} /> },
    {
      accessor: 'serials',
      title: t('delivery.serials'),
      truncate: 220,
      fullText: (l) => l.serials.join(', '),
      render: (l) => <span className="app-cell-small">{l.serials.join(', ')}</span>,
    },
    { accessor: 'status', title: t('charges.status'), csv: { labels: csvLabels(chargeStatuses, (s) => t(`chargeStatus.${s}`)) }, render: (l) => <ChargeStatusBadge status={l.status} /> },
  ];
}

/** Deliveries and shipments, newest first; the number opens the delivery. */
export function deliveryColumns(t: T, f: Format): ListColumn<DeliverySummary>[] {
  return [
    { accessor: 'number', title: t('delivery.number'), sortable: true, noWrap: true, alwaysShown: true, link: true },
    { accessor: 'companyName', title: t('delivery.client'), truncate: 220 },
    {
      accessor: 'method',
      title: t('delivery.method'),
      // One badge says how, or Reversed: in a file, the method and the status each in words.
      csv: [
        { labels: csvLabels(deliveryMethods, (method) => t(`methods.${method}`)) },
        { field: 'status', header: t('charges.status'), labels: csvLabels(deliveryStatuses, (s) => t(`deliveryStatus.${s}`)) },
      ],
      render: (d) => <DeliveryStatusBadge status={d.status} method={d.method} />,
    },
    { accessor: 'carrier', title: t('delivery.carrier'), truncate: 140, render: (d) => d.carrier ?? '—' },
    { accessor: 'trackingNumber', title: t('delivery.tracking'), noWrap: true, render: (d) => d.trackingNumber ?? '—' },
    { accessor: 'units', title: t('delivery.units'), textAlign: 'right', render: (d) => <Qty value={d.units} /> },
    { accessor: 'createdAt', title: t('delivery.date'), sortable: true, noWrap: true, render: (d) => f.dateTime(d.createdAt) },
    { accessor: 'userName', title: t('delivery.user'), truncate: 140 },
  ];
}
