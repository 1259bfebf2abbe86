import { Button, Select, Stack } from '@mantine/core';
import { IconClipboardList, IconPlus } from '@tabler/icons-react';
import type { DataTableColumn } from 'mantine-datatable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ChannelOutput } from '@shared/contract';
import { EmptyState } from '@renderer/lib/EmptyState';
import { PageHeader } from '@renderer/lib/PageHeader';
import { ServerTable, useServerTable } from '@renderer/lib/ServerTable';
import { useCan } from '@renderer/lib/session';
import { useFormat } from '@renderer/lib/useFormat';
import { useUrlParam } from '@renderer/lib/useUrlParam';
import { useCounts } from '../api';
import { StatusBadge } from '../common/StatusBadge';
import { StartCountModal } from './StartCountModal';

type Count = ChannelOutput<'stock.listCounts'>['rows'][number];
const statuses = ['open', 'posted', 'canceled'] as const;
type Status = (typeof statuses)[number];

/** Stocktakes: counts of a location, open ones to continue and posted ones to look back at. */
export function CountsPage() {
  const { t } = useTranslation('stock');
  const f = useFormat();
  const navigate = useNavigate();
  const canCount = useCan('stock.count');
  const [statusParam, setStatus] = useUrlParam('status');
  const status = (statuses as readonly string[]).includes(statusParam) ? (statusParam as Status) : undefined;
  const table = useServerTable<'createdAt' | 'number'>({ sortBy: 'createdAt', sortDirection: 'desc', filters: { status } });
  const list = useCounts({ ...table.input, status });
  const [starting, setStarting] = useState(false);

  const columns: DataTableColumn<Count>[] = [
    { accessor: 'number', title: t('columns.number'), sortable: true, noWrap: true },
    { accessor: 'locationName', title: t('columns.location') },
    { accessor: 'status', title: t('columns.status'), render: (c) => <StatusBadge prefix="counts" status={c.status} /> },
    { accessor: 'createdAt', title: t('columns.created'), sortable: true, noWrap: true, render: (c) => f.dateTime(c.createdAt) },
    { accessor: 'postedAt', title: t('columns.posted'), noWrap: true, render: (c) => f.dateTime(c.postedAt) },
    { accessor: 'userName', title: t('columns.user') },
    { accessor: 'note', title: t('columns.note'), render: (c) => c.note ?? '' },
    {
      accessor: 'actions',
      title: t('common.actions'),
      textAlign: 'right',
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

  return (
    <Stack gap="md">
      <PageHeader title={t('counts.title')} actions={startButton} />
      <Select
        label={t('common.status')}
        placeholder={t('common.anyStatus')}
        clearable
        data={statuses.map((s) => ({ value: s, label: t(`counts.statuses.${s}`) }))}
        value={status ?? null}
        onChange={(v) => setStatus(v ?? '')}
        w={200}
      />
      <ServerTable
        testId="counts"
        table={table}
        result={list.data}
        fetching={list.isFetching}
        columns={columns}
        onRowClick={(c) => navigate(`/stock/counts/${c.id}`)}
        emptyState={status ? undefined : <EmptyState icon={IconClipboardList} title={t('counts.emptyTitle')} description={t('counts.emptyText')} action={startButton} />}
      />
      {starting && <StartCountModal onClose={() => setStarting(false)} />}
    </Stack>
  );
}
