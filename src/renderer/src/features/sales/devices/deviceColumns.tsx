import type { TFunction } from 'i18next';
import { deviceStatuses, type Device } from '@shared/contract/sales';
import { csvLabels, skuAndName, type ListColumn } from '@renderer/lib/list';
import type { useFormat } from '@renderer/lib/useFormat';
import { DeviceStatusBadge } from '../Badges';

type Format = ReturnType<typeof useFormat>;

/** Columns of a list of devices; the serial opens the device. */
export function deviceColumns(t: TFunction<readonly ['sales', 'common']>, f: Format): ListColumn<Device>[] {
  return [
    { accessor: 'serialNumber', title: t('devices.serial'), sortable: true, noWrap: true, alwaysShown: true, link: true },
    {
      accessor: 'productName',
      title: t('devices.product'),
      truncate: 240,
      fullText: (d) => `${d.sku} · ${d.productName}`,
      csv: skuAndName(t('devices.product')),
      render: (d) => (
        <>
          <span className="app-cell-line">{d.sku}</span>
          <span className="app-cell-small">{d.productName}</span>
        </>
      ),
    },
    { accessor: 'companyName', title: t('devices.client'), sortable: true, truncate: 200 },
    { accessor: 'containerNumber', title: t('devices.container'), noWrap: true, render: (d) => d.containerNumber ?? '—' },
    { accessor: 'contractNumber', title: t('devices.contract'), noWrap: true, render: (d) => d.contractNumber ?? '—' },
    { accessor: 'installedAt', title: t('devices.installed'), sortable: true, noWrap: true, render: (d) => f.date(d.installedAt) },
    { accessor: 'warrantyEnd', title: t('devices.warrantyEnd'), noWrap: true, render: (d) => (d.warrantyEnd ? f.date(d.warrantyEnd) : t('devices.noWarranty')) },
    { accessor: 'deliveryNumber', title: t('devices.delivery'), noWrap: true },
    { accessor: 'status', title: t('devices.status'), csv: { labels: csvLabels(deviceStatuses, (s) => t(`deviceStatus.${s}`)) }, render: (d) => <DeviceStatusBadge status={d.status} /> },
  ];
}
