// The product catalogue: search, filter by category / serialized / active, sort, page.
import { Anchor, Badge, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCheck, IconPackage, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Product } from '@shared/contract/catalog';
import { Money, Qty } from '@renderer/lib/Amount';
import { EmptyState } from '@renderer/lib/EmptyState';
import { PageHeader } from '@renderer/lib/PageHeader';
import { ServerTable, useServerTable } from '@renderer/lib/ServerTable';
import { useCan } from '@renderer/lib/session';
import { useCategories, useProducts } from './api';

type SortKey = 'sku' | 'name' | 'category' | 'unitCost' | 'unitPrice' | 'onHand';
type YesNo = 'yes' | 'no' | 'all';

const toFlag = (v: YesNo): boolean | undefined => (v === 'all' ? undefined : v === 'yes');

export function ProductsPage() {
  const { t } = useTranslation(['catalog', 'common']);
  const navigate = useNavigate();
  const canManage = useCan('catalog.manage');
  const canSeeCosts = useCan('costs.view');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [params] = useSearchParams();
  // The categories screen links here with its category (and for its inactive count, active=no) chosen.
  const [categoryId, setCategoryId] = useState<number | null>(() => Number(params.get('categoryId')) || null);
  const [serialized, setSerialized] = useState<YesNo>('all');
  const [active, setActive] = useState<YesNo>(() => (params.get('active') === 'no' ? 'no' : params.get('active') === 'all' ? 'all' : 'yes'));
  const filters = { q: q || undefined, categoryId: categoryId ?? undefined, serialized: toFlag(serialized), active: toFlag(active) };
  const table = useServerTable<SortKey>({ sortBy: 'name', filters });
  const list = useProducts({ ...table.input, ...filters });
  const categories = useCategories();
  const filtered = q !== '' || categoryId !== null || serialized !== 'all' || active !== 'yes';
  const clear = () => {
    setSearch('');
    setCategoryId(null);
    setSerialized('all');
    setActive('yes');
  };
  const newButton = canManage && (
    <Button component={Link} to="/catalog/products/new" leftSection={<IconPlus size={16} />}>
      {t('products.new')}
    </Button>
  );
  const yesNo = (all: string): { value: YesNo; label: string }[] => [
    { value: 'all', label: all },
    { value: 'yes', label: t('common:yes') },
    { value: 'no', label: t('common:no') },
  ];

  return (
    <Stack gap="md">
      <PageHeader title={t('products.title')} description={t('products.description')} actions={newButton} />
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t('products.search')}
          placeholder={t('products.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={320}
        />
        <Select<number>
          label={t('fields.category')}
          placeholder={t('products.anyCategory')}
          clearable
          searchable
          data={(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={categoryId}
          onChange={setCategoryId}
          w={200}
        />
        <Select<YesNo> label={t('fields.serialized')} allowDeselect={false} data={yesNo(t('common:all'))} value={serialized} onChange={(v) => setSerialized(v ?? 'all')} w={140} />
        <Select<YesNo> label={t('fields.active')} allowDeselect={false} data={yesNo(t('common:all'))} value={active} onChange={(v) => setActive(v ?? 'yes')} w={140} />
        {filtered && (
          <Button variant="subtle" onClick={clear}>
            {t('common:actions.clearFilters')}
          </Button>
        )}
      </Group>
      <ServerTable<Product, SortKey>
        testId="products-table"
        table={table}
        result={list.data}
        fetching={list.isFetching}
        error={list.error}
        onRowClick={(p) => navigate(`/catalog/products/${p.id}`)}
        emptyState={
          filtered ? (
            <EmptyState icon={IconSearch} title={t('products.noMatch')} action={<Button variant="default" onClick={clear}>{t('common:actions.clearFilters')}</Button>} />
          ) : (
            <EmptyState icon={IconPackage} title={t('products.empty')} description={t('products.emptyHint')} action={newButton} />
          )
        }
        columns={[
          { accessor: 'sku', title: t('fields.sku'), sortable: true, render: (p) => <Text size="sm" ff="monospace">{p.sku}</Text> },
          {
            accessor: 'name',
            title: t('fields.name'),
            sortable: true,
            // A real link, so the keyboard (Tab, Enter) opens a product as the mouse does.
            render: (p) => (
              <Anchor component={Link} to={`/catalog/products/${p.id}`} size="sm" c="inherit" onClick={(e) => e.stopPropagation()}>
                {p.name}
              </Anchor>
            ),
          },
          { accessor: 'categoryName', sortKey: 'category', title: t('fields.category'), sortable: true, render: (p) => p.categoryName ?? '—' },
          { accessor: 'unitCost', title: t('fields.unitCost'), sortable: true, textAlign: 'right', hidden: !canSeeCosts, render: (p) => <Money value={p.unitCost} /> },
          { accessor: 'unitPrice', title: t('fields.unitPrice'), sortable: true, textAlign: 'right', render: (p) => <Money value={p.unitPrice} /> },
          { accessor: 'onHand', title: t('fields.onHand'), sortable: true, textAlign: 'right', render: (p) => <Qty value={p.onHand} /> },
          {
            accessor: 'serialized',
            title: t('fields.serialized'),
            noWrap: true,
            textAlign: 'center',
            render: (p) => (p.serialized ? <IconCheck size={16} aria-label={t('common:yes')} /> : <Text span c="dimmed">—</Text>),
          },
          {
            accessor: 'active',
            title: t('fields.active'),
            noWrap: true,
            render: (p) => (
              <Badge variant="light" color={p.active ? 'teal' : 'gray'}>
                {p.active ? t('common:active') : t('common:inactive')}
              </Badge>
            ),
          },
        ]}
      />
    </Stack>
  );
}
