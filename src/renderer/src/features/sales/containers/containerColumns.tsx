import type { TFunction } from 'i18next';
import { containerKinds, containerStatuses, type Container } from '@shared/contract/sales';
import { Qty } from '@renderer/lib/Amount';
import { csvLabels, type ListColumn } from '@renderer/lib/list';
import type { useFormat } from '@renderer/lib/useFormat';
import { ContainerKindBadge, ContainerStatusBadge } from '../Badges';

type Format = ReturnType<typeof useFormat>;

/** Columns of the contracts, projects and tickets list; the number opens it. */
export function containerColumns(t: TFunction<readonly ['sales', 'common']>, f: Format): ListColumn<Container>[] {
  return [
    { accessor: 'number', title: t('containers.number'), sortable: true, noWrap: true, alwaysShown: true, link: true },
    { accessor: 'kind', title: t('containers.kind'), noWrap: true, csv: { labels: csvLabels(containerKinds, (kind) => t(`kinds.${kind}`)) }, render: (c) => <ContainerKindBadge kind={c.kind} /> },
    { accessor: 'title', title: t('containers.titleColumn'), sortable: true, truncate: 280 },
    { accessor: 'companyName', title: t('containers.client'), sortable: true, truncate: 220 },
    { accessor: 'status', title: t('containers.status'), noWrap: true, csv: { labels: csvLabels(containerStatuses, (s) => t(`containerStatus.${s}`)) }, render: (c) => <ContainerStatusBadge status={c.status} /> },
    { accessor: 'ownerName', title: t('containers.owner'), truncate: 160, render: (c) => c.ownerName ?? '—' },
    { accessor: 'contractNumber', title: t('containers.contract'), noWrap: true, render: (c) => c.contractNumber ?? '—' },
    { accessor: 'openChargeCount', title: t('containers.openCharges'), wrapTitle: true, textAlign: 'right', width: 110, render: (c) => <Qty value={c.openChargeCount} /> },
    { accessor: 'createdAt', title: t('containers.created'), sortable: true, noWrap: true, render: (c) => f.date(c.createdAt) },
  ];
}
