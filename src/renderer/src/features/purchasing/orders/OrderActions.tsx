import { Button, Group, Paper, Text } from '@mantine/core';
import { IconBan, IconDownload, IconMail, IconPrinter, IconSend, IconShieldCheck, IconTruckDelivery } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PurchaseOrder } from '@shared/contract/purchasing';
import { notify } from '@renderer/lib/notify';
import { useCan } from '@renderer/lib/session';
import { useRequestApproval } from '../api';
import { useOrderPdf } from './useOrderPdf';

export type OrderDialog = 'submit' | 'cancel' | 'email' | 'edit';

/** Why Submit is not possible yet, or null when it is. The main process's approval gate decides `approvalCleared`. */
export function submitBlocker(order: PurchaseOrder): 'noLines' | 'approvalNeeded' | 'approvalPending' | null {
  if (order.lines.length === 0) return 'noLines';
  if (!order.approvalCleared) return order.approvalStatus === 'requested' ? 'approvalPending' : 'approvalNeeded';
  return null;
}

/** The order's action bar: its next step on the left, its documents and corrections on the right. */
export function OrderActions({ order, onOpen }: { order: PurchaseOrder; onOpen: (dialog: OrderDialog) => void }) {
  const { t } = useTranslation('purchasing');
  const canManage = useCan('purchasing.manage');
  const canReceive = useCan('purchasing.receive');
  // The PDF and its e-mail print costs: the server refuses them to users who may not see costs.
  const canSeeCosts = useCan('costs.view');
  const canDocuments = canManage && canSeeCosts;
  const requestApproval = useRequestApproval();
  const pdf = useOrderPdf(order.id);
  const isNew = order.status === 'new';
  const open = order.status === 'submitted' || order.status === 'receivedPartial';
  const blocker = submitBlocker(order);
  const mayRequest = canManage && isNew && order.needsApproval && (order.approvalStatus === 'none' || order.approvalStatus === 'rejected');
  const mayCancel = canManage && (isNew || order.status === 'submitted') && !order.anythingReceived;
  if (!canManage && !(canReceive && open)) return null;

  return (
    <Paper withBorder p="sm" data-testid="po-actions">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="sm" wrap="wrap">
          {mayRequest && (
            <Button
              variant="light"
              color="yellow"
              leftSection={<IconShieldCheck size={16} />}
              loading={requestApproval.isPending}
              disabled={order.lines.length === 0}
              onClick={() => requestApproval.mutate({ id: order.id }, { onSuccess: (o) => notify.success('purchasing:order.approvalRequested', { number: o.number }) })}
            >
              {t('order.requestApproval')}
            </Button>
          )}
          {canManage && isNew && (
            <Button
              leftSection={<IconSend size={16} />}
              disabled={blocker !== null}
              onClick={() => onOpen('submit')}
              aria-describedby={blocker === 'noLines' ? 'po-submit-blocker' : blocker ? 'po-notice' : undefined}
            >
              {t('order.submit')}
            </Button>
          )}
          {canReceive && open && (
            <Button component={Link} to={`/purchasing/receiving?orderId=${order.id}`} leftSection={<IconTruckDelivery size={16} />}>
              {t('order.receive')}
            </Button>
          )}
        </Group>
        {canManage && (
          <Group gap="xs" wrap="wrap">
            {canDocuments && (
              <>
                <Button variant="default" leftSection={<IconDownload size={16} />} loading={pdf.job === 'download'} onClick={pdf.download}>
                  {t('order.downloadPdf')}
                </Button>
                <Button variant="default" leftSection={<IconPrinter size={16} />} loading={pdf.job === 'print'} onClick={pdf.print}>
                  {t('order.print')}
                </Button>
              </>
            )}
            {canDocuments && order.status !== 'canceled' && (
              <Button
                variant="default"
                leftSection={<IconMail size={16} />}
                disabled={!order.approvalCleared}
                aria-describedby={order.approvalCleared ? undefined : 'po-email-blocker'}
                onClick={() => onOpen('email')}
              >
                {t('order.email')}
              </Button>
            )}
            {mayCancel && (
              <Button variant="subtle" color="red" leftSection={<IconBan size={16} />} onClick={() => onOpen('cancel')}>
                {t('order.cancel')}
              </Button>
            )}
          </Group>
        )}
      </Group>
      {/* The approval blockers are explained by the notice above the bar. */}
      {canManage && isNew && blocker === 'noLines' && (
        <Text size="sm" c="dimmed" mt="xs" id="po-submit-blocker" data-testid="po-submit-blocker">
          {t(`order.blocker.${blocker}`)}
        </Text>
      )}
      {canDocuments && order.status !== 'canceled' && !order.approvalCleared && (
        <Text size="sm" c="dimmed" mt="xs" id="po-email-blocker" data-testid="po-email-blocker">
          {t('order.emailBlocked')}
        </Text>
      )}
    </Paper>
  );
}
