import { Table, Text } from '@mantine/core';
import { IconStarFilled } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { productVendorSchema } from '@shared/contract/catalog';
import { Money } from '@renderer/lib/Amount';

type ProductVendor = z.infer<typeof productVendorSchema>;

/** The vendors a product is bought from, with this order's vendor picked out, while choosing a line's cost. */
export function ProductVendorsHint({ vendors, orderVendorId, showCost }: { vendors: ProductVendor[]; orderVendorId: number; showCost: boolean }) {
  const { t } = useTranslation('purchasing');
  if (vendors.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('lineForm.noVendors')}
      </Text>
    );
  }
  return (
    <Table withTableBorder fz="sm" verticalSpacing={4} data-testid="line-product-vendors">
      <Table.Caption ta="left" style={{ captionSide: 'top' }}>
        {t('lineForm.boughtFrom')}
      </Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('po.vendor')}</Table.Th>
          <Table.Th>{t('po.vendorPartNumber')}</Table.Th>
          {showCost && <Table.Th ta="right">{t('lineForm.vendorCost')}</Table.Th>}
          <Table.Th w={40} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {vendors.map((v) => {
          const mine = v.vendorId === orderVendorId;
          return (
            <Table.Tr key={v.id} bg={mine ? 'var(--mantine-color-blue-light)' : undefined} fw={mine ? 600 : undefined}>
              <Table.Td>
                {v.vendorName}
                {mine && ` · ${t('lineForm.thisOrder')}`}
              </Table.Td>
              <Table.Td>{v.vendorPartNumber ?? '—'}</Table.Td>
              {showCost && (
                <Table.Td ta="right">
                  <Money value={v.vendorCost} />
                </Table.Td>
              )}
              <Table.Td>{v.isDefault && <IconStarFilled size={14} color="var(--mantine-color-yellow-6)" aria-label={t('lineForm.defaultVendor')} />}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
