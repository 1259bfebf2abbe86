import { Switch, TextInput } from '@mantine/core';
import { IconDevices, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isFiltered, ListPage, QueryTable, useListView, useServerTable } from '@renderer/lib/list';
import { CompanySelect } from '@renderer/lib/pickers/CompanySelect';
import { ProductSelect } from '@renderer/lib/pickers/ProductSelect';
import { useFormat } from '@renderer/lib/useFormat';
import { useClearUrlParams, useUrlId, useUrlParam, useUrlText } from '@renderer/lib/useUrlParam';
import { DEVICES_TABLE, useDevices } from '../api';
import { deviceColumns } from './deviceColumns';

type SortColumn = 'installedAt' | 'serialNumber' | 'companyName';

/** Devices at clients: one per serialized unit delivered, found by serial, client or product. */
export function DevicesPage() {
  const { t } = useTranslation(['sales', 'common']);
  const f = useFormat();
  const [serial, setSerial, serialText] = useUrlText('serial');
  const [companyId, setCompanyId] = useUrlId('companyId');
  const [productId, setProductId] = useUrlId('productId');
  const [voided, setVoided] = useUrlParam('voided');
  const filters = { serial: serialText || undefined, companyId: companyId ?? undefined, productId: productId ?? undefined, includeVoided: voided === '1' || undefined };
  const table = useServerTable<SortColumn>({ ...DEVICES_TABLE, filters });
  const view = useListView({ id: 'sales.devices', columns: deviceColumns(t, f), filtered: isFiltered(filters), onClearFilters: useClearUrlParams('serial', 'companyId', 'productId', 'voided') });
  return (
    <ListPage
      title={t('devices.title')}
      description={t('devices.description')}
      view={view}
      filters={
        <>
          <TextInput label={t('devices.serial')} placeholder={t('devices.serialPlaceholder')} leftSection={<IconSearch size={16} />} value={serial} onChange={(e) => setSerial(e.currentTarget.value)} w={220} />
          <CompanySelect role="client" label={t('devices.client')} placeholder={t('devices.anyClient')} clearable value={companyId} onChange={setCompanyId} w={220} />
          <ProductSelect label={t('devices.product')} placeholder={t('devices.anyProduct')} value={productId} onChange={(p) => setProductId(p?.id ?? null)} w={260} />
          <Switch label={t('devices.showVoided')} checked={voided === '1'} onChange={(e) => setVoided(e.currentTarget.checked ? '1' : '')} mb={8} />
        </>
      }
    >
      <QueryTable
        testId="devices"
        view={view}
        table={table}
        useRows={useDevices}
        input={{ ...table.input, ...filters }}
        rowHref={(d) => `/sales/devices/${d.id}`}
        empty={{ icon: IconDevices, title: t('devices.emptyTitle'), description: t('devices.emptyText') }}
      />
    </ListPage>
  );
}
