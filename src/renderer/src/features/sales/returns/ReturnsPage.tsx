// Client returns (RET-n): what came back from clients, newest first, by number or client. /sales/returns
import { Button, TextInput } from '@mantine/core';
import { IconArrowBackUp, IconPlus, IconSearch } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { returnConditions, type ClientReturnSummary } from '@shared/contract/returns';
import { Money } from '@renderer/lib/Amount';
import { csvLabels, isFiltered, ListPage, QueryTable, useListView, useServerTable, type ListColumn } from '@renderer/lib/list';
import { CompanySelect } from '@renderer/lib/pickers/CompanySelect';
import { useCan } from '@renderer/lib/session';
import { useFormat } from '@renderer/lib/useFormat';
import { useClearUrlParams, useUrlId, useUrlText } from '@renderer/lib/useUrlParam';
import { RETURNS_TABLE, useClientReturns } from '../api';
import { ReturnConditionBadge } from '../Badges';

type SortColumn = 'createdAt' | 'number';

function returnColumns(t: TFunction<readonly ['sales', 'common']>, f: ReturnType<typeof useFormat>): ListColumn<ClientReturnSummary>[] {
  return [
    { accessor: 'number', title: t('returns.number'), sortable: true, noWrap: true, alwaysShown: true, link: true },
    { accessor: 'createdAt', title: t('returns.date'), sortable: true, noWrap: true, render: (r) => f.dateTime(r.createdAt) },
    { accessor: 'companyName', title: t('returns.client'), truncate: 200 },
    { accessor: 'locationName', title: t('returns.location'), truncate: 160 },
    { accessor: 'condition', title: t('returns.condition'), csv: { labels: csvLabels(returnConditions, (c) => t(`returns.conditions.${c}`)) }, render: (r) => <ReturnConditionBadge condition={r.condition} /> },
    { accessor: 'units', title: t('returns.units'), textAlign: 'right', render: (r) => f.qty(r.units) },
    { accessor: 'reason', title: t('returns.reason'), truncate: 240 },
    {
      accessor: 'creditAmount',
      title: t('returns.credit'),
      textAlign: 'right',
      noWrap: true,
      render: (r) => (r.creditAmount === null ? t('returns.noCredit') : <Money value={-r.creditAmount} />),
    },
    { accessor: 'userName', title: t('returns.user'), truncate: 140 },
  ];
}

export function ReturnsPage() {
  const { t } = useTranslation(['sales', 'common']);
  const f = useFormat();
  const canReturn = useCan('stock.deliver');
  const [q, setQ, qText] = useUrlText('q');
  const [companyId, setCompanyId] = useUrlId('companyId');
  const filters = { q: qText || undefined, companyId: companyId ?? undefined };
  const table = useServerTable<SortColumn>({ ...RETURNS_TABLE, filters });
  const view = useListView({ id: 'sales.returns', columns: returnColumns(t, f), filtered: isFiltered(filters), onClearFilters: useClearUrlParams('q', 'companyId') });
  return (
    <ListPage
      title={t('returns.title')}
      description={t('returns.description')}
      actions={
        canReturn ? (
          <Button component={Link} to="/sales/returns/new" leftSection={<IconPlus size={16} />}>
            {t('returns.newReturn')}
          </Button>
        ) : undefined
      }
      view={view}
      filters={
        <>
          <TextInput label={t('common:search')} placeholder={t('returns.searchPlaceholder')} leftSection={<IconSearch size={16} />} value={q} onChange={(e) => setQ(e.currentTarget.value)} w={240} />
          <CompanySelect role="client" label={t('returns.client')} placeholder={t('returns.anyClient')} clearable value={companyId} onChange={setCompanyId} w={220} />
        </>
      }
    >
      <QueryTable
        testId="returns"
        view={view}
        table={table}
        useRows={useClientReturns}
        input={{ ...table.input, ...filters }}
        rowHref={(r) => `/sales/returns/${r.id}`}
        empty={{ icon: IconArrowBackUp, title: t('returns.emptyTitle'), description: t('returns.emptyText') }}
      />
    </ListPage>
  );
}
