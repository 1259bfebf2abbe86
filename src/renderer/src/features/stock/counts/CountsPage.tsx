import { Button } from '@mantine/core';
import { IconClipboardList, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ChannelOutput } from '@shared/contract';
import { countStatuses } from '@shared/contract/stock';
import { csvLabels, isFiltered, ListPage, QueryTable, useListView, useServerTable, type ListColumn } from '@renderer/lib/list';
import { useCan } from '@renderer/lib/session';
import { useFormat } from '@renderer/lib/useFormat';
import { useClearUrlParams } from '@renderer/lib/useUrlParam';
import { COUNTS_TABLE, useCounts } from '../api';
import { StatusBadge, StatusFilter, useStatusFilter } from '../common/StatusBadge';
import { StartCountModal } from './StartCountModal';
import { usePrerequisiteEmpty } from '@renderer/lib/setup';

type Count = ChannelOutput<'stock.listCounts'>['rows'][number];
const statuses = ['open', 'submitted', 'posted', 'canceled'] as const;

/** Stocktakes: counts of a location, open ones to continue and posted ones to look back at. */
export function CountsPage() {
  const { t } = useTranslation('stock');
  const f = useFormat();
  const navigate = useNavigate();
  const canCount = useCan('stock.count');
  const [status, setStatus] = useStatusFilter(statuses);
  const table = useServerTable<'createdAt' | 'number'>({ ...COUNTS_TABLE, filters: { status } });
  const [starting, setStarting] = useState(false);

  const columns: ListColumn<Count>[] = [
    { accessor: 'number', title: t('columns.number'), sortable: true, noWrap: true, link: true, alwaysShown: true },
    { accessor: 'locationName', title: t('columns.location'), truncate: 200 },
    {
      accessor: 'status',
      title: t('columns.status'),
      csv: { labels: csvLabels(countStatuses, (s) => t(`counts.statuses.${s}`)) },
      render: (c) => <StatusBadge prefix="counts" status={c.status} />,
    },
    { accessor: 'createdAt', title: t('columns.created'), sortable: true, noWrap: true, render: (c) => f.dateTime(c.createdAt) },
    { accessor: 'postedAt', title: t('columns.posted'), noWrap: true, render: (c) => f.dateTime(c.postedAt) },
    { accessor: 'userName', title: t('columns.user'), truncate: 140 },
    { accessor: 'note', title: t('columns.note'), truncate: 240, render: (c) => c.note ?? '' },
    {
      accessor: 'actions',
      title: t('common.actions'),
      textAlign: 'right',
      csv: false,
      render: (c) => (
        <Button size="compact-sm" variant={c.status === 'open' ? 'filled' : 'subtle'} onClick={() => navigate(`/stock/counts/${c.id}`)}>
          {c.status === 'open' && canCount ? t('counts.continue') : t('counts.view')}
        </Button>
      ),
    },
  ];

  const startButton = canCount && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setStarting(true)}>
      {t('counts.start')}
    </Button>
  );

  const view = useListView({ id: 'stock.counts', columns, filtered: isFiltered({ status }), onClearFilters: useClearUrlParams('status') });

  const firstNeed = usePrerequisiteEmpty(['locations']);
  return (
    <ListPage title={t('counts.title')} actions={startButton} view={view} filters={<StatusFilter prefix="counts" statuses={statuses} value={status} onChange={setStatus} />}>
      <QueryTable
        testId="counts"
        view={view}
        table={table}
        useRows={useCounts}
        input={{ ...table.input, status }}
        rowHref={(c) => `/stock/counts/${c.id}`}
        empty={firstNeed ?? { icon: IconClipboardList, title: t('counts.emptyTitle'), description: t('counts.emptyText'), action: startButton }}
      />
      {starting && <StartCountModal onClose={() => setStarting(false)} />}
    </ListPage>
  );
}
