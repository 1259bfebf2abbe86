// The vendors a product can be bought from. A product needs one before it can go on a purchase order.
import { ActionIcon, Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconEdit, IconPlus, IconStarFilled, IconTrash, IconTruck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Money } from '@renderer/lib/Amount';
import { ListTable, useListView } from '@renderer/lib/list';
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

  const view = useListView<ProductVendor>({
    id: 'catalog.productVendors',
    columns: [
      { accessor: 'vendorName', title: t('fields.vendor'), alwaysShown: true, render: (v) => <Text span inherit fw={500}>{v.vendorName}</Text> },
      { accessor: 'vendorPartNumber', title: t('fields.vendorPartNumber'), render: (v) => v.vendorPartNumber ?? <Text span inherit c="dimmed">—</Text> },
      { accessor: 'vendorCost', title: t('fields.vendorCost'), textAlign: 'right', hidden: !canSeeCosts, render: (v) => <Money value={v.vendorCost} /> },
      { accessor: 'isDefault', title: t('vendors.default'), render: (v) => v.isDefault && <IconStarFilled size={16} color="var(--mantine-color-yellow-6)" aria-label={t('vendors.default')} /> },
      {
        accessor: 'actions',
        title: '',
        hidden: !canManage,
        render: (v) => (
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
        ),
      },
    ],
  });

  return (
    <Stack gap="sm">
      {rows.length > 0 && <Group justify="flex-end">{addButton}</Group>}
      <ListTable testId="product-vendors" view={view} query={vendors} fit={false} chooser empty={{ icon: IconTruck, title: t('vendors.empty'), description: t('vendors.emptyHint'), action: addButton }} />
      {editing !== null && (
        <ProductVendorModal productId={productId} vendor={editing === 'new' ? null : editing} isFirst={rows.length === 0} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}
