import { Alert, Button, Center, Group, Loader, Pagination, Stack } from '@mantine/core';
import { IconTruckDelivery } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PurchaseOrder, Receipt } from '@shared/contract/purchasing';
import { ConfirmModal } from '@renderer/lib/ConfirmModal';
import { EmptyState } from '@renderer/lib/EmptyState';
import { translateError } from '@renderer/lib/errors';
import { notify } from '@renderer/lib/notify';
import { useCan } from '@renderer/lib/session';
import { useSettings } from '@renderer/lib/useFormat';
import { useCancelReceipt, useReceipts } from '../api';
import { ReceiptCard } from './ReceiptCard';

const PAGE_SIZE = 20;

/** Every receipt of the order, newest first; a posted one can be cancelled (its units go back to the vendor). */
export function ReceiptsTab({ order }: { order: PurchaseOrder }) {
  const { t } = useTranslation(['purchasing', 'common']);
  const canReceive = useCan('purchasing.receive');
  const showCosts = useCan('costs.view');
  const [page, setPage] = useState(1);
  const receipts = useReceipts({ orderId: order.id, page, pageSize: PAGE_SIZE, sortBy: 'createdAt', sortDirection: 'desc' });
  const [canceling, setCanceling] = useState<Receipt | null>(null);
  const open = order.status === 'submitted' || order.status === 'receivedPartial';

  if (receipts.isError) return <Alert color="red">{translateError(receipts.error)}</Alert>;
  if (!receipts.data) {
    return (
      <Center mih={160}>
        <Loader aria-label={t('common:loading')} />
      </Center>
    );
  }
  const { rows, total } = receipts.data;
  if (total === 0) {
    return (
      <EmptyState
        icon={IconTruckDelivery}
        testId="po-receipts-empty"
        title={t('receipts.emptyTitle')}
        description={open ? t('receipts.emptyOpen') : t('receipts.emptyText')}
        action={
          canReceive &&
          open && (
            <Button component={Link} to={`/purchasing/receiving?orderId=${order.id}`} leftSection={<IconTruckDelivery size={16} />}>
              {t('order.receive')}
            </Button>
          )
        }
      />
    );
  }
  return (
    <Stack gap="md" data-testid="po-receipts">
      {rows.map((r) => (
        <ReceiptCard key={r.id} receipt={r} orderId={order.id} showCosts={showCosts} onCancel={canReceive && r.status === 'posted' ? () => setCanceling(r) : null} />
      ))}
      {total > PAGE_SIZE && (
        <Group justify="center">
          <Pagination total={Math.ceil(total / PAGE_SIZE)} value={page} onChange={setPage} />
        </Group>
      )}
      {canceling && <CancelReceiptModal receipt={canceling} onClose={() => setCanceling(null)} />}
    </Stack>
  );
}

function CancelReceiptModal({ receipt, onClose }: { receipt: Receipt; onClose: () => void }) {
  const { t } = useTranslation(['purchasing', 'common']);
  const cancel = useCancelReceipt();
  const settings = useSettings();
  return (
    <ConfirmModal
      title={t('receipts.cancelTitle', { number: receipt.number })}
      text={t('receipts.cancelText')}
      confirmLabel={t('receipts.cancel')}
      cancelLabel={t('receipts.keep')}
      color="red"
      reason={{ label: t('common.reason'), required: settings.data?.requireAdjustmentReason ?? false, missing: t('common.reasonRequired') }}
      loading={cancel.isPending}
      error={cancel.error}
      onClose={onClose}
      onConfirm={(reason) =>
        cancel.mutate(
          { id: receipt.id, reason: reason || null },
          {
            onSuccess: (r) => {
              notify.success('purchasing:receipts.canceled', { number: r.number });
              onClose();
            },
          },
        )
      }
    />
  );
}
