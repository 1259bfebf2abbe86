// The confirmations of the order's state changes: submit it to the vendor, or cancel it.
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PurchaseOrder } from '../../../../../shared/contract/purchasing';
import { translateError } from '../../../lib/errors';
import { notify } from '../../../lib/notify';
import { useFormat } from '../../../lib/useFormat';
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
    <Modal opened onClose={onClose} title={t('submit.title', { number: order.number })}>
      <Stack>
        <Text size="sm">{t('submit.text', { vendor: order.vendorName })}</Text>
        <Text size="sm" fw={600}>
          {t('submit.contents', { lines: f.qty(order.lines.length), units: f.qty(units) })}
          {order.total !== null && ` · ${t('submit.total', { total: f.money(order.total) })}`}
        </Text>
        <Text size="sm" c="dimmed">
          {t('submit.after')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('submit.keepEditing')}
          </Button>
          <Button
            loading={submit.isPending}
            onClick={() =>
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
            {t('submit.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function CancelOrderModal({ order, onClose }: Props) {
  const { t } = useTranslation('purchasing');
  const cancel = useCancelOrder();
  const [reason, setReason] = useState('');
  return (
    <Modal opened onClose={onClose} title={t('cancelOrder.title', { number: order.number })}>
      <Stack>
        <Text size="sm">{order.status === 'submitted' ? t('cancelOrder.textSubmitted', { vendor: order.vendorName }) : t('cancelOrder.text')}</Text>
        <Textarea label={t('common.reason')} placeholder={t('cancelOrder.reasonPlaceholder')} autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-autofocus />
        {cancel.error && (
          <Alert color="red" role="alert">
            {translateError(cancel.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('cancelOrder.keep')}
          </Button>
          <Button
            color="red"
            loading={cancel.isPending}
            onClick={() =>
              cancel.mutate(
                { id: order.id, reason: reason.trim() || null },
                {
                  onSuccess: (o) => {
                    notify.success('purchasing:cancelOrder.done', { number: o.number });
                    onClose();
                  },
                },
              )
            }
          >
            {t('cancelOrder.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
