// Where a product is stocked (its inventory products), with the way to the full stock screen.
import { Alert, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconArrowRight, IconPackages } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Qty } from '@renderer/lib/Amount';
import { EmptyState } from '@renderer/lib/EmptyState';
import { translateError } from '@renderer/lib/errors';
import { useProductStock } from './api';

export function ProductStock({ productId }: { productId: number }) {
  const { t } = useTranslation('catalog');
  const stock = useProductStock(productId);
  const link = (
    <Button component={Link} to={`/stock/items?productId=${productId}`} variant="light" rightSection={<IconArrowRight size={16} />}>
      {t('stock.open')}
    </Button>
  );
  if (stock.isError) return <Alert color="red">{translateError(stock.error)}</Alert>;
  const rows = stock.data?.rows ?? [];
  if (stock.isSuccess && rows.length === 0) return <EmptyState icon={IconPackages} title={t('stock.empty')} description={t('stock.emptyHint')} action={link} />;
  return (
    <Stack gap="sm">
      <Group justify="flex-end">{link}</Group>
      <Table withTableBorder striped data-testid="product-stock">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('stock.location')}</Table.Th>
            <Table.Th>{t('stock.bin')}</Table.Th>
            <Table.Th ta="right">{t('stock.onHand')}</Table.Th>
            <Table.Th ta="right">{t('stock.available')}</Table.Th>
            <Table.Th ta="right">{t('stock.min')}</Table.Th>
            <Table.Th ta="right">{t('stock.max')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td fw={500}>{r.locationName}</Table.Td>
              <Table.Td>{r.bin ?? <Text c="dimmed">—</Text>}</Table.Td>
              <Table.Td ta="right">
                <Qty value={r.onHand} />
              </Table.Td>
              <Table.Td ta="right">
                <Qty value={r.available} c={r.available < r.min ? 'red' : undefined} />
              </Table.Td>
              <Table.Td ta="right">
                <Qty value={r.min} />
              </Table.Td>
              <Table.Td ta="right">
                <Qty value={r.max} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
