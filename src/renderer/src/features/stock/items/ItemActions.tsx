import { Menu } from '@mantine/core';
import { IconArrowsExchange, IconBarcode, IconHistory, IconMinus, IconPencil, IconPlus, IconTag } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { InventoryProduct } from '@shared/contract/stock';
import { RowMenu } from '@renderer/lib/RowMenu';
import { useCan } from '@renderer/lib/session';

export type ItemDialog = 'edit' | 'add' | 'remove' | 'labels';

/** The row menu of an inventory product: only what the user's permissions allow. */
export function ItemActions({ row, onOpen }: { row: InventoryProduct; onOpen: (dialog: ItemDialog, row: InventoryProduct) => void }) {
  const { t } = useTranslation('stock');
  return (
    <RowMenu label={t('items.rowActions', { sku: row.sku, location: row.locationName })}>
      <ItemMenuItems row={row} onOpen={onOpen} />
    </RowMenu>
  );
}

/** Rendered only once the menu is opened: 50 rows do not each read the permissions and the router. */
function ItemMenuItems({ row, onOpen }: { row: InventoryProduct; onOpen: (dialog: ItemDialog, row: InventoryProduct) => void }) {
  const { t } = useTranslation(['stock', 'common', 'labels']);
  const navigate = useNavigate();
  const canEdit = useCan('inventory.edit');
  const canAdjust = useCan('stock.adjust');
  const canTransfer = useCan('stock.transfer');
  const at = `productId=${row.productId}&locationId=${row.locationId}`;
  return (
    <>
      {canEdit && (
        <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => onOpen('edit', row)}>
          {t('common:actions.edit')}
        </Menu.Item>
      )}
      {canAdjust && (
        <Menu.Item leftSection={<IconPlus size={16} />} onClick={() => onOpen('add', row)}>
          {t('items.addStock')}
        </Menu.Item>
      )}
      {canAdjust && (
        <Menu.Item leftSection={<IconMinus size={16} />} onClick={() => onOpen('remove', row)} disabled={row.onHand <= 0}>
          {t('items.removeStock')}
        </Menu.Item>
      )}
      {canTransfer && (
        <Menu.Item leftSection={<IconArrowsExchange size={16} />} onClick={() => navigate(`/stock/transfers/new?fromLocationId=${row.locationId}&productId=${row.productId}`)} disabled={row.onHand <= 0}>
          {t('items.transfer')}
        </Menu.Item>
      )}
      <Menu.Divider />
      <Menu.Item leftSection={<IconBarcode size={16} />} onClick={() => navigate(`/stock/lots?${at}`)}>
        {t('items.units')}
      </Menu.Item>
      <Menu.Item leftSection={<IconHistory size={16} />} onClick={() => navigate(`/stock/history?${at}`)}>
        {t('items.history')}
      </Menu.Item>
      <Menu.Item leftSection={<IconTag size={16} />} onClick={() => onOpen('labels', row)}>
        {t('labels:action')}
      </Menu.Item>
    </>
  );
}
