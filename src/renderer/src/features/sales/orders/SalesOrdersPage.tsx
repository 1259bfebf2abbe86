// Sales orders: made by winning an opportunity; each one's status follows its charges. /sales/orders
import { Select } from '@mantine/core';
import { IconClipboardList } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { salesOrderStatuses, type SalesOrder } from '@shared/contract/sales';
import { Money, Qty } from '@renderer/lib/Amount';
import { csvLabels, isFiltered, ListPage, QueryTable, SearchFilter, useListView, useServerTable, type ListColumn } from '@renderer/lib/list';
import { CompanySelect } from '@renderer/lib/pickers/CompanySelect';
import { useFormat } from '@renderer/lib/useFormat';
import { useClearUrlParams, useUrlId, useUrlParam, useUrlText } from '@renderer/lib/useUrlParam';
import { SALES_ORDERS_TABLE, useSalesOrders } from '../api';
import { SalesOrderStatusBadge } from '../Badges';

type SortColumn = 'number' | 'createdAt' | 'companyName';
const isStatus = (v: string): v is SalesOrder['status'] => (salesOrderStatuses as readonly string[]).includes(v);

function columns(t: TFunction<readonly ['sales', 'common']>, f: ReturnType<typeof useFormat>): ListColumn<SalesOrder>[] {
  return [
    { accessor: 'number', title: t('salesOrders.number'), sortable: true, noWrap: true, alwaysShown: true, link: true },
    { accessor: 'title', title: t('salesOrders.titleColumn'), truncate: 260 },
    { accessor: 'companyName', title: t('salesOrders.client'), sortable: true, truncate: 220 },
    { accessor: 'status', title: t('salesOrders.status'), noWrap: true, csv: { labels: csvLabels(salesOrderStatuses, (s) => t(`salesOrderStatus.${s}`)) }, render: (o) => <SalesOrderStatusBadge status={o.status} /> },
    { accessor: 'containerNumber', title: t('salesOrders.container'), noWrap: true },
    { accessor: 'itemCount', title: t('salesOrders.items'), textAlign: 'right', width: 90, render: (o) => <Qty value={o.itemCount} /> },
    { accessor: 'orderPrice', title: t('salesOrders.orderPrice'), textAlign: 'right', noWrap: true, render: (o) => <Money value={o.orderPrice} /> },
    { accessor: 'createdAt', title: t('salesOrders.created'), sortable: true, noWrap: true, render: (o) => f.date(o.createdAt) },
  ];
}

export function SalesOrdersPage() {
  const { t } = useTranslation(['sales', 'common']);
  const f = useFormat();
  const [q, setQ, search] = useUrlText('q');
  const [status, setStatus] = useUrlParam('status');
  const [companyId, setCompanyId] = useUrlId('companyId');
  const filters = { q: search || undefined, statuses: isStatus(status) ? [status] : undefined, companyId: companyId ?? undefined };
  const table = useServerTable<SortColumn>({ ...SALES_ORDERS_TABLE, filters });
  const view = useListView({ id: 'sales.orders', columns: columns(t, f), filtered: isFiltered(filters), onClearFilters: useClearUrlParams('q', 'status', 'companyId') });
  return (
    <ListPage
      title={t('salesOrders.title')}
      description={t('salesOrders.description')}
      view={view}
      filters={
        <>
          <SearchFilter label={t('common:search')} placeholder={t('salesOrders.searchPlaceholder')} value={q} onChange={setQ} w={240} />
          <Select
            label={t('salesOrders.status')}
            placeholder={t('opportunities.anyStatus')}
            data={salesOrderStatuses.map((s) => ({ value: s, label: t(`salesOrderStatus.${s}`) }))}
            value={isStatus(status) ? status : null}
            onChange={(v) => setStatus(v ?? '')}
            clearable
            w={190}
          />
          <CompanySelect role="client" label={t('salesOrders.client')} placeholder={t('containers.anyClient')} clearable value={companyId} onChange={setCompanyId} w={220} />
        </>
      }
    >
      <QueryTable
        testId="sales-orders"
        view={view}
        table={table}
        useRows={useSalesOrders}
        input={{ ...table.input, ...filters }}
        rowHref={(o) => `/sales/orders/${o.id}`}
        empty={{ icon: IconClipboardList, title: t('salesOrders.emptyTitle'), description: t('salesOrders.emptyText') }}
      />
    </ListPage>
  );
}
