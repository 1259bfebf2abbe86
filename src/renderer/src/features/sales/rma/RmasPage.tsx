// RMAs: every client device returned, repaired or replaced with the vendor, newest first, with the ones
// waiting past their expected day marked. /sales/rma
import { Badge, Group, MultiSelect, Select, Switch, TextInput } from '@mantine/core';
import { IconSearch, IconTool } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { rmaStatuses, rmaTypes, type RmaStatus, type RmaSummary, type RmaType } from '@shared/contract/rma';
import { csvLabels, isFiltered, ListPage, QueryTable, skuAndName, useListView, useServerTable, type ListColumn } from '@renderer/lib/list';
import { CompanySelect } from '@renderer/lib/pickers/CompanySelect';
import { useFormat } from '@renderer/lib/useFormat';
import { useClearUrlParams, useUrlId, useUrlParam, useUrlText } from '@renderer/lib/useUrlParam';
import { RMAS_TABLE, useRmas } from '../api';
import { RmaStatusBadge } from '../Badges';

type SortColumn = 'createdAt' | 'number';

function rmaColumns(t: TFunction<readonly ['sales', 'common']>, f: ReturnType<typeof useFormat>): ListColumn<RmaSummary>[] {
  return [
    { accessor: 'number', title: t('rma.number'), sortable: true, noWrap: true, alwaysShown: true, link: true },
    {
      accessor: 'status',
      title: t('rma.status'),
      csv: [{ labels: csvLabels(rmaStatuses, (s) => t(`rma.statuses.${s}`)) }, { field: 'overdue', header: t('rma.overdue') }],
      render: (r) => (
        <Group gap={4} wrap="nowrap">
          <RmaStatusBadge status={r.status} />
          {r.overdue && (
            <Badge color="red" variant="filled" size="sm" data-testid="rma-overdue">
              {t('rma.overdue')}
            </Badge>
          )}
        </Group>
      ),
    },
    { accessor: 'type', title: t('rma.type'), noWrap: true, csv: { labels: csvLabels(rmaTypes, (type) => t(`rma.types.${type}`)) }, render: (r) => t(`rma.types.${r.type}`) },
    { accessor: 'companyName', title: t('rma.client'), truncate: 200 },
    { accessor: 'serialNumber', title: t('rma.device'), noWrap: true },
    {
      accessor: 'productName',
      title: t('rma.product'),
      truncate: 220,
      fullText: (r) => `${r.sku} · ${r.productName}`,
      csv: skuAndName(t('rma.product')),
      render: (r) => (
        <>
          <span className="app-cell-line">{r.sku}</span>
          <span className="app-cell-small">{r.productName}</span>
        </>
      ),
    },
    { accessor: 'vendorName', title: t('rma.vendor'), truncate: 160, render: (r) => r.vendorName ?? '—' },
    { accessor: 'vendorRmaNumber', title: t('rma.vendorRma'), noWrap: true, render: (r) => r.vendorRmaNumber ?? '—' },
    { accessor: 'createdAt', title: t('rma.created'), sortable: true, noWrap: true, render: (r) => f.date(r.createdAt) },
  ];
}

export function RmasPage() {
  const { t } = useTranslation(['sales', 'common']);
  const f = useFormat();
  const [q, setQ, qText] = useUrlText('q');
  const [companyId, setCompanyId] = useUrlId('companyId');
  const [status, setStatus] = useUrlParam('status');
  const [type, setType] = useUrlParam('type');
  const [overdue, setOverdue] = useUrlParam('overdue');
  const statuses = status ? (status.split(',').filter((s) => (rmaStatuses as readonly string[]).includes(s)) as RmaStatus[]) : [];
  const filters = {
    q: qText || undefined,
    companyId: companyId ?? undefined,
    statuses: statuses.length ? statuses : undefined,
    type: (rmaTypes as readonly string[]).includes(type) ? (type as RmaType) : undefined,
    overdueOnly: overdue === '1' || undefined,
  };
  const table = useServerTable<SortColumn>({ ...RMAS_TABLE, filters });
  const view = useListView({ id: 'sales.rma', columns: rmaColumns(t, f), filtered: isFiltered(filters), onClearFilters: useClearUrlParams('q', 'companyId', 'status', 'type', 'overdue') });
  return (
    <ListPage
      title={t('rma.title')}
      description={t('rma.description')}
      view={view}
      filters={
        <>
          <TextInput label={t('common:search')} placeholder={t('rma.searchPlaceholder')} leftSection={<IconSearch size={16} />} value={q} onChange={(e) => setQ(e.currentTarget.value)} w={260} />
          <MultiSelect
            label={t('rma.status')}
            placeholder={statuses.length ? undefined : t('rma.anyStatus')}
            data={rmaStatuses.map((s) => ({ value: s, label: t(`rma.statuses.${s}`) }))}
            value={statuses}
            onChange={(v) => setStatus(v.join(','))}
            clearable
            w={240}
          />
          <Select label={t('rma.type')} placeholder={t('rma.anyType')} data={rmaTypes.map((v) => ({ value: v, label: t(`rma.types.${v}`) }))} value={type || null} onChange={(v) => setType(v ?? '')} clearable w={160} />
          <CompanySelect role="client" label={t('rma.client')} placeholder={t('rma.anyClient')} clearable value={companyId} onChange={setCompanyId} w={220} />
          <Switch label={t('rma.overdueOnly')} checked={overdue === '1'} onChange={(e) => setOverdue(e.currentTarget.checked ? '1' : '')} mb={8} />
        </>
      }
    >
      <QueryTable
        testId="rmas"
        view={view}
        table={table}
        useRows={useRmas}
        input={{ ...table.input, ...filters }}
        rowHref={(r) => `/sales/rma/${r.id}`}
        empty={{ icon: IconTool, title: t('rma.emptyTitle'), description: t('rma.emptyText') }}
      />
    </ListPage>
  );
}
