import { ActionIcon, Menu } from '@mantine/core';
import { IconArrowsExchange, IconBarcode, IconDots, IconHistory, IconMinus, IconPencil, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { InventoryProduct } from '@shared/contract/stock';
import { useCan } from '@renderer/lib/session';

export type ItemDialog = 'edit' | 'add' | 'remove';

/** The row menu of an inventory product: only what the user's permissions allow. */
export function ItemActions({ row, onOpen }: { row: InventoryProduct; onOpen: (dialog: ItemDialog, row: InventoryProduct) => void }) {
  const { t } = useTranslation(['stock', 'common']);
  const navigate = useNavigate();
  const canEdit = useCan('inventory.edit');
  const canAdjust = useCan('stock.adjust');
  const canTransfer = useCan('stock.transfer');
  const at = `productId=${row.productId}&locationId=${row.locationId}`;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" aria-label={t('items.rowActions', { sku: row.sku, location: row.locationName })} onClick={(e) => e.stopPropagation()}>
          <IconDots size={18} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
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
      </Menu.Dropdown>
    </Menu>
  );
}
