// Client companies and vendors: search by name, filter by role, create and edit.
// /catalog/companies?id=… (from the global search) opens that company.
import { Badge, Button, Group, SegmentedControl, Stack, Switch, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBuilding, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Company } from '@shared/contract/catalog';
import { EmptyState } from '@renderer/lib/EmptyState';
import { PageHeader } from '@renderer/lib/PageHeader';
import { ServerTable, useServerTable } from '@renderer/lib/ServerTable';
import { useCan } from '@renderer/lib/session';
import { useCompanies, useCompany } from './api';
import { CompanyFormModal } from './CompanyFormModal';

type Role = 'any' | 'vendor' | 'client';

export function CompaniesPage() {
  const { t } = useTranslation(['catalog', 'common']);
  const canManage = useCan('catalog.manage');
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [role, setRole] = useState<Role>('any');
  const [includeInactive, setIncludeInactive] = useState(false);
  const filters = { q: q || undefined, role, includeInactive };
  const table = useServerTable<'name' | 'city'>({ sortBy: 'name', filters });
  const list = useCompanies({ ...table.input, ...filters });
  const [editing, setEditing] = useState<Company | 'new' | null>(null);
  const linkedId = Number(params.get('id')) || null;
  const linked = useCompany(linkedId);
  const open = editing ?? (linkedId !== null && linked.data ? linked.data : null);
  const close = () => {
    setEditing(null);
    if (linkedId !== null) setParams({}, { replace: true });
  };
  const filtered = q !== '' || role !== 'any' || includeInactive;
  const newButton = canManage && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
      {t('companies.new')}
    </Button>
  );

  return (
    <Stack gap="md">
      <PageHeader title={t('companies.title')} description={t('companies.description')} actions={newButton} />
      <Group gap="md" align="flex-end" wrap="wrap">
        <TextInput
          label={t('companies.search')}
          placeholder={t('companies.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={300}
        />
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
      </Group>
      <ServerTable<Company, 'name' | 'city'>
        testId="companies-table"
        table={table}
        result={list.data}
        fetching={list.isFetching}
        error={list.error}
        onRowClick={(c) => setEditing(c)}
        emptyState={
          filtered ? (
            <EmptyState icon={IconSearch} title={t('companies.noMatch')} />
          ) : (
            <EmptyState icon={IconBuilding} title={t('companies.empty')} description={t('companies.emptyHint')} action={newButton} />
          )
        }
        columns={[
          {
            accessor: 'name',
            title: t('companies.fields.name'),
            sortable: true,
            // A button, so the keyboard (Tab, Enter) opens a company as the mouse does.
            render: (c) => (
              <UnstyledButton
                onClick={(e) => {
                  e.stopPropagation();
                  setEditing(c);
                }}
              >
                <Text size="sm" fw={500}>
                  {c.name}
                </Text>
              </UnstyledButton>
            ),
          },
          {
            accessor: 'roles',
            title: t('companies.role'),
            noWrap: true,
            render: (c) => (
              <Group gap={4}>
                {c.isClient && <Badge variant="light">{t('companies.roles.client')}</Badge>}
                {c.isVendor && (
                  <Badge variant="light" color="grape">
                    {t('companies.roles.vendor')}
                  </Badge>
                )}
              </Group>
            ),
          },
          { accessor: 'contactName', title: t('companies.fields.contactName'), render: (c) => c.contactName ?? '—' },
          { accessor: 'phone', title: t('companies.fields.phone'), noWrap: true, render: (c) => c.phone ?? '—' },
          { accessor: 'email', title: t('companies.fields.email'), render: (c) => c.email ?? '—' },
          { accessor: 'city', title: t('companies.fields.city'), sortable: true, render: (c) => c.city ?? '—' },
          {
            accessor: 'active',
            title: t('companies.fields.active'),
            noWrap: true,
            render: (c) => (
              <Badge variant="light" color={c.active ? 'teal' : 'gray'}>
                {c.active ? t('common:active') : t('common:inactive')}
              </Badge>
            ),
          },
        ]}
      />
      {open !== null && <CompanyFormModal key={open === 'new' ? 'new' : open.id} company={open === 'new' ? null : open} defaultRole={role} readOnly={!canManage} onClose={close} />}
    </Stack>
  );
}
