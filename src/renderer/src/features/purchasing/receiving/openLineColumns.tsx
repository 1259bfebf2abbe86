import { Button, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconPlus } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import type { DataTableColumn } from 'mantine-datatable';
import type { OpenLine } from '@shared/contract/purchasing';
import { Qty } from '@renderer/lib/Amount';
import { wrapping } from '../orders/columnTitle';
import { dayToMs } from '../orders/days';

export type OpenLineSort = 'orderNumber' | 'sku' | 'estimatedArrival';


const num = (accessor: 'qtyOrdered' | 'qtyReceived' | 'outstanding' | 'backOrdered', t: TFunction<readonly ['purchasing', 'common']>, width: number): DataTableColumn<OpenLine> => ({
  accessor,
  title: wrapping(t(`receiving.columns.${accessor}`)),
  textAlign: 'right',
  width,
  render: (row) => <Qty value={row[accessor]} c={accessor === 'backOrdered' && row.backOrdered > 0 ? 'orange' : undefined} fw={accessor === 'outstanding' ? 600 : undefined} />,
});

/** Columns of the open lines list; the action comes first so it stays in view when the table scrolls sideways. The
 * purchase-for company shows under the PO: it belongs to the order. */
export function openLineColumns(
  t: TFunction<readonly ['purchasing', 'common']>,
  formatDate: (ms: number) => string,
  inReceipt: (lineId: number) => boolean,
  onAdd: (row: OpenLine) => void,
): DataTableColumn<OpenLine>[] {
  const today = new Date().setHours(0, 0, 0, 0);
  return [
    {
      accessor: 'actions',
      title: '',
      width: 100,
      render: (row) =>
        inReceipt(row.lineId) ? (
          <Button size="compact-sm" variant="subtle" color="teal" leftSection={<IconCheck size={14} />} disabled title={t('receiving.inReceiptHint')}>
            {t('receiving.inReceipt')}
          </Button>
        ) : (
          <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} />} aria-label={t('receiving.addNamed', { sku: row.sku, number: row.orderNumber })} onClick={() => onAdd(row)}>
            {t('common:actions.add')}
          </Button>
        ),
    },
    // Two facts per cell (PO over its vendor, SKU over the product name) so every column fits a laptop screen.
    {
      accessor: 'orderNumber',
      title: wrapping(t('receiving.columns.orderVendor')),
      sortable: true,
      width: 135,
      render: (row) => (
        <>
          <Text fw={600} size="sm">
            {row.orderNumber}
          </Text>
          <Text size="xs" c="dimmed">
            {row.vendorName}
          </Text>
          {row.purchaseForName && (
            <Text size="xs" c="teal.8" title={t('receiving.columns.purchaseForName')}>
              {t('receiving.forCompany', { company: row.purchaseForName })}
            </Text>
          )}
        </>
      ),
    },
    {
      accessor: 'sku',
      title: wrapping(t('receiving.columns.skuProduct')),
      sortable: true,
      width: 195,
      render: (row) => (
        <>
          <Text fw={600} size="sm">
            {row.sku}
          </Text>
          <Text size="xs" c="dimmed" lineClamp={2}>
            {row.productName}
          </Text>
        </>
      ),
    },
    { accessor: 'vendorPartNumber', title: wrapping(t('receiving.columns.vendorPartNumber')), width: 105, render: (row) => row.vendorPartNumber ?? '' },
    num('qtyOrdered', t, 85),
    num('qtyReceived', t, 90),
    num('outstanding', t, 115),
    num('backOrdered', t, 90),
    { accessor: 'locationName', title: wrapping(t('receiving.columns.locationName')), width: 120 },
    {
      accessor: 'estimatedArrival',
      title: wrapping(t('receiving.columns.estimatedArrival')),
      sortable: true,
      width: 110,
      noWrap: true,
      render: (row) => {
        const ms = dayToMs(row.estimatedArrival);
        if (ms === null) return '';
        return ms < today ? (
          <Tooltip label={t('receiving.overdue')}>
            <Text inherit c="orange" fw={600}>
              {formatDate(ms)}
            </Text>
          </Tooltip>
        ) : (
          formatDate(ms)
        );
      },
    },
  ];
}
