import { Button, Group, MultiSelect, Stack, TextInput } from '@mantine/core';
import { DatePickerInput, type DatesRangeValue } from '@mantine/dates';
import { IconCalendar, IconFileInvoice, IconPlus, IconSearch } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { poStatuses, type PoSummary } from '@shared/contract/purchasing';
import { EmptyState } from '@renderer/lib/EmptyState';
import { PageHeader } from '@renderer/lib/PageHeader';
import { ServerTable, useServerTable } from '@renderer/lib/ServerTable';
import { useCan } from '@renderer/lib/session';
import { useFormat } from '@renderer/lib/useFormat';
import { useSetUrlParams, useUrlId, useUrlParam, useUrlText } from '@renderer/lib/useUrlParam';
import { useOrders } from '../api';
import { CompanySelect } from './CompanySelect';
import { orderColumns } from './orderColumns';

type Status = PoSummary['status'];
type SortColumn = 'number' | 'createdAt' | 'vendorName' | 'status' | 'total' | 'expectedShipDate';

/** Every purchase order, newest first: find one by number or vendor, by status, vendor and creation date. */
export function PurchaseOrdersPage() {
  const { t } = useTranslation(['purchasing', 'common']);
  const f = useFormat();
  const navigate = useNavigate();
  const canManage = useCan('purchasing.manage');
  const canSeeCosts = useCan('costs.view');
  const [q, setQ, search] = useUrlText('q');
  const [statusParam, setStatusParam] = useUrlParam('status');
  // Held here as well as in the address: quick clicks in the list must each see the previous one.
  const [statuses, setStatuses] = useState<Status[]>(() => statusParam.split(',').filter((s): s is Status => (poStatuses as readonly string[]).includes(s)));
  const [vendorId, setVendorId] = useUrlId('vendorId');
  const [fromParam] = useUrlParam('from');
  const [toParam] = useUrlParam('to');
  const setParams = useSetUrlParams();
  const range: DatesRangeValue<string> = [fromParam || null, toParam || null];
  const filters = {
    q: search || undefined,
    statuses: statuses.length ? statuses : undefined,
    vendorId: vendorId ?? undefined,
    // Whole days in the user's time zone: `to` is the last millisecond of the end day.
    from: fromParam ? dayjs(fromParam).startOf('day').valueOf() : undefined,
    to: toParam ? dayjs(toParam).endOf('day').valueOf() : fromParam ? dayjs(fromParam).endOf('day').valueOf() : undefined,
  };
  const table = useServerTable<SortColumn>({ sortBy: 'createdAt', sortDirection: 'desc', filters });
  const list = useOrders({ ...table.input, ...filters });
  const filtered = Boolean(search || statuses.length || vendorId || fromParam);

  const newButton = canManage && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => navigate('/purchasing/orders/new')}>
      {t('orders.new')}
    </Button>
  );

  return (
    <Stack gap="md">
      <PageHeader title={t('orders.title')} description={t('orders.description')} actions={newButton} />
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={t('common:search')}
          placeholder={t('orders.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={240}
        />
        <MultiSelect
          label={t('po.status')}
          placeholder={statuses.length ? undefined : t('orders.anyStatus')}
          data={poStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          value={statuses}
          onChange={(v) => {
            setStatuses(v as Status[]);
            setStatusParam(v.join(','));
          }}
          clearable
          w={280}
        />
        <CompanySelect role="vendor" label={t('po.vendor')} placeholder={t('orders.anyVendor')} clearable value={vendorId} onChange={setVendorId} w={220} />
        <DatePickerInput
          type="range"
          label={t('orders.createdBetween')}
          placeholder={t('orders.anyDate')}
          leftSection={<IconCalendar size={16} />}
          clearable
          allowSingleDateInRange
          value={range}
          onChange={([from, to]) => setParams({ from: from ? dayjs(from).format('YYYY-MM-DD') : '', to: to ? dayjs(to).format('YYYY-MM-DD') : '' })}
          valueFormat="DD MMM YYYY"
          w={260}
        />
      </Group>
      <ServerTable
        testId="po-list"
        table={table}
        result={list.data}
        fetching={list.isFetching}
        error={list.error}
        columns={orderColumns(t, f, canSeeCosts)}
        onRowClick={(o) => navigate(`/purchasing/orders/${o.id}`)}
        emptyState={filtered ? undefined : <EmptyState icon={IconFileInvoice} title={t('orders.emptyTitle')} description={t('orders.emptyText')} action={newButton} />}
      />
    </Stack>
  );
}
