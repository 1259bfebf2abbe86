// Purchasing & Fulfillment: every charge that still needs units (Need to Order/Fulfill; On Order on the
// second tab), with what is left to order, what stock is available where and who sells it. A charge is
// filled from stock with Pick, or charges of one vendor are selected and bought on one purchase order in
// one step (several clients on one order; stock lines are added on the order's page). Submitting that order
// puts them On Order; receiving picks the units for them. /purchasing/fulfillment?status=onOrder
import { Alert, Anchor, Button, Group, Paper, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconShoppingCartPlus, IconShoppingCartCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { FulfillmentRow, PurchaseOrder } from '@shared/contract/purchasing';
import { DayInput } from '@renderer/lib/DayInput';
import { translateError } from '@renderer/lib/errors';
import { FilterBar, isFiltered, SearchFilter, ServerTable, useListView, useServerTable } from '@renderer/lib/list';
import { notify } from '@renderer/lib/notify';
import { PageHeader } from '@renderer/lib/PageHeader';
import { CompanySelect } from '@renderer/lib/pickers/CompanySelect';
import { LocationSelect, useDefaultLocationId } from '@renderer/lib/pickers/LocationSelect';
import { useCan } from '@renderer/lib/session';
import { useFormat } from '@renderer/lib/useFormat';
import { useClearUrlParams, useSetUrlParams, useUrlId, useUrlText } from '@renderer/lib/useUrlParam';
import { FULFILLMENT_TABLE, useCharge, useFulfillment, useNewOrdersOf, useOrderForCharges } from '../api';
import { PickModal } from '../charges/PickModal';
import { fulfillmentColumns } from './fulfillmentColumns';

export function FulfillmentPage() {
  const { t } = useTranslation(['sales', 'common']);
  const f = useFormat();
  const canSeeCosts = useCan('costs.view');
  const canPick = useCan('stock.pick');
  const [search] = useSearchParams();
  const setParams = useSetUrlParams();
  const status: 'needToOrder' | 'onOrder' = search.get('status') === 'onOrder' ? 'onOrder' : 'needToOrder';
  const [q, setQ, text] = useUrlText('q');
  const [vendorId, setVendorId] = useUrlId('vendorId');
  const [companyId, setCompanyId] = useUrlId('companyId');
  const filters = { status, q: text || undefined, vendorId: vendorId ?? undefined, companyId: companyId ?? undefined };
  const table = useServerTable<'chargeNumber'>({ ...FULFILLMENT_TABLE, filters });
  const list = useFulfillment({ ...table.input, ...filters });
  const [selected, setSelected] = useState<FulfillmentRow[]>([]);
  const [picking, setPicking] = useState<number | null>(null);
  const [created, setCreated] = useState<PurchaseOrder | null>(null);
  const view = useListView({
    id: 'sales.fulfillment',
    columns: fulfillmentColumns(t, f, { canSeeCosts, canPick, onPick: (r) => setPicking(r.chargeId) }),
    filtered: isFiltered({ q: filters.q, vendorId: filters.vendorId, companyId: filters.companyId }),
    onClearFilters: useClearUrlParams('q', 'vendorId', 'companyId'),
    remember: ['status', 'q', 'vendorId', 'companyId'],
  });
  const rows = list.data?.rows ?? [];
  const selectedIds = new Set(selected.map((r) => r.chargeId));

  return (
    <Stack gap="md">
      <PageHeader title={t('fulfillment.title')} description={t('fulfillment.description')} />
      {created && (
        <Alert color="teal" icon={<IconCircleCheck />} withCloseButton closeButtonLabel={t('common:actions.close')} onClose={() => setCreated(null)} data-testid="fulfillment-created">
          <Text size="sm">
            {t('fulfillment.createdText', { count: created.lines.filter((l) => l.chargeId !== null).length })}{' '}
            <Anchor component={Link} to={`/purchasing/orders/${created.id}`} fw={600}>
              {t('fulfillment.openOrder', { number: created.number, vendor: created.vendorName })}
            </Anchor>
          </Text>
        </Alert>
      )}
      <SegmentedControl
        w="fit-content"
        value={status}
        onChange={(v) => {
          setSelected([]);
          setParams({ status: v === 'onOrder' ? v : '' });
        }}
        data={[
          { value: 'needToOrder', label: t('fulfillment.tabs.needToOrder') },
          { value: 'onOrder', label: t('fulfillment.tabs.onOrder') },
        ]}
        aria-label={t('fulfillment.statusLabel')}
      />
      <FilterBar view={view}>
        <SearchFilter label={t('common:search')} placeholder={t('fulfillment.searchPlaceholder')} value={q} onChange={setQ} w={260} />
        <CompanySelect role="vendor" label={t('fulfillment.vendor')} placeholder={t('fulfillment.anyVendor')} clearable value={vendorId} onChange={setVendorId} w={220} />
        <CompanySelect role="client" label={t('fulfillment.client')} placeholder={t('fulfillment.anyClient')} clearable value={companyId} onChange={setCompanyId} w={220} />
      </FilterBar>
      {selected.length > 0 && (
        <OrderPanel
          selected={selected}
          vendorFilter={vendorId}
          onClear={() => setSelected([])}
          onCreated={(order) => {
            setCreated(order);
            setSelected([]);
          }}
        />
      )}
      <ServerTable
        testId="fulfillment"
        view={view}
        table={table}
        query={list}
        idAccessor="chargeId"
        clickRows={false}
        empty={{ icon: IconShoppingCartCheck, title: t(`fulfillment.emptyTitle.${status}`), description: t(`fulfillment.emptyText.${status}`) }}
        extra={{
          selectedRecords: rows.filter((r) => selectedIds.has(r.chargeId)),
          onSelectedRecordsChange: (shown) => {
            const onPage = new Set(rows.map((r) => r.chargeId));
            setSelected([...selected.filter((s) => !onPage.has(s.chargeId)), ...shown]);
          },
          isRecordSelectable: (r) => r.toOrder > 0,
          allRecordsSelectionCheckboxProps: { 'aria-label': t('fulfillment.selectPage') },
          getRecordSelectionCheckboxProps: (r) => ({ 'aria-label': t('fulfillment.selectRow', { number: r.chargeNumber }) }),
        }}
      />
      {picking !== null && <PickFor chargeId={picking} onClose={() => setPicking(null)} />}
    </Stack>
  );
}

/** The pick dialog of the charge page, for a charge of the list (its availability comes with the charge). */
function PickFor({ chargeId, onClose }: { chargeId: number; onClose: () => void }) {
  const charge = useCharge(chargeId);
  return charge.data ? <PickModal charge={charge.data} onClose={onClose} /> : null;
}

/**
 * What the selection becomes: one purchase order of one vendor (a new one, or a New one of theirs), its
 * lines received at one location, with an expected arrival.
 */
function OrderPanel({ selected, vendorFilter, onClear, onCreated }: { selected: FulfillmentRow[]; vendorFilter: number | null; onClear: () => void; onCreated: (order: PurchaseOrder) => void }) {
  const { t } = useTranslation(['sales', 'common']);
  const f = useFormat();
  const canSeeCosts = useCan('costs.view');
  const defaults = new Set(selected.map((r) => r.vendorId));
  const commonVendor = defaults.size === 1 ? [...defaults][0]! : null;
  const [vendorChoice, setVendorChoice] = useState<number | null>(null);
  const vendorId = vendorChoice ?? vendorFilter ?? commonVendor;
  const defaultLocation = useDefaultLocationId();
  const [locationChoice, setLocationChoice] = useState<number | null>(null);
  const locationId = locationChoice ?? defaultLocation;
  const [arrival, setArrival] = useState<string | null>(null);
  const [orderId, setOrderId] = useState<string>('new');
  const drafts = useNewOrdersOf(vendorId);
  const order = useOrderForCharges();
  const units = selected.reduce((n, r) => n + r.toOrder, 0);
  const amount = selected.reduce((n, r) => n + (r.vendorId === vendorId && r.vendorCost !== null ? r.vendorCost * r.toOrder : 0), 0);
  const create = () => {
    if (vendorId === null || locationId === null) return;
    order.mutate(
      {
        vendorId,
        locationId,
        estimatedArrival: arrival,
        ...(orderId === 'new' ? {} : { orderId: Number(orderId) }),
        charges: selected.map((r) => ({ chargeId: r.chargeId })),
      },
      {
        onSuccess: (po) => {
          notify.success('sales:fulfillment.createdToast', { number: po.number, count: selected.length });
          onCreated(po);
        },
      },
    );
  };
  return (
    <Paper withBorder p="sm" data-testid="fulfillment-order">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Text size="sm" fw={600}>
            {t('fulfillment.selected', { count: selected.length, units: f.qty(units) })}
            {canSeeCosts && amount > 0 ? ` · ${f.money(amount)}` : ''}
          </Text>
          <Button variant="subtle" size="compact-sm" onClick={onClear}>
            {t('fulfillment.clearSelection')}
          </Button>
        </Group>
        <Group align="flex-end" wrap="wrap" gap="sm">
          <CompanySelect
            role="vendor"
            label={t('fulfillment.orderVendor')}
            withAsterisk
            value={vendorId}
            selectedName={selected.find((r) => r.vendorId === vendorId)?.vendorName ?? undefined}
            onChange={(id) => {
              setVendorChoice(id);
              setOrderId('new');
            }}
            w={220}
          />
          <LocationSelect label={t('fulfillment.receiveAt')} withAsterisk value={locationId} onChange={setLocationChoice} w={220} />
          <DayInput label={t('fulfillment.arrival')} value={arrival} onChange={setArrival} w={170} />
          <Select
            label={t('fulfillment.addTo')}
            value={orderId}
            onChange={(v) => setOrderId(v ?? 'new')}
            allowDeselect={false}
            data={[{ value: 'new', label: t('fulfillment.newOrder') }, ...(drafts.data?.rows ?? []).map((o) => ({ value: String(o.id), label: t('fulfillment.existingOrder', { number: o.number, count: o.lineCount }) }))]}
            w={220}
          />
          <Button leftSection={<IconShoppingCartPlus size={16} />} disabled={vendorId === null || locationId === null} loading={order.isPending} onClick={create}>
            {orderId === 'new' ? t('fulfillment.createOrder') : t('fulfillment.addToOrder')}
          </Button>
        </Group>
        {vendorId === null && (
          <Text size="sm" c="orange">
            {t('fulfillment.chooseVendor')}
          </Text>
        )}
        {order.error && (
          <Alert color="red" role="alert">
            {translateError(order.error)}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
