import { Button, Select } from '@mantine/core';
import { IconBriefcase, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { containerKinds, containerStatuses, type Container } from '@shared/contract/sales';
import { isFiltered, ListPage, QueryTable, SearchFilter, useListView, useServerTable } from '@renderer/lib/list';
import { CompanySelect } from '@renderer/lib/pickers/CompanySelect';
import { useCan } from '@renderer/lib/session';
import { useFormat } from '@renderer/lib/useFormat';
import { useClearUrlParams, useUrlId, useUrlParam, useUrlText } from '@renderer/lib/useUrlParam';
import { CONTAINERS_TABLE, useContainers } from '../api';
import { containerColumns } from './containerColumns';
import { ContainerFormModal } from './ContainerFormModal';

type SortColumn = 'number' | 'title' | 'companyName' | 'createdAt';
const isKind = (v: string): v is Container['kind'] => (containerKinds as readonly string[]).includes(v);
const isStatus = (v: string): v is Container['status'] => (containerStatuses as readonly string[]).includes(v);

/** Contracts, projects and tickets: what clients are billed on, newest first. */
export function ContainersPage() {
  const { t } = useTranslation(['sales', 'common']);
  const f = useFormat();
  const navigate = useNavigate();
  const canManage = useCan('sales.manage');
  const [q, setQ, search] = useUrlText('q');
  const [kind, setKind] = useUrlParam('kind');
  const [status, setStatus] = useUrlParam('status');
  const [companyId, setCompanyId] = useUrlId('companyId');
  const [creating, setCreating] = useState(false);
  const filters = { q: search || undefined, kind: isKind(kind) ? kind : undefined, status: isStatus(status) ? status : undefined, companyId: companyId ?? undefined };
  const table = useServerTable<SortColumn>({ ...CONTAINERS_TABLE, filters });
  const view = useListView({
    id: 'sales.containers',
    columns: containerColumns(t, f),
    filtered: isFiltered(filters),
    onClearFilters: useClearUrlParams('q', 'kind', 'status', 'companyId'),
  });
  const newButton = canManage && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
      {t('containers.new')}
    </Button>
  );
  return (
    <ListPage
      title={t('containers.title')}
      description={t('containers.description')}
      actions={newButton}
      view={view}
      filters={
        <>
          <SearchFilter label={t('common:search')} placeholder={t('containers.searchPlaceholder')} value={q} onChange={setQ} w={240} />
          <Select
            label={t('containers.kind')}
            placeholder={t('containers.anyKind')}
            data={containerKinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
            value={isKind(kind) ? kind : null}
            onChange={(v) => setKind(v ?? '')}
            clearable
            w={160}
          />
          <Select
            label={t('containers.status')}
            placeholder={t('containers.anyStatus')}
            data={containerStatuses.map((s) => ({ value: s, label: t(`containerStatus.${s}`) }))}
            value={isStatus(status) ? status : null}
            onChange={(v) => setStatus(v ?? '')}
            clearable
            w={160}
          />
          <CompanySelect role="client" label={t('containers.client')} placeholder={t('containers.anyClient')} clearable value={companyId} onChange={setCompanyId} w={220} />
        </>
      }
    >
      <QueryTable
        testId="containers"
        view={view}
        table={table}
        useRows={useContainers}
        input={{ ...table.input, ...filters }}
        rowHref={(c) => `/sales/containers/${c.id}`}
        empty={{ icon: IconBriefcase, title: t('containers.emptyTitle'), description: t('containers.emptyText'), action: newButton }}
      />
      {creating && <ContainerFormModal editing={null} preset={{ companyId }} onClose={() => setCreating(false)} onCreated={(c) => navigate(`/sales/containers/${c.id}`)} />}
    </ListPage>
  );
}
