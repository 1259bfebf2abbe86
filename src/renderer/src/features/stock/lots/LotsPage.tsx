import { ActionIcon, Button, Group, Text, Tooltip } from '@mantine/core';
import { IconBarcode, IconPackageExport, IconPencil, IconTag } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Lot } from '@shared/contract/stock';
import { Money, Qty } from '@renderer/lib/Amount';
import { AppLink } from '@renderer/lib/AppLink';
import { PrintLabelsModal } from '@renderer/lib/labels/PrintLabelsModal';
import { isFiltered, ListPage, SearchFilter, QueryTable, useListView, useServerTable, type ListColumn } from '@renderer/lib/list';
import { LocationSelect } from '@renderer/lib/pickers/LocationSelect';
import { ProductSelect } from '@renderer/lib/pickers/ProductSelect';
import { useCan } from '@renderer/lib/session';
import { useFormat } from '@renderer/lib/useFormat';
import { useClearUrlParams, useUrlId, useUrlText } from '@renderer/lib/useUrlParam';
import { LOTS_TABLE, useLots } from '../api';
import { EditSerialModal } from './EditSerialModal';
import { usePrerequisiteEmpty } from '@renderer/lib/setup';

type SortColumn = 'receivedAt' | 'serialNumber' | 'sku' | 'locationName' | 'qty';

