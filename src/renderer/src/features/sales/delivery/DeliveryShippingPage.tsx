// Delivery & Shipping: every charge's picked, undelivered units per location, searchable by client,
// container, product, serial and location. Lines of one client are marked, then their pick list and
// packing list printed, and they are delivered or shipped as one delivery (DLV-n). A second tab lists
// the deliveries made. /sales/delivery?tab=deliveries
import { Alert, Button, Group, Paper, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { IconFileText, IconList, IconPackageExport, IconSearch, IconSend, IconTruck, IconTruckDelivery } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { OpenDeliveryLine } from '@shared/contract/sales';
import { FilterBar, isFiltered, QueryTable, SearchFilter, ServerTable, useListView, useServerTable } from '@renderer/lib/list';
import { useRememberedFilters } from '@renderer/lib/list/useRememberedFilters';
import { PageHeader } from '@renderer/lib/PageHeader';
import { notify } from '@renderer/lib/notify';
import { downloadBlob, pdfBlob } from '@renderer/lib/pdf';
import { CompanySelect } from '@renderer/lib/pickers/CompanySelect';
import { LocationSelect } from '@renderer/lib/pickers/LocationSelect';
import { useCan } from '@renderer/lib/session';
import { useFormat } from '@renderer/lib/useFormat';
import { useClearUrlParams, useSetUrlParams, useUrlId, useUrlText } from '@renderer/lib/useUrlParam';
import { DELIVERIES_TABLE, OPEN_DELIVERY_TABLE, useDeliveries, useOpenDeliveryLines, usePackingListPdf, usePickListPdf } from '../api';
import { DeliverModal } from './DeliverModal';
import { deliveryColumns, openLineColumns } from './deliveryColumns';

type OpenSort = 'chargeNumber' | 'companyName' | 'productName' | 'locationName';
const keyOf = (l: OpenDeliveryLine) => `${l.chargeId}:${l.locationId ?? 0}`;

export function DeliveryShippingPage() {
  const { t } = useTranslation(['sales', 'common']);
  const [search] = useSearchParams();
  const setParams = useSetUrlParams();
  const tab = search.get('tab') === 'deliveries' ? 'deliveries' : 'open';
  // Remembered here, not by each tab's list: the tab and its filters come back in one address change
  // (the two lists share `q` and `companyId`, and changing tab clears them).
  useRememberedFilters('sales.delivery', { names: ['tab', 'q', 'serial', 'companyId', 'locationId'], linked: ['productId'] });
  const navigate = useNavigate();
  const canDeliver = useCan('stock.deliver');
  // Units that leave with no charge (a loan, a replacement) still leave on a delivery document.
  const sendButton = canDeliver ? (
    <Button variant="default" leftSection={<IconSend size={16} />} onClick={() => navigate('/sales/delivery/send')}>
      {t('delivery.sendToClient')}
    </Button>
  ) : null;
  return (
    <Stack gap={0}>
      <PageHeader title={t('delivery.title')} description={t('delivery.description')} actions={sendButton} />
      <Tabs value={tab} onChange={(v) => setParams({ tab: v === 'deliveries' ? v : '' }, { only: true })} keepMounted={false}>
      <Tabs.List mb="md">
        <Tabs.Tab value="open" leftSection={<IconPackageExport size={16} />}>
          {t('delivery.tabs.open')}
        </Tabs.Tab>
        <Tabs.Tab value="deliveries" leftSection={<IconList size={16} />}>
          {t('delivery.tabs.deliveries')}
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="open">
        <OpenLines />
      </Tabs.Panel>
      <Tabs.Panel value="deliveries">
        <DeliveriesList />
      </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function OpenLines() {
  const { t, i18n } = useTranslation(['sales', 'common']);
  const f = useFormat();
  const navigate = useNavigate();
  const canDeliver = useCan('stock.deliver');
  const [q, setQ, text] = useUrlText('q');
  const [serial, setSerial, serialText] = useUrlText('serial');
  const [companyId, setCompanyId] = useUrlId('companyId');
  const [locationId, setLocationId] = useUrlId('locationId');
  // A product's picked units, as an inventory product's Picked figure links here.
  const [productId] = useUrlId('productId');
  const filters = { q: text || undefined, serial: serialText || undefined, companyId: companyId ?? undefined, locationId: locationId ?? undefined, productId: productId ?? undefined };
  const table = useServerTable<OpenSort>({ ...OPEN_DELIVERY_TABLE, filters });
  const list = useOpenDeliveryLines({ ...table.input, ...filters });
  const [marked, setMarked] = useState<OpenDeliveryLine[]>([]);
  const [method, setMethod] = useState<'deliver' | 'ship' | null>(null);
  const pickList = usePickListPdf();
  const packingList = usePackingListPdf();
  const view = useListView({
    id: 'sales.openDeliveries',
    columns: openLineColumns(t),
    filtered: isFiltered(filters),
    onClearFilters: useClearUrlParams('q', 'serial', 'companyId', 'locationId', 'productId'),
  });
  // Marks survive paging and refetches by key; the rows shown are the current ones.
  const rows = list.data?.rows ?? [];
  const markedKeys = new Set(marked.map(keyOf));
  const clients = new Set(marked.map((l) => l.companyId));
  const oneClient = clients.size === 1;
  const units = marked.reduce((n, l) => n + l.qty, 0);
  const lines = marked.map((l) => ({ chargeId: l.chargeId, locationId: l.locationId }));
  const save = (pdf: { base64: string; filename: string }) => {
    downloadBlob(pdfBlob(pdf.base64), pdf.filename);
    notify.success('sales:delivery.pdfSaved', { filename: pdf.filename });
  };
  return (
    <Stack gap="md">
      <FilterBar view={view}>
        <>
          <SearchFilter label={t('common:search')} placeholder={t('delivery.searchPlaceholder')} value={q} onChange={setQ} w={260} />
          <TextInput label={t('delivery.serial')} leftSection={<IconSearch size={16} />} value={serial} onChange={(e) => setSerial(e.currentTarget.value)} w={180} />
          <CompanySelect role="client" label={t('delivery.client')} placeholder={t('delivery.anyClient')} clearable value={companyId} onChange={setCompanyId} w={220} />
          <LocationSelect label={t('delivery.location')} placeholder={t('delivery.anyLocation')} clearable value={locationId} onChange={setLocationId} w={200} />
        </>
      </FilterBar>
      {marked.length > 0 && (
        <Paper withBorder p="sm" data-testid="delivery-marked">
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Text size="sm" fw={600}>
              {t('delivery.marked', { count: marked.length, units: f.qty(units) })}
            </Text>
            <Group gap="xs">
              <Button variant="default" leftSection={<IconFileText size={16} />} loading={pickList.isPending} onClick={() => pickList.mutate({ lines, locale: i18n.language === 'es' ? 'es' : 'en' }, { onSuccess: save })}>
                {t('delivery.pickList')}
              </Button>
              <Button variant="default" leftSection={<IconFileText size={16} />} disabled={!oneClient} loading={packingList.isPending} onClick={() => packingList.mutate({ lines, locale: i18n.language === 'es' ? 'es' : 'en' }, { onSuccess: save })}>
                {t('delivery.packingList')}
              </Button>
              {canDeliver && (
                <>
                  <Button leftSection={<IconTruckDelivery size={16} />} disabled={!oneClient} onClick={() => setMethod('deliver')}>
                    {t('delivery.deliver')}
                  </Button>
                  <Button leftSection={<IconTruck size={16} />} disabled={!oneClient} onClick={() => setMethod('ship')}>
                    {t('delivery.ship')}
                  </Button>
                </>
              )}
            </Group>
          </Group>
          {!oneClient && (
            <Alert color="orange" mt="sm">
              {t('delivery.oneClient')}
            </Alert>
          )}
        </Paper>
      )}
      <ServerTable
        testId="open-deliveries"
        view={view}
        table={table}
        query={list}
        idAccessor={keyOf}
        clickRows={false}
        empty={{ icon: IconPackageExport, title: t('delivery.emptyTitle'), description: t('delivery.emptyText') }}
        extra={{
          selectedRecords: rows.filter((r) => markedKeys.has(keyOf(r))),
          onSelectedRecordsChange: (shown) => {
            const onPage = new Set(rows.map(keyOf));
            setMarked([...marked.filter((m) => !onPage.has(keyOf(m))), ...shown]);
          },
          allRecordsSelectionCheckboxProps: { 'aria-label': t('delivery.markAll') },
          getRecordSelectionCheckboxProps: (l) => ({ 'aria-label': t('delivery.markLine', { charge: l.chargeNumber, location: l.locationName ?? t('delivery.noLocation') }) }),
        }}
      />
      {method && (
        <DeliverModal
          lines={marked}
          method={method}
          onClose={() => setMethod(null)}
          onDone={(id) => {
            setMethod(null);
            setMarked([]);
            navigate(`/sales/deliveries/${id}`);
          }}
        />
      )}
    </Stack>
  );
}

function DeliveriesList() {
  const { t } = useTranslation(['sales', 'common']);
  const f = useFormat();
  const [q, setQ, text] = useUrlText('q');
  const [companyId, setCompanyId] = useUrlId('companyId');
  const filters = { q: text || undefined, companyId: companyId ?? undefined };
  const table = useServerTable<'createdAt' | 'number'>({ ...DELIVERIES_TABLE, filters });
  const view = useListView({ id: 'sales.deliveries', columns: deliveryColumns(t, f), filtered: isFiltered(filters), onClearFilters: useClearUrlParams('q', 'companyId') });
  return (
    <Stack gap="md">
      <FilterBar view={view}>
        <SearchFilter label={t('common:search')} placeholder={t('delivery.searchPlaceholder')} value={q} onChange={setQ} w={260} />
        <CompanySelect role="client" label={t('delivery.client')} placeholder={t('delivery.anyClient')} clearable value={companyId} onChange={setCompanyId} w={220} />
      </FilterBar>
      <QueryTable
        testId="deliveries"
        view={view}
        table={table}
        useRows={useDeliveries}
        input={{ ...table.input, ...filters }}
        rowHref={(d) => `/sales/deliveries/${d.id}`}
        empty={{ icon: IconTruck, title: t('delivery.deliveriesEmptyTitle'), description: t('delivery.deliveriesEmptyText') }}
      />
    </Stack>
  );
}
