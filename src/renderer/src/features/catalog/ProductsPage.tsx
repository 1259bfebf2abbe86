// The product catalogue: search, filter by category / serialized / active, sort, page. The filters
// live in the address (the categories screen links here with its category chosen).
import { Button, Group, Select, Text } from '@mantine/core';
import { IconCheck, IconFileImport, IconPackage, IconPlus, IconTag } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Product } from '@shared/contract/catalog';
import { Money, Qty } from '@renderer/lib/Amount';
import { useModuleOn } from '@renderer/lib/activations';
import { PrintLabelsModal } from '@renderer/lib/labels/PrintLabelsModal';
import { activeColumn, isFiltered, ListPage, SearchFilter, QueryTable, useListView, useServerTable, type ListColumn } from '@renderer/lib/list';
import { useCan } from '@renderer/lib/session';
import { useClearUrlParams, useUrlId, useUrlParam, useUrlText } from '@renderer/lib/useUrlParam';
import { PRODUCTS_TABLE, useCategories, useProducts } from './api';

type SortKey = 'sku' | 'name' | 'category' | 'unitCost' | 'unitPrice' | 'onHand';
type YesNo = 'yes' | 'no' | 'all';

const yesNoOf = (value: string, absent: YesNo): YesNo => (value === 'yes' || value === 'no' || value === 'all' ? value : absent);
const toFlag = (v: YesNo): boolean | undefined => (v === 'all' ? undefined : v === 'yes');

export function ProductsPage() {
  const { t } = useTranslation(['catalog', 'common', 'labels', 'imports']);
  const canManage = useCan('catalog.manage');
  // Labels are Inventory's: ticked products get theirs from the Print labels dialog.
  const canViewStock = useCan('inventory.view');
  const inventoryOn = useModuleOn('inventory');
  const canLabel = canViewStock && inventoryOn;
  const [selected, setSelected] = useState<Product[]>([]);
  const [labelling, setLabelling] = useState<Product[] | null>(null);
  const canSeeCosts = useCan('costs.view');
  const [search, setSearch, q] = useUrlText('q');
  const [categoryId, setCategoryId] = useUrlId('categoryId');
  const [serializedParam, setSerialized] = useUrlParam('serialized');
  const [activeParam, setActive] = useUrlParam('active');
  // Active products unless the address says otherwise (PRODUCTS_RESTING_FILTERS: the prefetch's).
  const serialized = yesNoOf(serializedParam, 'all');
  const active = yesNoOf(activeParam, 'yes');
  const filters = { q: q || undefined, categoryId: categoryId ?? undefined, serialized: toFlag(serialized), active: toFlag(active) };
  const table = useServerTable<SortKey>({ ...PRODUCTS_TABLE, filters });
  const categories = useCategories();
  const newButton = canManage && (
    <Button component={Link} to="/catalog/products/new" leftSection={<IconPlus size={16} />}>
      {t('products.new')}
    </Button>
  );
  const yesNo = [
    { value: 'all', label: t('common:all') },
    { value: 'yes', label: t('common:yes') },
    { value: 'no', label: t('common:no') },
  ];
  const columns: ListColumn<Product>[] = [
    { accessor: 'sku', title: t('fields.sku'), sortable: true, noWrap: true, alwaysShown: true, render: (p) => <Text span inherit ff="monospace">{p.sku}</Text> },
    { accessor: 'name', title: t('fields.name'), sortable: true, link: true, truncate: 320, fullText: (p) => p.name },
    { accessor: 'categoryName', sortKey: 'category', title: t('fields.category'), sortable: true, truncate: 180, render: (p) => p.categoryName ?? '—' },
    { accessor: 'unitCost', title: t('fields.unitCost'), sortable: true, textAlign: 'right', noWrap: true, hidden: !canSeeCosts, render: (p) => <Money value={p.unitCost} /> },
    { accessor: 'unitPrice', title: t('fields.unitPrice'), sortable: true, textAlign: 'right', noWrap: true, render: (p) => <Money value={p.unitPrice} /> },
    { accessor: 'onHand', title: t('fields.onHand'), sortable: true, textAlign: 'right', render: (p) => <Qty value={p.onHand} /> },
    {
      accessor: 'serialized',
      title: t('fields.serialized'),
      noWrap: true,
      textAlign: 'center',
      render: (p) => (p.serialized ? <IconCheck size={16} aria-label={t('common:yes')} /> : <Text span c="dimmed">—</Text>),
    },
    activeColumn(t('fields.active')),
  ];
  const view = useListView({
    id: 'catalog.products',
    columns,
    filtered: isFiltered(filters, { active: true }),
    onClearFilters: useClearUrlParams('q', 'categoryId', 'serialized', 'active'),
  });

  return (
    <ListPage
      title={t('products.title')}
      description={t('products.description')}
      actions={
        <Group gap="sm">
          {canLabel && selected.length > 0 && (
            <Button variant="subtle" onClick={() => setSelected([])}>
              {t('labels:clearSelection')}
            </Button>
          )}
          {canLabel && (
            <Button variant="default" leftSection={<IconTag size={16} />} disabled={selected.length === 0} onClick={() => setLabelling(selected)}>
              {selected.length > 0 ? t('labels:actionCount', { count: selected.length }) : t('labels:action')}
            </Button>
          )}
          {canManage && (
            <Button component={Link} to="/admin/import?kind=products" variant="default" leftSection={<IconFileImport size={16} />}>
              {t('imports:open')}
            </Button>
          )}
          {newButton}
        </Group>
      }
      view={view}
      filters={
        <>
          <SearchFilter label={t('products.search')} placeholder={t('products.searchPlaceholder')} value={search} onChange={setSearch} w={320} />
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
          <Select label={t('fields.serialized')} allowDeselect={false} data={yesNo} value={serialized} onChange={(v) => setSerialized(v === 'all' || !v ? '' : v)} w={140} />
          <Select label={t('fields.active')} allowDeselect={false} data={yesNo} value={active} onChange={(v) => setActive(v === 'yes' || !v ? '' : v)} w={140} />
        </>
      }
    >
      <QueryTable
        testId="products-table"
        view={view}
        table={table}
        useRows={useProducts}
        input={{ ...table.input, ...filters }}
        rowHref={(p) => `/catalog/products/${p.id}`}
        extra={
          canLabel
            ? {
                selectedRecords: selected,
                onSelectedRecordsChange: setSelected,
                allRecordsSelectionCheckboxProps: { 'aria-label': t('labels:selectPage') },
                getRecordSelectionCheckboxProps: (p) => ({ 'aria-label': t('labels:selectRow', { name: p.sku }) }),
              }
            : undefined
        }
        empty={{ icon: IconPackage, title: t('products.empty'), description: t('products.emptyHint'), action: newButton }}
      />
      {labelling && <PrintLabelsModal targets={{ productIds: labelling.map((p) => p.id), codes: labelling.map((p) => p.sku) }} onClose={() => setLabelling(null)} />}
    </ListPage>
  );
}