/** Stocked items: the batches and serialized units on hand, with the cost each one keeps. The SKU opens the product. */
export function LotsPage() {
  const { t } = useTranslation(['stock', 'labels']);
  const f = useFormat();
  const canEdit = useCan('inventory.edit');
  const canReturn = useCan('purchasing.manage');
  const canSeeCosts = useCan('costs.view');
  const [serial, setSerial, serialParam] = useUrlText('serial');
  const [productId, setProductId] = useUrlId('productId');
  const [locationId, setLocationId] = useUrlId('locationId');
  const filters = { serial: serialParam || undefined, productId: productId ?? undefined, locationId: locationId ?? undefined };
  const table = useServerTable<SortColumn>({ ...LOTS_TABLE, filters });
  const [editing, setEditing] = useState<Lot | null>(null);
  // Units ticked for labels, kept across pages and filters until cleared.
  const [selected, setSelected] = useState<Lot[]>([]);
  const [labelling, setLabelling] = useState<Lot[] | null>(null);

  const columns: ListColumn<Lot>[] = [
    {
      // First, so the action stays in view when the table scrolls sideways.
      accessor: 'actions',
      title: '',
      width: 80,
      render: (l) =>
        l.serialNumber !== null && (
          <Group gap={2} wrap="nowrap">
            {canEdit && (
              <Tooltip label={t('lots.editSerial')}>
                <ActionIcon variant="subtle" onClick={() => setEditing(l)} aria-label={t('lots.editSerialOf', { serial: l.serialNumber })}>
                  <IconPencil size={16} />
                </ActionIcon>
              </Tooltip>
            )}
            {canReturn && l.allocated === 0 && (
              <Tooltip label={t('lots.returnToVendor')}>
                <ActionIcon
                  variant="subtle"
                  component={Link}
                  to={`/purchasing/vendor-returns/new?${new URLSearchParams({ locationId: String(l.locationId), serial: l.serialNumber, ...(l.vendorId ? { vendorId: String(l.vendorId) } : {}) }).toString()}`}
                  aria-label={t('lots.returnToVendorOf', { serial: l.serialNumber })}
                >
                  <IconPackageExport size={16} />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
        ),
    },
    {
      accessor: 'serialNumber',
      title: t('columns.serial'),
      sortable: true,
      alwaysShown: true,
      noWrap: true,
      render: (l) =>
        l.serialNumber ?? (
          <Text span size="sm" c="dimmed">
            {t('lots.noSerial')}
          </Text>
        ),
    },
    { accessor: 'sku', title: t('columns.sku'), sortable: true, noWrap: true, link: true },
    { accessor: 'productName', title: t('columns.product'), truncate: 220 },
    { accessor: 'locationName', title: t('columns.location'), sortable: true, truncate: 160 },
    { accessor: 'qty', title: t('columns.qty'), textAlign: 'right', sortable: true, render: (l) => <Qty value={l.qty} /> },
    {
      accessor: 'allocated',
      title: t('columns.allocated'),
      textAlign: 'right',
      noWrap: true,
      // What holds the units, beside how many.
      csv: [
        {},
        { field: 'heldByChargeNumber', header: t('columns.heldByCharge') },
        { field: 'heldByOpportunityNumber', header: t('columns.heldByOpportunity') },
        { field: 'heldByRmaNumber', header: t('columns.heldByRma') },
      ],
      render: (l) => (
        <>
          <Qty value={l.allocated} />
          {l.heldByChargeId !== null && (
            <AppLink className="app-row-link app-cell-small" to={`/sales/charges/${l.heldByChargeId}`}>
              {l.heldByChargeNumber}
            </AppLink>
          )}
          {l.heldByOpportunityId !== null && (
            <AppLink className="app-row-link app-cell-small" to={`/sales/opportunities/${l.heldByOpportunityId}`}>
              {l.heldByOpportunityNumber}
            </AppLink>
          )}
          {l.heldByRmaId !== null && (
            <AppLink className="app-row-link app-cell-small" to={`/sales/rma/${l.heldByRmaId}`}>
              {l.heldByRmaNumber}
            </AppLink>
          )}
        </>
      ),
    },
    { accessor: 'unitCost', title: t('columns.unitCost'), textAlign: 'right', noWrap: true, hidden: !canSeeCosts, render: (l) => <Money value={l.unitCost} /> },
    { accessor: 'receivedAt', title: t('columns.received'), sortable: true, noWrap: true, render: (l) => f.date(l.receivedAt) },
    { accessor: 'vendorName', title: t('columns.vendor'), truncate: 180, render: (l) => l.vendorName ?? '' },
    { accessor: 'vendorInvoiceNumber', title: t('columns.invoice'), truncate: 140, render: (l) => l.vendorInvoiceNumber ?? '' },
  ];
  const view = useListView({ id: 'stock.lots', columns, filtered: isFiltered(filters), onClearFilters: useClearUrlParams('serial', 'productId', 'locationId') });

  const firstNeed = usePrerequisiteEmpty(['locations', 'products']);
  return (
    <ListPage
      title={t('lots.title')}
      actions={
        <Group gap="sm">
          {selected.length > 0 && (
            <Button variant="subtle" onClick={() => setSelected([])}>
              {t('labels:clearSelection')}
            </Button>
          )}
          <Button variant="default" leftSection={<IconTag size={16} />} disabled={selected.length === 0} onClick={() => setLabelling(selected)}>
            {selected.length > 0 ? t('labels:actionCount', { count: selected.length }) : t('labels:action')}
          </Button>
        </Group>
      }
      view={view}
      filters={
        <>
          <SearchFilter label={t('lots.serialSearch')} placeholder={t('lots.serialPlaceholder')} value={serial} onChange={setSerial} data-testid="lot-serial-search" w={240} />
          <ProductSelect value={productId} onChange={(p) => setProductId(p?.id ?? null)} placeholder={t('common.anyProduct')} w={280} />
          <LocationSelect value={locationId} onChange={setLocationId} placeholder={t('common.allLocations')} clearable w={220} />
        </>
      }
    >
      <QueryTable
        testId="lots"
        view={view}
        table={table}
        useRows={useLots}
        input={{ ...table.input, ...filters }}
        idAccessor={(l) => `${l.lotId}-${l.locationId}`}
        rowHref={(l) => `/catalog/products/${l.productId}`}
        clickRows={false}
        extra={{
          selectedRecords: selected,
          onSelectedRecordsChange: setSelected,
          allRecordsSelectionCheckboxProps: { 'aria-label': t('labels:selectPage') },
          getRecordSelectionCheckboxProps: (l) => ({ 'aria-label': t('labels:selectRow', { name: l.serialNumber ?? `${l.sku} · ${l.locationName}` }) }),
        }}
        empty={firstNeed ?? { icon: IconBarcode, title: t('lots.emptyTitle'), description: t('lots.emptyText') }}
      />
      {editing && <EditSerialModal lot={editing} onClose={() => setEditing(null)} />}
      {labelling && <PrintLabelsModal targets={{ lotIds: labelling.map((l) => l.lotId), codes: labelling.map((l) => l.serialNumber ?? l.sku) }} onClose={() => setLabelling(null)} />}
    </ListPage>
  );
}
