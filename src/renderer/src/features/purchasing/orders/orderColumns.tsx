import { Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { DataTableColumn } from 'mantine-datatable';
import type { PoSummary } from '@shared/contract/purchasing';
import { Money, Qty } from '@renderer/lib/Amount';
import type { useFormat } from '@renderer/lib/useFormat';
import { ApprovalBadge, PoStatusBadge } from './Badges';
import { wrapping } from './columnTitle';
import { dayToMs } from './days';

type Format = ReturnType<typeof useFormat>;
const noWrap = { whiteSpace: 'nowrap' } as const;

/** Columns of the purchase order list; the total only for users who may see costs. */
export function orderColumns(t: TFunction<readonly ['purchasing', 'common']>, f: Format, showTotal: boolean): DataTableColumn<PoSummary>[] {
  const columns: DataTableColumn<PoSummary>[] = [
    { accessor: 'number', title: t('po.number'), sortable: true, noWrap: true, render: (o) => <Text fw={600} size="sm">{o.number}</Text> },
    { accessor: 'vendorName', title: t('po.vendor'), sortable: true, render: (o) => <Text size="sm" miw={150}>{o.vendorName}</Text> },
    { accessor: 'purchaseForName', title: t('po.purchaseFor'), render: (o) => o.purchaseForName ?? <Text span c="dimmed" size="sm">{t('po.forStock')}</Text> },
    {
      accessor: 'status',
      title: t('po.status'),
      sortable: true,
      render: (o) => (
        <Stack gap={4} align="flex-start">
          <PoStatusBadge status={o.status} />
          <ApprovalBadge approval={o.approvalStatus} />
        </Stack>
      ),
    },
    { accessor: 'createdAt', title: t('po.created'), sortable: true, render: (o) => <span style={noWrap}>{f.date(o.createdAt)}</span> },
    { accessor: 'expectedShipDate', title: wrapping(t('po.expectedShipDate')), sortable: true, width: 130, render: (o) => <span style={noWrap}>{f.date(dayToMs(o.expectedShipDate))}</span> },
    { accessor: 'lineCount', title: t('po.lines'), textAlign: 'right', render: (o) => <Qty value={o.lineCount} /> },
    {
      accessor: 'outstanding',
      title: wrapping(t('po.outstandingUnits')),
      textAlign: 'right',
      width: 120,
      render: (o) => (o.status === 'submitted' || o.status === 'receivedPartial' ? <Qty value={o.outstanding} fw={600} /> : <Text span c="dimmed">—</Text>),
    },
  ];
  if (showTotal) columns.push({ accessor: 'total', title: t('po.total'), sortable: true, textAlign: 'right', render: (o) => <Money value={o.total} /> });
  return columns;
}
