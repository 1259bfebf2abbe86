import { Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { approvalStatuses, poStatuses, type PoSummary } from '@shared/contract/purchasing';
import { Money, Qty } from '@renderer/lib/Amount';
import { csvLabels, type ListColumn } from '@renderer/lib/list';
import type { useFormat } from '@renderer/lib/useFormat';
import { OverdueBadge } from './ApprovalMarks';
import { ApprovalBadge, PoStatusBadge } from './Badges';
import { dayToMs } from './days';

type Format = ReturnType<typeof useFormat>;
const noWrap = { whiteSpace: 'nowrap' } as const;
const dateLine = { display: 'block', whiteSpace: 'nowrap' } as const;

/**
 * Columns of the purchase order list; the total only for users who may see costs. The number opens the
 * order; an order sent and past its expected ship date is marked under the date.
 */
export function orderColumns(t: TFunction<readonly ['purchasing', 'common']>, f: Format, showTotal: boolean): ListColumn<PoSummary>[] {
  return [
    { accessor: 'number', title: t('po.number'), sortable: true, noWrap: true, alwaysShown: true, link: true },
    { accessor: 'vendorName', title: t('po.vendor'), sortable: true, truncate: 220 },
    {
      accessor: 'purchaseForName',
      title: t('po.purchaseFor'),
      truncate: 200,
      fullText: (o) => o.purchaseForName,
      render: (o) => o.purchaseForName ?? <Text span c="dimmed" size="sm">{t('po.forStock')}</Text>,
    },
    {
      accessor: 'status',
      title: t('po.status'),
      sortable: true,
      // The approval's badge under the status: a column of its own in a file.
      csv: [
        { labels: csvLabels(poStatuses, (s) => t(`status.${s}`)) },
        { field: 'approvalStatus', header: t('po.approval'), labels: csvLabels(approvalStatuses, (a) => t(`approval.${a}`)) },
      ],
      render: (o) => (
        <Stack gap={4} align="flex-start">
          <PoStatusBadge status={o.status} />
          <ApprovalBadge approval={o.approvalStatus} />
        </Stack>
      ),
    },
    { accessor: 'createdAt', title: t('po.created'), sortable: true, render: (o) => <span style={noWrap}>{f.date(o.createdAt)}</span> },
    {
      accessor: 'expectedShipDate',
      title: t('po.expectedShipDate'),
      wrapTitle: true,
      sortable: true,
      width: 130,
      csv: [{}, { field: 'overdue', header: t('approvals.overdue') }],
      render: (o) => (
        <>
          <span style={dateLine}>{f.date(dayToMs(o.expectedShipDate))}</span>
          {o.overdue && <OverdueBadge overdue title={t('po.overdueHint')} />}
        </>
      ),
    },
    { accessor: 'lineCount', title: t('po.lines'), textAlign: 'right', render: (o) => <Qty value={o.lineCount} /> },
    {
      accessor: 'outstanding',
      title: t('po.outstandingUnits'),
      wrapTitle: true,
      textAlign: 'right',
      width: 120,
      render: (o) => (o.status === 'submitted' || o.status === 'receivedPartial' ? <Qty value={o.outstanding} fw={600} /> : <Text span c="dimmed">—</Text>),
    },
    { accessor: 'total', title: t('po.total'), sortable: true, textAlign: 'right', noWrap: true, hidden: !showTotal, render: (o) => <Money value={o.total} /> },
  ];
}
