// Client companies and vendors: search by name, filter by role, create and edit.
// /catalog/companies?id=… (a row's link, the global search) opens that company.
import { Badge, Button, Group, SegmentedControl, Switch } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBuilding, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Company } from '@shared/contract/catalog';
import { activeColumn, isFiltered, ListPage, SearchFilter, QueryTable, useListView, useServerTable, type ListColumn } from '@renderer/lib/list';
import { AppLink } from '@renderer/lib/AppLink';
import { useCan } from '@renderer/lib/session';
import { COMPANIES_RESTING_FILTERS, COMPANIES_TABLE, useCompanies, useCompany } from './api';
import { CompanyFormModal } from './CompanyFormModal';

type Role = 'any' | 'vendor' | 'client';

export function CompaniesPage() {
  const { t } = useTranslation(['catalog', 'common', 'sales']);
  const canManage = useCan('catalog.manage');
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [role, setRole] = useState<Role>(COMPANIES_RESTING_FILTERS.role);
  const [includeInactive, setIncludeInactive] = useState<boolean>(COMPANIES_RESTING_FILTERS.includeInactive);
  const filters = { q: q || undefined, role, includeInactive };
  const table = useServerTable<'name' | 'city'>({ ...COMPANIES_TABLE, filters });
  const [creating, setCreating] = useState(false);
  const linkedId = Number(params.get('id')) || null;
  const linked = useCompany(linkedId);
  const open = creating ? 'new' : linkedId !== null && linked.data ? linked.data : null;
  const close = () => {
    setCreating(false);
    if (linkedId !== null) setParams({}, { replace: true });
  };
  const newButton = canManage && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
      {t('companies.new')}
    </Button>
  );
  const columns: ListColumn<Company>[] = [
    { accessor: 'name', title: t('companies.fields.name'), sortable: true, alwaysShown: true, link: true, truncate: 280, fullText: (c) => c.name },
    {
      accessor: 'roles',
      title: t('companies.role'),
      noWrap: true,
      // A badge per role: in a file, a yes-or-no column per role.
      csv: [
        { field: 'isClient', header: t('companies.roles.client') },
        { field: 'isVendor', header: t('companies.roles.vendor') },
      ],
      render: (c) => (
        <Group gap={4} wrap="nowrap">
          {c.isClient && <Badge variant="light">{t('companies.roles.client')}</Badge>}
          {c.isVendor && (
            <Badge variant="light" color="grape">
              {t('companies.roles.vendor')}
            </Badge>
          )}
        </Group>
      ),
    },
    { accessor: 'contactName', title: t('companies.fields.contactName'), truncate: 180, render: (c) => c.contactName ?? '—' },
    { accessor: 'phone', title: t('companies.fields.phone'), noWrap: true, render: (c) => c.phone ?? '—' },
    { accessor: 'email', title: t('companies.fields.email'), truncate: 220, render: (c) => c.email ?? '—' },
    { accessor: 'city', title: t('companies.fields.city'), sortable: true, truncate: 160, render: (c) => c.city ?? '—' },
    activeColumn(t('companies.fields.active')),
    {
      accessor: 'sales',
      title: t('sales:clients.open'),
      noWrap: true,
      // A link to the client's page.
      csv: false,
      render: (c) =>
        c.isClient ? (
          <AppLink className="app-row-link" to={`/sales/clients/${c.id}`} aria-label={`${t('sales:clients.open')}: ${c.name}`}>
            {t('sales:clients.open')}
          </AppLink>
        ) : null,
    },
  ];
  const view = useListView({
    id: 'catalog.companies',
    columns,
    filtered: isFiltered(filters, { role: 'any' }),
    onClearFilters: () => {
      setSearch('');
      setRole('any');
      setIncludeInactive(false);
    },
  });

  return (
    <ListPage
      title={t('companies.title')}
      description={t('companies.description')}
      actions={newButton}
      view={view}
      filters={
        <>
          <SearchFilter label={t('companies.search')} placeholder={t('companies.searchPlaceholder')} value={search} onChange={setSearch} w={300} />
          <SegmentedControl<Role>
            aria-label={t('companies.role')}
            value={role}
            onChange={setRole}
            data={[
              { value: 'any', label: t('companies.roles.any') },
              { value: 'client', label: t('companies.roles.client') },
              { value: 'vendor', label: t('companies.roles.vendor') },
            ]}
          />
          <Switch label={t('companies.showInactive')} checked={includeInactive} onChange={(e) => setIncludeInactive(e.currentTarget.checked)} mb={6} />
        </>
      }
    >
      <QueryTable
        testId="companies-table"
        view={view}
        table={table}
        useRows={useCompanies}
        input={{ ...table.input, ...filters }}
        // The company opens in a dialog over the list, from an address of its own (?id=).
        rowHref={(c) => `/catalog/companies?id=${c.id}`}
        empty={{ icon: IconBuilding, title: t('companies.empty'), description: t('companies.emptyHint'), action: newButton }}
      />
      {open !== null && <CompanyFormModal key={open === 'new' ? 'new' : open.id} company={open === 'new' ? null : open} defaultRole={role} readOnly={!canManage} onClose={close} />}
    </ListPage>
  );
}
