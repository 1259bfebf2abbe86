import type { TFunction } from 'i18next';
import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { InventoryProduct } from '@shared/contract/stock';
import { Money, Qty } from '@renderer/lib/Amount';
import { AppLink } from '@renderer/lib/AppLink';
import type { ListColumn } from '@renderer/lib/list';
import type { en } from '../locales/en';

/** A numeric field of the row that has a column title. */
type NumericColumn = keyof InventoryProduct & keyof typeof en.columns;

const num = (accessor: NumericColumn, t: TFunction<readonly ['stock', 'common']>, sortable = false): ListColumn<InventoryProduct> => ({
  accessor,
  title: t(`columns.${accessor}`),
  textAlign: 'right',
  sortable,
  noWrap: true,
  // Long titles ("Back ordered") wrap so thirteen columns fit a laptop screen.
  wrapTitle: true,
  render: (row) => <Qty value={row[accessor] as number} />,
});

/** Columns of the inventory products list; `value` only for users who may see costs. The SKU opens the product. */
export function itemColumns(t: TFunction<readonly ['stock', 'common']>, showValue: boolean, actions: (row: InventoryProduct) => ReactNode): ListColumn<InventoryProduct>[] {
  return [
    // First, so the row menu stays in view when the table scrolls sideways on a narrow screen.
    { accessor: 'actions', title: '', width: 48, render: actions },
    { accessor: 'sku', title: t('columns.sku'), sortable: true, noWrap: true, link: true, alwaysShown: true },
    { accessor: 'productName', title: t('columns.product'), sortable: true, truncate: 220 },
    { accessor: 'locationName', title: t('columns.location'), sortable: true, truncate: 160 },
    { accessor: 'bin', title: t('columns.bin'), sortable: true, noWrap: true, render: (row) => row.bin ?? '' },
    num('onHand', t, true),
    {
      ...num('reserved', t),
      // Reserved units are held by open quotes: the opportunities reserving this product here.
      render: (row) =>
        row.reserved > 0 ? (
          <AppLink className="app-row-link" to={`/sales/opportunities?reservingProductId=${row.productId}&reservingLocationId=${row.locationId}`}>
            <Qty value={row.reserved} />
          </AppLink>
        ) : (
          <Qty value={row.reserved} />
        ),
    },
    {
      ...num('picked', t),
      // Picked units wait on the Delivery & Shipping page, which lists the charges holding them.
      render: (row) =>
        row.picked > 0 ? (
          <AppLink className="app-row-link" to={`/sales/delivery?productId=${row.productId}&locationId=${row.locationId}`}>
            <Qty value={row.picked} />
          </AppLink>
        ) : (
          <Qty value={row.picked} />
        ),
    },
    {
      ...num('available', t, true),
      // A returns shelf or quarantine holds units without offering them: say so rather than a red 0 (in a file, beside it).
      csv: [{}, { field: 'offered', header: t('columns.offered') }],
      render: (row) =>
        row.offered ? (
          <Qty value={row.available} c={row.available <= 0 ? 'red' : undefined} fw={600} />
        ) : (
          <Text span size="xs" c="dimmed" title={t('notOfferedHint')} data-testid="not-offered">
            {t('notOffered')}
          </Text>
        ),
    },
    num('onOrder', t),
    num('backOrdered', t),
    {
      ...num('min', t, true),
      // Below minimum is what the purchasing team looks for: make it stand out.
      render: (row) => <Qty value={row.min} c={row.onHand < row.min ? 'orange' : undefined} fw={row.onHand < row.min ? 700 : undefined} />,
    },
    num('max', t, true),
    { accessor: 'value', title: t('columns.value'), textAlign: 'right', noWrap: true, hidden: !showValue, render: (row) => <Money value={row.value} /> },
  ];
}
