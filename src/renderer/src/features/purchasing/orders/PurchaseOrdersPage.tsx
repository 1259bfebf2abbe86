import { Button, MultiSelect, Switch } from '@mantine/core';
import { IconFileInvoice, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { poStatuses, type PoSummary } from '@shared/contract/purchasing';
import { dayRangeMs, DayRangeFilter, isFiltered, ListPage, SearchFilter, QueryTable, useListView, useServerTable } from '@renderer/lib/list';
import { useCan } from '@renderer/lib/session';
import { useFormat } from '@renderer/lib/useFormat';
import { useClearUrlParams, useSetUrlParams, useUrlId, useUrlParam, useUrlText } from '@renderer/lib/useUrlParam';
import { ORDERS_TABLE, useOrders } from '../api';
import { CompanySelect } from '@renderer/lib/pickers/CompanySelect';
import { orderColumns } from './orderColumns';
import { usePrerequisiteEmpty } from '@renderer/lib/setup';

type Status = PoSummary['status'];
type SortColumn = 'number' | 'createdAt' | 'vendorName' | 'status' | 'total' | 'expectedShipDate';

const statusesOf = (param: string): Status[] => param.split(',').filter((s): s is Status => (poStatuses as readonly string[]).includes(s));

/** Every purchase order, newest first: find one by number or vendor, by status, vendor and creation date, or the overdue ones. */
export function PurchaseOrdersPage() {
  const { t } = useTranslation(['purchasing', 'common']);
  const f = useFormat();
  const navigate = useNavigate();
  const canManage = useCan('purchasing.manage');
  const canSeeCosts = useCan('costs.view');
  const [q, setQ, search] = useUrlText('q');
  const [statusParam, setStatusParam] = useUrlParam('status');
  // Held here as well as in the address: quick clicks in the list must each see the previous one.
  const [statuses, setStatuses] = useState<Status[]>(() => statusesOf(statusParam));
  const [vendorId, setVendorId] = useUrlId('vendorId');
  const [from] = useUrlParam('from');
  const [to] = useUrlParam('to');
  // Sent orders past their expected ship date (the server decides what today is).
  const [overdueParam, setOverdue] = useUrlParam('overdue');
  const overdue = overdueParam === '1';
  const setParams = useSetUrlParams();
  const filters = {
    q: search || undefined,
    statuses: statuses.length ? statuses : undefined,
    vendorId: vendorId ?? undefined,
    ...dayRangeMs({ from, to }),
    overdue: overdue || undefined,
  };
  const table = useServerTable<SortColumn>({ ...ORDERS_TABLE, filters });
  const clearParams = useClearUrlParams('q', 'status', 'vendorId', 'from', 'to', 'overdue');
  const view = useListView({
    id: 'purchasing.orders',
    columns: orderColumns(t, f, canSeeCosts),
    filtered: isFiltered(filters),
    onClearFilters: () => {
      setStatuses([]);
      clearParams();
    },
    remember: { names: ['q', 'status', 'vendorId', 'from', 'to', 'overdue'], onRestore: (restored) => setStatuses(statusesOf(restored.status ?? '')) },
  });

  const newButton = canManage && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => navigate('/purchasing/orders/new')}>
      {t('orders.new')}
    </Button>
  );

  const firstNeed = usePrerequisiteEmpty(['vendors', 'products', 'locations']);
  return (
    <ListPage
      title={t('orders.title')}
      description={t('orders.description')}
      actions={newButton}
      view={view}
      filters={
        <>
          <SearchFilter label={t('common:search')} placeholder={t('orders.searchPlaceholder')} value={q} onChange={setQ} w={240} />
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
          <DayRangeFilter label={t('orders.createdBetween')} placeholder={t('orders.anyDate')} value={{ from, to }} onChange={setParams} />
          <Switch label={t('orders.overdueOnly')} checked={overdue} onChange={(e) => setOverdue(e.currentTarget.checked ? '1' : '')} mb={8} />
        </>
      }
    >
      <QueryTable
        testId="po-list"
        view={view}
        table={table}
        useRows={useOrders}
        input={{ ...table.input, ...filters }}
        rowHref={(o) => `/purchasing/orders/${o.id}`}
        empty={firstNeed ?? { icon: IconFileInvoice, title: t('orders.emptyTitle'), description: t('orders.emptyText'), action: newButton }}
      />
    </ListPage>
  );
}
