import { Grid, Paper, Stack, Text, Title } from '@mantine/core';
import { IconReportMoney } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '@shared/contract';
import { isDay, localDay } from '@shared/formats';
import { Money, Qty } from '@renderer/lib/Amount';
import { DayInput } from '@renderer/lib/DayInput';
import { dayRangeToMs } from '@renderer/lib/dayRange';
import { FilterBar, isFiltered, ListTable, ServerTable, useListView, useServerTable } from '@renderer/lib/list';
import { PageHeader } from '@renderer/lib/PageHeader';
import { virtualLocationWords } from '@renderer/lib/locationLabel';
import { LocationSelect } from '@renderer/lib/pickers/LocationSelect';
import { useFormat } from '@renderer/lib/useFormat';
import { useValueByLocation, useValueByProduct } from '../api';
import { ValueChart } from './ValueChart';

type LocationValue = ChannelOutput<'stock.valueByLocation'>['rows'][number];
type ProductValue = ChannelOutput<'stock.valueByProduct'>['rows'][number];

/** Inventory value (Σ units on hand × the cost each unit keeps), today or at the end of a past day. */
export function ValuePage() {
  const { t } = useTranslation(['stock', 'locations']);
  const f = useFormat();
  const [day, setDay] = useState<string | null>(null);
  // Today (or no day) means "now": leaving `at` out lets the server answer from the live balances. A past
  // day is valued at its last millisecond.
  const at = isDay(day) && day !== localDay(Date.now()) ? dayRangeToMs([day, day]).to : undefined;
  const [locationId, setLocationId] = useState<number | null>(null);
  const byLocation = useValueByLocation(at);
  const table = useServerTable<never>({ filters: { at, locationId } });
  const byProduct = useValueByProduct({ page: table.page, pageSize: table.pageSize, at, locationId: locationId ?? undefined });
  const empty = { icon: IconReportMoney, title: t('value.emptyTitle'), description: at ? t('value.emptyAt') : t('value.emptyText') };
  const locationView = useListView<LocationValue>({
    id: 'stock.valueByLocation',
    columns: [
      {
        accessor: 'name',
        title: t('columns.location'),
        alwaysShown: true,
        csv: { labels: virtualLocationWords() },
        // In transit is a virtual location, stored under its English name.
        render: (r) => (r.kind === 'transit' ? t('locations:virtual.names.transit', { defaultValue: r.name }) : r.name),
      },
      { accessor: 'units', title: t('columns.units'), textAlign: 'right', render: (r) => <Qty value={r.units} /> },
      { accessor: 'value', title: t('columns.value'), textAlign: 'right', render: (r) => <Money value={r.value} fw={600} /> },
    ],
  });
  const productView = useListView<ProductValue>({
    id: 'stock.valueByProduct',
    columns: [
      { accessor: 'sku', title: t('columns.sku'), noWrap: true, alwaysShown: true, link: true },
      { accessor: 'name', title: t('columns.product'), truncate: 320 },
      { accessor: 'units', title: t('columns.units'), textAlign: 'right', render: (r) => <Qty value={r.units} /> },
      { accessor: 'value', title: t('columns.value'), textAlign: 'right', render: (r) => <Money value={r.value} fw={600} /> },
    ],
    filtered: isFiltered({ locationId }),
    onClearFilters: () => setLocationId(null),
  });

  return (
    <Stack gap="md">
      <PageHeader
        title={t('value.title')}
        actions={
          <DayInput label={t('value.asOf')} description={t('value.asOfHint')} value={day} onChange={setDay} maxDate={new Date()} w={200} />
        }
      />
      <Grid>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper withBorder p="md" h="100%">
            <Text size="sm" c="dimmed">
              {t('value.total')}
            </Text>
            <Title order={2} data-testid="value-total">
              <Money value={byLocation.data?.total} />
            </Title>
            <Text size="sm" c="dimmed">
              {byLocation.data ? t('value.totalAt', { date: f.dateTime(byLocation.data.at) }) : ''}
            </Text>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              {t('value.byLocation')}
            </Title>
            <ListTable
              testId="value-by-location"
              view={locationView}
              query={{ ...byLocation, data: byLocation.data?.rows }}
              idAccessor="id"
              fit={false}
              chooser
              empty={empty}
            />
          </Paper>
        </Grid.Col>
      </Grid>
      <ValueChart />
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('value.byProduct')}
          </Title>
          <FilterBar view={productView}>
            <LocationSelect value={locationId} onChange={setLocationId} placeholder={t('common.allLocations')} clearable w={240} />
          </FilterBar>
          <ServerTable testId="value-by-product" view={productView} table={table} query={byProduct} rowHref={(r) => `/catalog/products/${r.id}`} clickRows={false} empty={empty} />
        </Stack>
      </Paper>
    </Stack>
  );
}
