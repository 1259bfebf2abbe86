// Vendor returns (VRT-n): units sent back to vendors, newest first, with what is still awaiting the vendor's
// answer and the ones past the day it was expected marked. /purchasing/vendor-returns
import { Badge, Button, Group, MultiSelect, Switch, TextInput } from '@mantine/core';
import { IconPackageExport, IconPlus, IconSearch } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { vendorReturnReasons, vendorReturnStatuses, type VendorReturnStatus, type VendorReturnSummary } from '@shared/contract/vendorReturns';
import { Money } from '@renderer/lib/Amount';
import { csvLabels, isFiltered, ListPage, QueryTable, useListView, useServerTable, type ListColumn } from '@renderer/lib/list';
import { CompanySelect } from '@renderer/lib/pickers/CompanySelect';
import { useCan } from '@renderer/lib/session';
import { useFormat } from '@renderer/lib/useFormat';
import { useClearUrlParams, useUrlId, useUrlParam, useUrlText } from '@renderer/lib/useUrlParam';
import { useVendorReturns, VENDOR_RETURNS_TABLE } from '../api';
import { VendorReturnStatusBadge } from '../orders/Badges';

type SortColumn = 'createdAt' | 'number';

function columns(t: TFunction<readonly ['purchasing', 'common']>, f: ReturnType<typeof useFormat>, canSeeCosts: boolean): ListColumn<VendorReturnSummary>[] {
  return [
    { accessor: 'number', title: t('vendorReturns.number'), sortable: true, noWrap: true, alwaysShown: true, link: true },
    {
      accessor: 'status',
      title: t('vendorReturns.status'),
      csv: [{ labels: csvLabels(vendorReturnStatuses, (s) => t(`vendorReturns.statuses.${s}`)) }, { field: 'overdue', header: t('vendorReturns.overdue') }],
      render: (r) => (
        <Group gap={4} wrap="nowrap">
          <VendorReturnStatusBadge status={r.status} />
          {r.overdue && (
            <Badge color="red" variant="filled" size="sm" data-testid="vendor-return-overdue">
              {t('vendorReturns.overdue')}
            </Badge>
          )}
        </Group>
      ),
    },
    { accessor: 'createdAt', title: t('vendorReturns.created'), sortable: true, noWrap: true, render: (r) => f.date(r.createdAt) },
    { accessor: 'vendorName', title: t('vendorReturns.vendor'), truncate: 200 },
    { accessor: 'vendorRmaNumber', title: t('vendorReturns.vendorRma'), noWrap: true },
    { accessor: 'units', title: t('vendorReturns.units'), textAlign: 'right', render: (r) => f.qty(r.units) },
    { accessor: 'open', title: t('vendorReturns.open'), textAlign: 'right', render: (r) => (r.open === 0 ? '—' : f.qty(r.open)) },
    { accessor: 'value', title: t('vendorReturns.value'), textAlign: 'right', noWrap: true, hidden: !canSeeCosts, render: (r) => <Money value={r.value} /> },
    { accessor: 'creditTotal', title: t('vendorReturns.credit'), textAlign: 'right', noWrap: true, hidden: !canSeeCosts, render: (r) => (r.creditTotal ? <Money value={r.creditTotal} /> : '—') },
    { accessor: 'reason', title: t('vendorReturns.reason'), noWrap: true, csv: { labels: csvLabels(vendorReturnReasons, (r) => t(`vendorReturns.reasons.${r}`)) }, render: (r) => t(`vendorReturns.reasons.${r.reason}`) },
    { accessor: 'locationName', title: t('vendorReturns.location'), truncate: 160 },
    { accessor: 'expectedBy', title: t('vendorReturns.expectedBy'), noWrap: true, render: (r) => (r.expectedBy ? f.day(r.expectedBy) : '—') },
  ];
}

export function VendorReturnsPage() {
  const { t } = useTranslation(['purchasing', 'common']);
  const f = useFormat();
  const canSend = useCan('purchasing.manage');
  const canSeeCosts = useCan('costs.view');
  const [q, setQ, qText] = useUrlText('q');
  const [vendorId, setVendorId] = useUrlId('vendorId');
  const [status, setStatus] = useUrlParam('status');
  const [overdue, setOverdue] = useUrlParam('overdue');
  const statuses = status ? (status.split(',').filter((s) => (vendorReturnStatuses as readonly string[]).includes(s)) as VendorReturnStatus[]) : [];
  const filters = { q: qText || undefined, vendorId: vendorId ?? undefined, statuses: statuses.length ? statuses : undefined, overdueOnly: overdue === '1' || undefined };
  const table = useServerTable<SortColumn>({ ...VENDOR_RETURNS_TABLE, filters });
  const view = useListView({ id: 'purchasing.vendorReturns', columns: columns(t, f, canSeeCosts), filtered: isFiltered(filters), onClearFilters: useClearUrlParams('q', 'vendorId', 'status', 'overdue') });
  return (
    <ListPage
      title={t('vendorReturns.title')}
      description={t('vendorReturns.description')}
      actions={
        canSend ? (
          <Button component={Link} to="/purchasing/vendor-returns/new" leftSection={<IconPlus size={16} />}>
            {t('vendorReturns.newReturn')}
          </Button>
        ) : undefined
      }
      view={view}
      filters={
        <>
          <TextInput label={t('common:search')} placeholder={t('vendorReturns.searchPlaceholder')} leftSection={<IconSearch size={16} />} value={q} onChange={(e) => setQ(e.currentTarget.value)} w={260} />
          <MultiSelect
            label={t('vendorReturns.status')}
            placeholder={statuses.length ? undefined : t('vendorReturns.anyStatus')}
            data={vendorReturnStatuses.map((s) => ({ value: s, label: t(`vendorReturns.statuses.${s}`) }))}
            value={statuses}
            onChange={(v) => setStatus(v.join(','))}
            clearable
            w={240}
          />
          <CompanySelect role="vendor" label={t('vendorReturns.vendor')} placeholder={t('vendorReturns.anyVendor')} clearable value={vendorId} onChange={setVendorId} w={220} />
          <Switch label={t('vendorReturns.overdueOnly')} checked={overdue === '1'} onChange={(e) => setOverdue(e.currentTarget.checked ? '1' : '')} mb={8} />
        </>
      }
    >
      <QueryTable
        testId="vendor-returns"
        view={view}
        table={table}
        useRows={useVendorReturns}
        input={{ ...table.input, ...filters }}
        rowHref={(r) => `/purchasing/vendor-returns/${r.id}`}
        empty={{ icon: IconPackageExport, title: t('vendorReturns.emptyTitle'), description: t('vendorReturns.emptyText') }}
      />
    </ListPage>
  );
}
