import { Button, Group, Switch } from '@mantine/core';
import { IconPackages, IconPlus, IconTag } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InventoryProduct } from '@shared/contract/stock';
import { PrintLabelsModal } from '@renderer/lib/labels/PrintLabelsModal';
import { isFiltered, ListPage, SearchFilter, QueryTable, useListView, useServerTable } from '@renderer/lib/list';
import { LocationSelect } from '@renderer/lib/pickers/LocationSelect';
import { ProductSelect } from '@renderer/lib/pickers/ProductSelect';
import { useCan } from '@renderer/lib/session';
import { SetupBanner, usePrerequisiteEmpty } from '@renderer/lib/setup';
import { useClearUrlParams, useUrlId, useUrlParam, useUrlText } from '@renderer/lib/useUrlParam';
import { ITEMS_TABLE, useInventoryProducts } from '../api';
import { AddStockModal } from './AddStockModal';
import { InventoryProductModal } from './InventoryProductModal';
import { ItemActions, type ItemDialog } from './ItemActions';
import { itemColumns } from './itemColumns';
import { RemoveStockModal } from './RemoveStockModal';

type SortColumn = 'sku' | 'productName' | 'locationName' | 'bin' | 'onHand' | 'available' | 'min' | 'max';

/** Inventory products: every product stocked at a location, with its quantities and min/max. */
export function ItemsPage() {
  const { t } = useTranslation(['stock', 'common', 'labels']);
  const canEdit = useCan('inventory.edit');
  const canSeeCosts = useCan('costs.view');
  const [productId, setProductId] = useUrlId('productId');
  const [locationId, setLocationId] = useUrlId('locationId');
  const [belowMinParam, setBelowMin] = useUrlParam('belowMin');
  const belowMin = belowMinParam === '1';
  const [q, setQ, search] = useUrlText('q');
  const filters = { q: search || undefined, productId: productId ?? undefined, locationId: locationId ?? undefined, belowMin: belowMin || undefined };
  const table = useServerTable<SortColumn>({ ...ITEMS_TABLE, filters });
  const [dialog, setDialog] = useState<{ kind: ItemDialog | 'create'; row: InventoryProduct | null } | null>(null);
  // Rows ticked for labels, kept across pages and filters until printed or cleared.
  const [selected, setSelected] = useState<InventoryProduct[]>([]);
  const [labelling, setLabelling] = useState<InventoryProduct[] | null>(null);
  const close = () => setDialog(null);
  const view = useListView({
    id: 'stock.items',
    columns: itemColumns(t, canSeeCosts, (row) => <ItemActions row={row} onOpen={(kind, r) => setDialog({ kind, row: r })} />),
    filtered: isFiltered(filters),
    onClearFilters: useClearUrlParams('q', 'productId', 'locationId', 'belowMin'),
  });
  const stockButton = canEdit && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog({ kind: 'create', row: null })}>
      {t('items.stockProduct')}
    </Button>
  );

  const labelsButton = (
    <Button variant="default" leftSection={<IconTag size={16} />} disabled={selected.length === 0} onClick={() => setLabelling(selected)}>
      {selected.length > 0 ? t('labels:actionCount', { count: selected.length }) : t('labels:action')}
    </Button>
  );
  const clearButton = selected.length > 0 && (
    <Button variant="subtle" onClick={() => setSelected([])}>
      {t('labels:clearSelection')}
    </Button>
  );

  // Stock needs a location and a product first: an empty office is led to them.
  const firstNeed = usePrerequisiteEmpty(['locations', 'products']);
  return (
    <ListPage
      title={t('items.title')}
      banner={<SetupBanner />}
      // Nothing can be stocked before a location and a product exist: the empty state leads there instead.
      actions={
        firstNeed ? undefined : (
          <Group gap="sm">
            {clearButton}
            {labelsButton}
            {stockButton}
          </Group>
        )
      }
      view={view}
      filters={
        <>
          <SearchFilter label={t('common:search')} placeholder={t('items.searchPlaceholder')} value={q} onChange={setQ} />
          <ProductSelect value={productId} onChange={(p) => setProductId(p?.id ?? null)} placeholder={t('common.anyProduct')} w={280} />
          <LocationSelect value={locationId} onChange={setLocationId} placeholder={t('common.allLocations')} clearable w={220} />
          <Switch label={t('items.belowMin')} checked={belowMin} onChange={(e) => setBelowMin(e.currentTarget.checked ? '1' : '')} mb={8} />
        </>
      }
    >
      <QueryTable
        testId="inventory-products"
        view={view}
        table={table}
        useRows={useInventoryProducts}
        input={{ ...table.input, ...filters }}
        rowHref={(row) => `/catalog/products/${row.productId}`}
        clickRows={false}
        extra={{
          selectedRecords: selected,
          onSelectedRecordsChange: setSelected,
          allRecordsSelectionCheckboxProps: { 'aria-label': t('labels:selectPage') },
          getRecordSelectionCheckboxProps: (r) => ({ 'aria-label': t('labels:selectRow', { name: `${r.sku} · ${r.locationName}` }) }),
        }}
        empty={firstNeed ?? { icon: IconPackages, title: t('items.emptyTitle'), description: t('items.emptyText'), action: stockButton }}
      />
      {dialog?.kind === 'create' && <InventoryProductModal editing={null} preset={{ productId, locationId }} onClose={close} />}
      {dialog?.kind === 'edit' && dialog.row && <InventoryProductModal editing={dialog.row} onClose={close} />}
      {dialog?.kind === 'add' && dialog.row && <AddStockModal row={dialog.row} onClose={close} />}
      {dialog?.kind === 'remove' && dialog.row && <RemoveStockModal row={dialog.row} onClose={close} />}
      {dialog?.kind === 'labels' && dialog.row && <PrintLabelsModal targets={{ productIds: [dialog.row.productId], codes: [dialog.row.sku] }} onClose={close} />}
      {labelling && <PrintLabelsModal targets={{ productIds: labelling.map((r) => r.productId), codes: labelling.map((r) => r.sku) }} onClose={() => setLabelling(null)} />}
    </ListPage>
  );
}
