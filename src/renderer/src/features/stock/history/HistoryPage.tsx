import { Group, Stack, TextInput } from '@mantine/core';
import { DatePickerInput, type DatesRangeValue } from '@mantine/dates';
import { IconCalendar, IconSearch } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@renderer/lib/PageHeader';
import { ServerTable, useServerTable } from '@renderer/lib/ServerTable';
import { useFormat } from '@renderer/lib/useFormat';
import { useUrlId, useUrlText } from '@renderer/lib/useUrlParam';
import { useHistory } from '../api';
import { LocationSelect } from '../common/LocationSelect';
import { ProductSelect } from '../common/ProductSelect';
import { UserSelect } from '../common/UserSelect';
import { historyColumns } from './historyColumns';

/** Inventory Transfers & Updates: every move and every edit of an inventory product or serial, newest first. */
export function HistoryPage() {
  const { t } = useTranslation(['stock', 'locations']);
  const f = useFormat();
  const [productId, setProductId] = useUrlId('productId');
  const [locationId, setLocationId] = useUrlId('locationId');
  const [userId, setUserId] = useUrlId('userId');
  const [serial, setSerial, serialParam] = useUrlText('serial');
  const [range, setRange] = useState<DatesRangeValue<string>>([null, null]);
  const [start, end] = range;
  const filters = {
    productId: productId ?? undefined,
    locationId: locationId ?? undefined,
    userId: userId ?? undefined,
    serial: serialParam || undefined,
    // Whole days in the user's time zone: `to` is the last millisecond of the end day.
    from: start ? dayjs(start).startOf('day').valueOf() : undefined,
    to: end ? dayjs(end).endOf('day').valueOf() : start ? dayjs(start).endOf('day').valueOf() : undefined,
  };
  const table = useServerTable<'occurredAt'>({ sortBy: 'occurredAt', sortDirection: 'desc', filters });
  const list = useHistory({ ...table.input, ...filters });

  return (
    <Stack gap="md">
      <PageHeader title={t('history.title')} />
      <Group align="flex-end" gap="sm" wrap="wrap">
        <ProductSelect value={productId} onChange={(p) => setProductId(p?.id ?? null)} placeholder={t('common.anyProduct')} w={260} />
        <LocationSelect value={locationId} onChange={setLocationId} placeholder={t('common.allLocations')} clearable w={200} />
        <TextInput label={t('history.serial')} leftSection={<IconSearch size={16} />} value={serial} onChange={(e) => setSerial(e.currentTarget.value)} w={180} />
        <UserSelect value={userId} onChange={setUserId} placeholder={t('common.anyUser')} w={180} />
        <DatePickerInput
          type="range"
          label={t('history.dates')}
          placeholder={t('history.datesPlaceholder')}
          leftSection={<IconCalendar size={16} />}
          clearable
          allowSingleDateInRange
          value={range}
          onChange={(v) => setRange(v as DatesRangeValue<string>)}
          valueFormat="DD MMM YYYY"
          maxDate={new Date()}
          w={300}
        />
      </Group>
      <ServerTable testId="history" table={table} result={list.data} fetching={list.isFetching} columns={historyColumns(t, f.dateTime)} idAccessor="key" />
    </Stack>
  );
}
