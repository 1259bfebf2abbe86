import { IconHistory } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { dayRangeMs, DayRangeFilter, isFiltered, ListPage, SearchFilter, QueryTable, useListView, useServerTable } from '@renderer/lib/list';
import { LocationSelect } from '@renderer/lib/pickers/LocationSelect';
import { ProductSelect } from '@renderer/lib/pickers/ProductSelect';
import { UserSelect } from '@renderer/lib/pickers/UserSelect';
import { useFormat } from '@renderer/lib/useFormat';
import { useClearUrlParams, useSetUrlParams, useUrlId, useUrlParam, useUrlText } from '@renderer/lib/useUrlParam';
import { HISTORY_TABLE, useHistory } from '../api';
import { historyColumns } from './historyColumns';

/** Inventory Transfers & Updates: every move and every edit of an inventory product or serial, newest first. */
export function HistoryPage() {
  const { t } = useTranslation(['stock', 'locations']);
  const f = useFormat();
  const [productId, setProductId] = useUrlId('productId');
  const [locationId, setLocationId] = useUrlId('locationId');
  const [userId, setUserId] = useUrlId('userId');
  const [serial, setSerial, serialParam] = useUrlText('serial');
  const [from] = useUrlParam('from');
  const [to] = useUrlParam('to');
  const setParams = useSetUrlParams();
  const filters = {
    productId: productId ?? undefined,
    locationId: locationId ?? undefined,
    userId: userId ?? undefined,
    serial: serialParam || undefined,
    ...dayRangeMs({ from, to }),
  };
  const table = useServerTable<'occurredAt'>({ ...HISTORY_TABLE, filters });
  const view = useListView({
    id: 'stock.history',
    columns: historyColumns(t, f.dateTime),
    filtered: isFiltered(filters),
    onClearFilters: useClearUrlParams('productId', 'locationId', 'userId', 'serial', 'from', 'to'),
  });

  return (
    <ListPage
      title={t('history.title')}
      view={view}
      filters={
        <>
          <ProductSelect value={productId} onChange={(p) => setProductId(p?.id ?? null)} placeholder={t('common.anyProduct')} w={260} />
          <LocationSelect value={locationId} onChange={setLocationId} placeholder={t('common.allLocations')} clearable w={200} />
          <SearchFilter label={t('history.serial')} value={serial} onChange={setSerial} w={180} />
          <UserSelect value={userId} onChange={setUserId} placeholder={t('common.anyUser')} w={180} />
          <DayRangeFilter label={t('history.dates')} placeholder={t('history.datesPlaceholder')} value={{ from, to }} onChange={setParams} maxToday />
        </>
      }
    >
      <QueryTable
        testId="history"
        view={view}
        table={table}
        useRows={useHistory}
        input={{ ...table.input, ...filters }}
        idAccessor="key"
        empty={{ icon: IconHistory, title: t('history.emptyTitle'), description: t('history.emptyText') }}
      />
    </ListPage>
  );
}
