import { Button } from '@mantine/core';
import { IconPlus, IconTruck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ChannelOutput } from '@shared/contract';
import { transferStatuses } from '@shared/contract/stock';
import { Qty } from '@renderer/lib/Amount';
import { csvLabels, isFiltered, ListPage, QueryTable, useListView, useServerTable, type ListColumn } from '@renderer/lib/list';
import { useCan } from '@renderer/lib/session';
import { useFormat } from '@renderer/lib/useFormat';
import { useClearUrlParams, useUrlId } from '@renderer/lib/useUrlParam';
import { TRANSFERS_TABLE, useTransfers } from '../api';
import { LocationSelect } from '@renderer/lib/pickers/LocationSelect';
import { StatusBadge, StatusFilter, useStatusFilter } from '../common/StatusBadge';
import { usePrerequisiteEmpty } from '@renderer/lib/setup';

type Transfer = ChannelOutput<'stock.listTransfers'>['rows'][number];
const statuses = transferStatuses;

/** Transfers between internal locations; each opens its page, where shipments are received and transfers reversed. */
export function TransfersPage() {
  const { t } = useTranslation('stock');
  const f = useFormat();
  const navigate = useNavigate();
  const canTransfer = useCan('stock.transfer');
  const [status, setStatus] = useStatusFilter(statuses);
  const [locationId, setLocationId] = useUrlId('locationId');
  const filters = { status, locationId: locationId ?? undefined };
  const table = useServerTable<'createdAt' | 'number'>({ ...TRANSFERS_TABLE, filters });

  const columns: ListColumn<Transfer>[] = [
    { accessor: 'number', title: t('columns.number'), sortable: true, noWrap: true, alwaysShown: true, link: true },
    {
      accessor: 'status',
      title: t('columns.status'),
      csv: { labels: csvLabels(transferStatuses, (s) => t(`transfers.statuses.${s}`)) },
      render: (r) => <StatusBadge prefix="transfers" status={r.status} />,
    },
    { accessor: 'fromLocationName', title: t('columns.from'), truncate: 180 },
    { accessor: 'toLocationName', title: t('columns.to'), truncate: 180 },
    { accessor: 'units', title: t('columns.units'), textAlign: 'right', render: (r) => <Qty value={r.units} /> },
    { accessor: 'note', title: t('columns.note'), truncate: 220, render: (r) => r.note ?? '' },
    { accessor: 'userName', title: t('columns.user'), truncate: 140 },
    { accessor: 'createdAt', title: t('columns.created'), sortable: true, noWrap: true, render: (r) => f.dateTime(r.createdAt) },
    { accessor: 'receivedAt', title: t('columns.receivedAt'), noWrap: true, render: (r) => f.dateTime(r.receivedAt) },
  ];

  const view = useListView({ id: 'stock.transfers', columns, filtered: isFiltered(filters), onClearFilters: useClearUrlParams('status', 'locationId') });
  const newButton = canTransfer && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => navigate('/stock/transfers/new')}>
      {t('transfers.new')}
    </Button>
  );

  const firstNeed = usePrerequisiteEmpty(['twoLocations', 'products']);
  return (
    <ListPage title={t('transfers.title')} actions={newButton} view={view} filters={
        <>
          <StatusFilter prefix="transfers" statuses={statuses} value={status} onChange={setStatus} />
          <LocationSelect value={locationId} onChange={setLocationId} placeholder={t('common.allLocations')} clearable w={240} />
        </>
      }
    >
      <QueryTable
        testId="transfers"
        view={view}
        table={table}
        useRows={useTransfers}
        input={{ ...table.input, ...filters }}
        rowHref={(r) => `/stock/transfers/${r.id}`}
        empty={firstNeed ?? { icon: IconTruck, title: t('transfers.emptyTitle'), description: t('transfers.emptyText'), action: newButton }}
      />
    </ListPage>
  );
}
