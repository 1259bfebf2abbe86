import { Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { DataTable } from 'mantine-datatable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Money, Qty } from '@renderer/lib/Amount';
import { PageHeader } from '@renderer/lib/PageHeader';
import { ServerTable, useServerTable } from '@renderer/lib/ServerTable';
import { useFormat } from '@renderer/lib/useFormat';
import { useValueByLocation, useValueByProduct } from '../api';
import { LocationSelect } from '../common/LocationSelect';
import { ValueChart } from './ValueChart';

/** Inventory value (Σ units on hand × the cost each unit keeps), today or at the end of a past day. */
export function ValuePage() {
  const { t } = useTranslation(['stock', 'locations']);
  const f = useFormat();
  const [day, setDay] = useState<string | null>(null);
  // Today means "now": leaving `at` out lets the server answer from the live balances.
  const at = day && !dayjs(day).isSame(dayjs(), 'day') ? dayjs(day).endOf('day').valueOf() : undefined;
  const [locationId, setLocationId] = useState<number | null>(null);
  const byLocation = useValueByLocation(at);
  const table = useServerTable<never>({ filters: { at, locationId } });
  const byProduct = useValueByProduct({ page: table.page, pageSize: table.pageSize, at, locationId: locationId ?? undefined });

  return (
    <Stack gap="md">
      <PageHeader
        title={t('value.title')}
        actions={
          <DatePickerInput
            label={t('value.asOf')}
            placeholder={t('value.today')}
            leftSection={<IconCalendar size={16} />}
            clearable
            value={day}
            onChange={(v) => setDay(v ? String(v) : null)}
            valueFormat="DD MMM YYYY"
            maxDate={new Date()}
            w={200}
          />
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
            <DataTable
              data-testid="value-by-location"
              withTableBorder
              borderRadius="sm"
              striped
              minHeight={byLocation.data?.rows.length ? undefined : 120}
              fetching={byLocation.isFetching}
              noRecordsText={t('common.noRecords')}
              records={byLocation.data?.rows ?? []}
              columns={[
                {
                  accessor: 'name',
                  title: t('columns.location'),
                  // In transit is a virtual location, stored under its English name.
                  render: (r) => (r.kind === 'transit' ? t('locations:virtual.names.transit', { defaultValue: r.name }) : r.name),
                },
                { accessor: 'units', title: t('columns.units'), textAlign: 'right', render: (r) => <Qty value={r.units} /> },
                { accessor: 'value', title: t('columns.value'), textAlign: 'right', render: (r) => <Money value={r.value} fw={600} /> },
              ]}
            />
          </Paper>
        </Grid.Col>
      </Grid>
      <ValueChart />
      <Paper withBorder p="md">
        <Group justify="space-between" mb="sm" align="flex-end">
          <Title order={2} size="h4">
            {t('value.byProduct')}
          </Title>
          <LocationSelect value={locationId} onChange={setLocationId} placeholder={t('common.allLocations')} clearable w={240} />
        </Group>
        <ServerTable
          testId="value-by-product"
          table={table}
          result={byProduct.data ? { rows: byProduct.data.rows, total: byProduct.data.total } : undefined}
          fetching={byProduct.isFetching}
          columns={[
            { accessor: 'sku', title: t('columns.sku'), noWrap: true },
            { accessor: 'name', title: t('columns.product') },
            { accessor: 'units', title: t('columns.units'), textAlign: 'right', render: (r) => <Qty value={r.units} /> },
            { accessor: 'value', title: t('columns.value'), textAlign: 'right', render: (r) => <Money value={r.value} fw={600} /> },
          ]}
        />
      </Paper>
    </Stack>
  );
}
