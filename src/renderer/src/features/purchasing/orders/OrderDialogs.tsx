// The confirmations of the order's state changes: submit it to the vendor, or cancel it.
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PurchaseOrder } from '@shared/contract/purchasing';
import { ConfirmModal } from '@renderer/lib/ConfirmModal';
import { notify } from '@renderer/lib/notify';
import { useFormat } from '@renderer/lib/useFormat';
import { useCancelOrder, useSubmitOrder } from '../api';

interface Props {
  order: PurchaseOrder;
  onClose: () => void;
}

export function SubmitOrderModal({ order, onClose }: Props) {
  const { t } = useTranslation('purchasing');
  const f = useFormat();
  const submit = useSubmitOrder();
  const units = order.lines.reduce((sum, l) => sum + l.qtyOrdered - l.qtyCanceled, 0);
  return (
    <ConfirmModal
      title={t('submit.title', { number: order.number })}
      text={t('submit.text', { vendor: order.vendorName })}
      confirmLabel={t('submit.confirm')}
      cancelLabel={t('submit.keepEditing')}
      loading={submit.isPending}
      onClose={onClose}
      onConfirm={() =>
        submit.mutate(
          { id: order.id },
          {
            onSuccess: (o) => {
              notify.success('purchasing:submit.done', { number: o.number });
              onClose();
            },
          },
        )
      }
    >
      <Text size="sm" fw={600}>
        {t('submit.contents', { lines: f.qty(order.lines.length), units: f.qty(units) })}
        {order.total !== null && ` · ${t('submit.total', { total: f.money(order.total) })}`}
      </Text>
      <Text size="sm" c="dimmed">
        {t('submit.after')}
      </Text>
    </ConfirmModal>
  );
}

export function CancelOrderModal({ order, onClose }: Props) {
  const { t } = useTranslation('purchasing');
  const cancel = useCancelOrder();
  return (
    <ConfirmModal
      title={t('cancelOrder.title', { number: order.number })}
      text={order.status === 'submitted' ? t('cancelOrder.textSubmitted', { vendor: order.vendorName }) : t('cancelOrder.text')}
      confirmLabel={t('cancelOrder.confirm')}
      cancelLabel={t('cancelOrder.keep')}
      color="red"
      reason={{ label: t('common.reason'), placeholder: t('cancelOrder.reasonPlaceholder') }}
      loading={cancel.isPending}
      error={cancel.error}
      onClose={onClose}
      onConfirm={(reason) =>
        cancel.mutate(
          { id: order.id, reason: reason || null },
          {
            onSuccess: (o) => {
              notify.success('purchasing:cancelOrder.done', { number: o.number });
              onClose();
            },
          },
        )
      }
    />
  );
}
