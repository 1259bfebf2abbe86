// The vendors a product can be bought from. A product needs one before it can go on a purchase order.
import { ActionIcon, Alert, Button, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconEdit, IconPlus, IconStarFilled, IconTrash, IconTruck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Money } from '@renderer/lib/Amount';
import { EmptyState } from '@renderer/lib/EmptyState';
import { translateError } from '@renderer/lib/errors';
import { useCan } from '@renderer/lib/session';
import { useProductVendors, useRemoveProductVendor } from './api';
import { ProductVendorModal, type ProductVendor } from './ProductVendorModal';

export function ProductVendors({ productId }: { productId: number }) {
  const { t } = useTranslation(['catalog', 'common']);
  const canManage = useCan('catalog.manage');
  const canSeeCosts = useCan('costs.view');
  const vendors = useProductVendors(productId);
  const remove = useRemoveProductVendor();
  const [editing, setEditing] = useState<ProductVendor | 'new' | null>(null);
  const rows = vendors.data ?? [];
  const addButton = canManage && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
      {t('vendors.add')}
    </Button>
  );

  if (vendors.isError) return <Alert color="red">{translateError(vendors.error)}</Alert>;
  return (
    <Stack gap="sm">
      {vendors.isSuccess && rows.length === 0 ? (
        <EmptyState icon={IconTruck} title={t('vendors.empty')} description={t('vendors.emptyHint')} action={addButton} />
      ) : (
        <>
          <Group justify="flex-end">{addButton}</Group>
          <Table withTableBorder striped data-testid="product-vendors">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.vendor')}</Table.Th>
                <Table.Th>{t('fields.vendorPartNumber')}</Table.Th>
                {canSeeCosts && <Table.Th ta="right">{t('fields.vendorCost')}</Table.Th>}
                <Table.Th>{t('vendors.default')}</Table.Th>
                {canManage && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((v) => (
                <Table.Tr key={v.id}>
                  <Table.Td fw={500}>{v.vendorName}</Table.Td>
                  <Table.Td>{v.vendorPartNumber ?? <Text c="dimmed">—</Text>}</Table.Td>
                  {canSeeCosts && (
                    <Table.Td ta="right">
                      <Money value={v.vendorCost} />
                    </Table.Td>
                  )}
                  <Table.Td>{v.isDefault && <IconStarFilled size={16} color="var(--mantine-color-yellow-6)" aria-label={t('vendors.default')} />}</Table.Td>
                  {canManage && (
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Tooltip label={t('common:actions.edit')}>
                          <ActionIcon variant="subtle" aria-label={t('vendors.editNamed', { name: v.vendorName })} onClick={() => setEditing(v)}>
                            <IconEdit size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={t('common:actions.remove')}>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={t('vendors.removeNamed', { name: v.vendorName })}
                            loading={remove.isPending && remove.variables?.id === v.id}
                            onClick={() => remove.mutate({ id: v.id })}
                          >
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Tooltip>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      {editing !== null && (
        <ProductVendorModal productId={productId} vendor={editing === 'new' ? null : editing} isFirst={rows.length === 0} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}
