import { ActionIcon, Group, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconBarcode, IconPencil, IconSearch } from '@tabler/icons-react';
import type { DataTableColumn } from 'mantine-datatable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lot } from '@shared/contract/stock';
import { Money, Qty } from '@renderer/lib/Amount';
import { EmptyState } from '@renderer/lib/EmptyState';
import { PageHeader } from '@renderer/lib/PageHeader';
import { ServerTable, useServerTable } from '@renderer/lib/ServerTable';
import { useCan } from '@renderer/lib/session';
import { useFormat } from '@renderer/lib/useFormat';
import { useUrlId, useUrlText } from '@renderer/lib/useUrlParam';
import { useLots } from '../api';
import { LocationSelect } from '../common/LocationSelect';
import { ProductSelect } from '../common/ProductSelect';
import { EditSerialModal } from './EditSerialModal';

type SortColumn = 'receivedAt' | 'serialNumber' | 'sku' | 'locationName' | 'qty';

/** Stocked items: the batches and serialized units on hand, with the cost each one keeps. */
export function LotsPage() {
  const { t } = useTranslation('stock');
  const f = useFormat();
  const canEdit = useCan('inventory.edit');
  const canSeeCosts = useCan('costs.view');
  const [serial, setSerial, serialParam] = useUrlText('serial');
  const [productId, setProductId] = useUrlId('productId');
  const [locationId, setLocationId] = useUrlId('locationId');
  const filters = { serial: serialParam || undefined, productId: productId ?? undefined, locationId: locationId ?? undefined };
  const table = useServerTable<SortColumn>({ sortBy: 'receivedAt', sortDirection: 'desc', filters });
  const list = useLots({ ...table.input, ...filters });
  const [editing, setEditing] = useState<Lot | null>(null);

  const columns: DataTableColumn<Lot>[] = [
    {
      // First, so the action stays in view when the table scrolls sideways.
      accessor: 'actions',
      title: '',
      width: 48,
      render: (l) =>
        canEdit &&
        l.serialNumber !== null && (
          <Tooltip label={t('lots.editSerial')}>
            <ActionIcon variant="subtle" onClick={() => setEditing(l)} aria-label={t('lots.editSerialOf', { serial: l.serialNumber })}>
              <IconPencil size={16} />
            </ActionIcon>
          </Tooltip>
        ),
    },
    {
      accessor: 'serialNumber',
      title: t('columns.serial'),
      sortable: true,
      render: (l) =>
        l.serialNumber ?? (
          <Text span size="sm" c="dimmed">
            {t('lots.noSerial')}
          </Text>
        ),
    },
    { accessor: 'sku', title: t('columns.sku'), sortable: true, noWrap: true },
    { accessor: 'productName', title: t('columns.product'), width: 240 },
    { accessor: 'locationName', title: t('columns.location'), sortable: true, noWrap: true },
    { accessor: 'qty', title: t('columns.qty'), textAlign: 'right', sortable: true, render: (l) => <Qty value={l.qty} /> },
    { accessor: 'allocated', title: t('columns.allocated'), textAlign: 'right', render: (l) => <Qty value={l.allocated} /> },
    ...(canSeeCosts ? [{ accessor: 'unitCost', title: t('columns.unitCost'), textAlign: 'right', render: (l) => <Money value={l.unitCost} /> } satisfies DataTableColumn<Lot>] : []),
    { accessor: 'receivedAt', title: t('columns.received'), sortable: true, noWrap: true, render: (l) => f.date(l.receivedAt) },
    { accessor: 'vendorName', title: t('columns.vendor'), render: (l) => l.vendorName ?? '' },
    { accessor: 'vendorInvoiceNumber', title: t('columns.invoice'), render: (l) => l.vendorInvoiceNumber ?? '' },
  ];

  return (
    <Stack gap="md">
      <PageHeader title={t('lots.title')} />
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={t('lots.serialSearch')}
          placeholder={t('lots.serialPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={serial}
          onChange={(e) => setSerial(e.currentTarget.value)}
          data-testid="lot-serial-search"
          w={240}
        />
        <ProductSelect value={productId} onChange={(p) => setProductId(p?.id ?? null)} placeholder={t('common.anyProduct')} w={280} />
        <LocationSelect value={locationId} onChange={setLocationId} placeholder={t('common.allLocations')} clearable w={220} />
      </Group>
      <ServerTable
        testId="lots"
        table={table}
        result={list.data}
        fetching={list.isFetching}
        columns={columns}
        idAccessor={(l) => `${l.lotId}-${l.locationId}`}
        emptyState={
          serialParam || productId || locationId ? undefined : <EmptyState icon={IconBarcode} title={t('lots.emptyTitle')} description={t('lots.emptyText')} />
        }
      />
      {editing && <EditSerialModal lot={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
