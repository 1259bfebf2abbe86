// Opportunities: possible sales to clients, each with its quote and the units reserved for it, newest first.
// /sales/opportunities
import { Button, Group, Select, Text } from '@mantine/core';
import { IconBulb, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { opportunityStatuses, type Opportunity } from '@shared/contract/sales';
import { isFiltered, ListPage, QueryTable, SearchFilter, useListView, useServerTable } from '@renderer/lib/list';
import { CompanySelect } from '@renderer/lib/pickers/CompanySelect';
import { useCan } from '@renderer/lib/session';
import { useFormat } from '@renderer/lib/useFormat';
import { useClearUrlParams, useUrlId, useUrlParam, useUrlText } from '@renderer/lib/useUrlParam';
import { OPPORTUNITIES_TABLE, useOpportunities } from '../api';
import { opportunityColumns } from './opportunityColumns';
import { OpportunityFormModal } from './OpportunityFormModal';

type SortColumn = 'number' | 'createdAt' | 'expectedClose' | 'companyName';
const isStatus = (v: string): v is Opportunity['status'] => (opportunityStatuses as readonly string[]).includes(v);

export function OpportunitiesPage() {
  const { t } = useTranslation(['sales', 'common']);
  const f = useFormat();
  const navigate = useNavigate();
  const canManage = useCan('sales.manage');
  const [q, setQ, search] = useUrlText('q');
  const [status, setStatus] = useUrlParam('status');
  const [companyId, setCompanyId] = useUrlId('companyId');
  // A product's Reserved figure (Inventory products) opens the opportunities holding it there.
  const [reservingProductId] = useUrlId('reservingProductId');
  const [reservingLocationId] = useUrlId('reservingLocationId');
  const showAll = useClearUrlParams('reservingProductId', 'reservingLocationId');
  const [creating, setCreating] = useState(false);
  const filters = {
    q: search || undefined,
    statuses: isStatus(status) ? [status] : undefined,
    companyId: companyId ?? undefined,
    reservingProductId: reservingProductId ?? undefined,
    reservingLocationId: reservingProductId !== null ? (reservingLocationId ?? undefined) : undefined,
  };
  const table = useServerTable<SortColumn>({ ...OPPORTUNITIES_TABLE, filters });
  const view = useListView({
    id: 'sales.opportunities',
    columns: opportunityColumns(t, f),
    filtered: isFiltered(filters),
    onClearFilters: useClearUrlParams('q', 'status', 'companyId', 'reservingProductId', 'reservingLocationId'),
  });
  const newButton = canManage && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
      {t('opportunities.new')}
    </Button>
  );
  return (
    <ListPage
      title={t('opportunities.title')}
      description={t('opportunities.description')}
      actions={newButton}
      view={view}
      filters={
        <>
          <SearchFilter label={t('common:search')} placeholder={t('opportunities.searchPlaceholder')} value={q} onChange={setQ} w={240} />
          <Select
            label={t('opportunities.status')}
            placeholder={t('opportunities.anyStatus')}
            data={opportunityStatuses.map((s) => ({ value: s, label: t(`opportunityStatus.${s}`) }))}
            value={isStatus(status) ? status : null}
            onChange={(v) => setStatus(v ?? '')}
            clearable
            w={160}
          />
          <CompanySelect role="client" label={t('opportunities.client')} placeholder={t('containers.anyClient')} clearable value={companyId} onChange={setCompanyId} w={220} />
          {reservingProductId !== null && (
            <Group gap="xs" align="center" mt="lg">
              <Text size="sm" c="dimmed">
                {t('opportunities.reservingFilter')}
              </Text>
              <Button variant="subtle" size="compact-sm" onClick={showAll}>
                {t('opportunities.showAll')}
              </Button>
            </Group>
          )}
        </>
      }
    >
      <QueryTable
        testId="opportunities"
        view={view}
        table={table}
        useRows={useOpportunities}
        input={{ ...table.input, ...filters }}
        rowHref={(o) => `/sales/opportunities/${o.id}`}
        empty={{ icon: IconBulb, title: t('opportunities.emptyTitle'), description: t('opportunities.emptyText'), action: newButton }}
      />
      {creating && <OpportunityFormModal editing={null} preset={{ companyId }} onClose={() => setCreating(false)} onCreated={(o) => navigate(`/sales/opportunities/${o.id}`)} />}
    </ListPage>
  );
}
