import type { TFunction } from 'i18next';
import { opportunityStatuses, type Opportunity } from '@shared/contract/sales';
import { Money, Qty } from '@renderer/lib/Amount';
import { csvLabels, type ListColumn } from '@renderer/lib/list';
import type { useFormat } from '@renderer/lib/useFormat';
import { OpportunityStatusBadge } from '../Badges';

type Format = ReturnType<typeof useFormat>;

/** Columns of the opportunities list; the number opens it. */
export function opportunityColumns(t: TFunction<readonly ['sales', 'common']>, f: Format): ListColumn<Opportunity>[] {
  return [
    { accessor: 'number', title: t('opportunities.number'), sortable: true, noWrap: true, alwaysShown: true, link: true },
    { accessor: 'title', title: t('opportunities.titleColumn'), truncate: 280 },
    { accessor: 'companyName', title: t('opportunities.client'), sortable: true, truncate: 220 },
    { accessor: 'status', title: t('opportunities.status'), noWrap: true, csv: { labels: csvLabels(opportunityStatuses, (s) => t(`opportunityStatus.${s}`)) }, render: (o) => <OpportunityStatusBadge status={o.status} /> },
    { accessor: 'ownerName', title: t('opportunities.owner'), truncate: 160, render: (o) => o.ownerName ?? '—' },
    { accessor: 'quotePrice', title: t('opportunities.quotePrice'), textAlign: 'right', noWrap: true, render: (o) => <Money value={o.quotePrice} /> },
    { accessor: 'reserved', title: t('opportunities.reserved'), textAlign: 'right', width: 110, render: (o) => <Qty value={o.reserved} /> },
    { accessor: 'expectedClose', title: t('opportunities.expectedClose'), sortable: true, noWrap: true, render: (o) => (o.expectedClose ? f.day(o.expectedClose) : '—') },
    { accessor: 'createdAt', title: t('opportunities.created'), sortable: true, noWrap: true, render: (o) => f.date(o.createdAt) },
  ];
}
