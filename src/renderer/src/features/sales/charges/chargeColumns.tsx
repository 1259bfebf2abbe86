import { Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { chargeKinds, chargeStatuses, type Charge } from '@shared/contract/sales';
import { Money, Qty } from '@renderer/lib/Amount';
import { csvLabels, type ListColumn } from '@renderer/lib/list';
import { ChargeStatusBadge } from '../Badges';

/** Columns of a list of charges; cost and margin only for users who may see costs. The number opens the charge. */
export function chargeColumns(t: TFunction<readonly ['sales', 'common']>, showCosts: boolean, options: { container?: boolean } = {}): ListColumn<Charge>[] {
  return [
    { accessor: 'number', title: t('charges.number'), sortable: true, noWrap: true, alwaysShown: true, link: true },
    ...(options.container
      ? [
          {
            accessor: 'containerNumber',
            title: t('containers.number'),
            noWrap: true,
            csv: [{}, { field: 'containerTitle', header: t('containers.titleColumn') }],
            render: (c: Charge) => `${c.containerNumber} · ${c.containerTitle}`,
          } satisfies ListColumn<Charge>,
        ]
      : []),
    {
      accessor: 'productName',
      title: t('charges.product'),
      sortable: true,
      truncate: 260,
      fullText: (c) => c.description,
      // The SKU, or Freight or Credit for a charge of no product, over the description.
      csv: [
        { field: 'kind', header: t('charges.kind'), labels: csvLabels(chargeKinds, (kind) => t(`charges.${kind}`)) },
        { field: 'sku', header: 'SKU' },
        { field: 'description', header: t('charges.description') },
      ],
      render: (c) => (
        <>
          <span className="app-cell-line">{c.kind === 'product' ? c.sku : t(`charges.${c.kind}`)}</span>
          <span className="app-cell-small">{c.description}</span>
        </>
      ),
    },
    { accessor: 'quantity', title: t('charges.quantity'), sortable: true, textAlign: 'right', render: (c) => <Qty value={c.quantity} /> },
    { accessor: 'unitPrice', title: t('charges.unitPrice'), textAlign: 'right', noWrap: true, render: (c) => <Money value={c.unitPrice} /> },
    { accessor: 'extendedPrice', title: t('charges.extendedPrice'), textAlign: 'right', noWrap: true, render: (c) => <Money value={c.extendedPrice} fw={600} /> },
    {
      accessor: 'status',
      title: t('charges.status'),
      sortable: true,
      csv: { labels: csvLabels(chargeStatuses, (s) => t(`chargeStatus.${s}`)) },
      render: (c) => <ChargeStatusBadge status={c.status} />,
    },
    { accessor: 'picked', title: t('charges.picked'), textAlign: 'right', render: (c) => <Qty value={c.picked} /> },
    { accessor: 'delivered', title: t('charges.delivered'), textAlign: 'right', render: (c) => <Qty value={c.delivered} /> },
    {
      accessor: 'estimatedCost',
      title: t('charges.estimatedCost'),
      textAlign: 'right',
      noWrap: true,
      hidden: !showCosts,
      csv: [{}, { field: 'costIsEstimate', header: t('charges.costIsEstimate') }],
      render: (c) => (
        <>
          <Money value={c.estimatedCost} />
          {c.costIsEstimate && (
            <Text span size="xs" c="dimmed" display="block">
              {t('charges.estimate')}
            </Text>
          )}
        </>
      ),
    },
    { accessor: 'margin', title: t('charges.margin'), textAlign: 'right', noWrap: true, hidden: !showCosts, render: (c) => <Money value={c.margin} /> },
  ];
}
