// Where a product is stocked (its inventory products), with the way to the full stock screen.
import { Button, Group, Stack, Text } from '@mantine/core';
import { IconArrowRight, IconPackages } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InventoryProduct } from '@shared/contract/stock';
import { Qty } from '@renderer/lib/Amount';
import { ListTable, useListView } from '@renderer/lib/list';
import { useProductStock } from './api';

export function ProductStock({ productId }: { productId: number }) {
  const { t } = useTranslation('catalog');
  const stock = useProductStock(productId);
  const view = useListView<InventoryProduct>({
    id: 'catalog.productStock',
    columns: [
      { accessor: 'locationName', title: t('stock.location'), alwaysShown: true, render: (r) => <Text span inherit fw={500}>{r.locationName}</Text> },
      { accessor: 'bin', title: t('stock.bin'), render: (r) => r.bin ?? <Text span inherit c="dimmed">—</Text> },
      { accessor: 'onHand', title: t('stock.onHand'), textAlign: 'right', render: (r) => <Qty value={r.onHand} /> },
      { accessor: 'available', title: t('stock.available'), textAlign: 'right', render: (r) => <Qty value={r.available} c={r.available < r.min ? 'red' : undefined} /> },
      { accessor: 'min', title: t('stock.min'), textAlign: 'right', render: (r) => <Qty value={r.min} /> },
      { accessor: 'max', title: t('stock.max'), textAlign: 'right', render: (r) => <Qty value={r.max} /> },
    ],
  });
  const link = (
    <Button component={Link} to={`/stock/items?productId=${productId}`} variant="light" rightSection={<IconArrowRight size={16} />}>
      {t('stock.open')}
    </Button>
  );
  return (
    <Stack gap="sm">
      {Boolean(stock.data?.rows.length) && <Group justify="flex-end">{link}</Group>}
      <ListTable testId="product-stock" view={view} query={{ ...stock, data: stock.data?.rows }} fit={false} chooser empty={{ icon: IconPackages, title: t('stock.empty'), description: t('stock.emptyHint'), action: link }} />
    </Stack>
  );
}
