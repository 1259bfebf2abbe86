import { Group, Stack, Text } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApprovalRow, PoSummary } from '@shared/contract/purchasing';
import { Money, Qty } from '@renderer/lib/Amount';
import { ListPage, QueryTable, useListView, useServerTable, type ListColumn } from '@renderer/lib/list';
import { useCan } from '@renderer/lib/session';
import { useFormat } from '@renderer/lib/useFormat';
import { useApprovals } from '../api';
import { ChargeApprovals } from './ChargeApprovals';
import { DecisionButtons, OverdueBadge, YourLimit } from './ApprovalMarks';
import { DecisionModal, type Decision } from './DecisionModal';

/**
 * Purchase Approvals: orders at or above the threshold waiting for an approver, oldest first, with who
 * asked and when. An approver cannot approve an order they created or asked for (unless the settings
 * allow it): the row says so instead of offering Approve.
 */
export function ApprovalsPage() {
  const { t } = useTranslation('purchasing');
  const f = useFormat();
  // Approvers see what they decide on, costs included (the lists' costsVisibleTo).
  const mayViewCosts = useCan('costs.view');
  const mayApprove = useCan('purchasing.approve');
  const canSeeCosts = mayViewCosts || mayApprove;
  const table = useServerTable<'createdAt'>({ sortBy: 'createdAt', sortDirection: 'asc' });
  const [deciding, setDeciding] = useState<{ order: PoSummary; decision: Decision } | null>(null);

  const columns: ListColumn<ApprovalRow>[] = [
    { accessor: 'number', title: t('po.number'), noWrap: true, alwaysShown: true, link: true },
    { accessor: 'vendorName', title: t('po.vendor'), truncate: 220 },
    {
      accessor: 'purchaseForName',
      title: t('po.purchaseFor'),
      truncate: 200,
      fullText: (o) => o.purchaseForName,
      render: (o) => o.purchaseForName ?? <Text span c="dimmed" size="sm">{t('po.forStock')}</Text>,
    },
    { accessor: 'createdAt', title: t('po.created'), sortable: true, noWrap: true, render: (o) => f.dateTime(o.createdAt) },
    {
      accessor: 'requestedByName',
      title: t('approvals.requestedBy'),
      noWrap: true,
      csv: [{}, { field: 'requestedAt', header: t('approvals.requestedAt') }, { field: 'overdue', header: t('approvals.overdue') }],
      render: (o) => (
        <Stack gap={0}>
          <Text size="sm">{o.requestedByName ?? '—'}</Text>
          <Group gap={6} wrap="nowrap">
            <Text size="xs" c="dimmed" data-testid="requested-at">
              {f.dateTime(o.requestedAt)}
            </Text>
            <OverdueBadge overdue={o.overdue} />
          </Group>
        </Stack>
      ),
    },
    { accessor: 'lineCount', title: t('po.lines'), textAlign: 'right', render: (o) => <Qty value={o.lineCount} /> },
    { accessor: 'total', title: t('po.total'), textAlign: 'right', noWrap: true, hidden: !canSeeCosts, render: (o) => <Money value={o.total} fw={600} /> },
    {
      accessor: 'actions',
      title: '',
      textAlign: 'right',
      noWrap: true,
      render: (o) => <DecisionButtons kind="order" request={o} number={o.number} onDecide={(decision) => setDeciding({ order: o, decision })} />,
    },
  ];

  const view = useListView({ id: 'purchasing.approvals', columns });

  return (
    <ListPage title={t('approvals.title')} description={t('approvals.description')} view={view}>
      <YourLimit />
      <QueryTable
        testId="approvals-table"
        view={view}
        table={table}
        useRows={useApprovals}
        input={table.input}
        rowHref={(o) => `/purchasing/orders/${o.id}`}
        clickRows={false}
        empty={{ icon: IconChecklist, testId: 'approvals-empty', title: t('approvals.emptyTitle'), description: t('approvals.emptyText') }}
      />
      {deciding && <DecisionModal order={deciding.order} decision={deciding.decision} onClose={() => setDeciding(null)} />}
      <ChargeApprovals />
    </ListPage>
  );
}
