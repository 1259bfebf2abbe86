import { Button, Group } from '@mantine/core';
import { IconArrowBackUp, IconPackageImport, IconPlus, IconTruck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ChannelOutput } from '@shared/contract';
import { Qty } from '@renderer/lib/Amount';
import { ConfirmModal } from '@renderer/lib/ConfirmModal';
import { isFiltered, ListPage, QueryTable, useListView, useServerTable, type ListColumn } from '@renderer/lib/list';
import { notify } from '@renderer/lib/notify';
import { useCan } from '@renderer/lib/session';
import { useFormat, useSettings } from '@renderer/lib/useFormat';
import { useClearUrlParams, useUrlId } from '@renderer/lib/useUrlParam';
import { TRANSFERS_TABLE, useReceiveTransfer, useReverse, useTransfers } from '../api';
import { LocationSelect } from '@renderer/lib/pickers/LocationSelect';
import { StatusBadge, StatusFilter, useStatusFilter } from '../common/StatusBadge';

type Transfer = ChannelOutput<'stock.listTransfers'>['rows'][number];
const statuses = ['inTransit', 'done', 'canceled', 'reversed'] as const;

/** Transfers between internal locations; shipments in transit are received here. */
export function TransfersPage() {
  const { t } = useTranslation('stock');
  const f = useFormat();
  const navigate = useNavigate();
  const settings = useSettings();
  const canTransfer = useCan('stock.transfer');
  const canReverse = useCan('stock.adjust');
  const [status, setStatus] = useStatusFilter(statuses);
  const [locationId, setLocationId] = useUrlId('locationId');
  const filters = { status, locationId: locationId ?? undefined };
  const table = useServerTable<'createdAt' | 'number'>({ ...TRANSFERS_TABLE, filters });
  const receive = useReceiveTransfer();
  const reverse = useReverse();
  const [reversing, setReversing] = useState<Transfer | null>(null);

  const columns: ListColumn<Transfer>[] = [
    // First, so Receive and Reverse stay in view when the table scrolls sideways.
    {
      accessor: 'actions',
      title: '',
      render: (r) => (
        <Group gap={4} wrap="nowrap">
          {r.status === 'inTransit' && canTransfer && (
            <Button
              size="compact-sm"
              leftSection={<IconPackageImport size={14} />}
              loading={receive.isPending && receive.variables?.id === r.id}
              onClick={() => receive.mutate({ id: r.id }, { onSuccess: (doc) => notify.success('stock:transfers.received', { number: doc.number }) })}
            >
              {t('transfers.receive')}
            </Button>
          )}
          {(r.status === 'inTransit' || r.status === 'done') && canReverse && (
            <Button size="compact-sm" variant="light" color="orange" leftSection={<IconArrowBackUp size={14} />} onClick={() => setReversing(r)}>
              {t('transfers.reverse')}
            </Button>
          )}
        </Group>
      ),
    },
    { accessor: 'number', title: t('columns.number'), sortable: true, noWrap: true, alwaysShown: true },
    { accessor: 'status', title: t('columns.status'), render: (r) => <StatusBadge prefix="transfers" status={r.status} /> },
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
        empty={{ icon: IconTruck, title: t('transfers.emptyTitle'), description: t('transfers.emptyText'), action: newButton }}
      />
      {reversing && (
        <ConfirmModal
          title={t('transfers.reverseTitle', { number: reversing.number })}
          text={reversing.status === 'inTransit' ? t('transfers.cancelShipmentText') : t('transfers.reverseText')}
          confirmLabel={t('transfers.reverse')}
          color="red"
          reason={{ label: t('common.reason'), required: settings.data?.requireAdjustmentReason ?? false, missing: t('common.reasonRequiredHint') }}
          loading={reverse.isPending}
          error={reverse.error}
          onClose={() => {
            setReversing(null);
            reverse.reset();
          }}
          onConfirm={(reason) =>
            reverse.mutate(
              { documentType: 'transfer', id: reversing.id, reason },
              {
                onSuccess: (doc) => {
                  notify.success('stock:transfers.reversed', { number: doc.number });
                  setReversing(null);
                },
              },
            )
          }
        />
      )}
    </ListPage>
  );
}
