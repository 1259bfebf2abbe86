import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconBan, IconCircleCheck, IconClockHour4, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PurchaseOrder } from '@shared/contract/purchasing';
import { useCan } from '@renderer/lib/session';
import { useModuleOn } from '@renderer/lib/activations';
import { useFormat, useSettings } from '@renderer/lib/useFormat';
import type { Decision } from './DecisionModal';

/**
 * Where the order stands on approval (and why it is canceled): the rejection note stands out, who asked
 * and when is shown, and an approver other than the order's creator and requester can decide right here.
 */
export function ApprovalNotice({ order, onDecide }: { order: PurchaseOrder; onDecide: (decision: Decision) => void }) {
  const { t } = useTranslation('purchasing');
  const f = useFormat();
  const canApprove = useCan('purchasing.approve');
  const settings = useSettings();
  // Without Procurement there is no approval step, whatever the setting says.
  const procurement = useModuleOn('procurement');
  const threshold = procurement ? (settings.data?.approvalThreshold ?? null) : null;
  const by = { user: order.approvalByName ?? '—', date: f.dateTime(order.approvalAt) };

  if (order.status === 'canceled') {
    return (
      <Alert color="gray" icon={<IconBan />} title={t('notice.canceledTitle')} data-testid="po-notice">
        {order.cancelReason ? t('notice.canceledReason', { reason: order.cancelReason }) : t('notice.canceledNoReason')}
      </Alert>
    );
  }
  // Once submitted, the approval is history (see the History tab); the next step is receiving.
  if (order.status !== 'new') return null;
  if (order.approvalStatus === 'rejected') {
    return (
      <Alert color="red" variant="filled" icon={<IconAlertTriangle />} title={t('notice.rejectedTitle', by)} data-testid="po-notice" id="po-notice" role="alert">
        <Text size="sm" fw={600} style={{ whiteSpace: 'pre-wrap' }} data-testid="po-rejection-note">
          {order.approvalNote}
        </Text>
        <Text size="sm" mt={6}>
          {t('notice.rejectedHint')}
        </Text>
      </Alert>
    );
  }
  if (order.approvalStatus === 'requested') {
    const mayDecide = canApprove && order.approverConflict === null;
    // Above the reader's approval limit: they may reject, and another approver (the tier named) approves.
    const aboveLimit = mayDecide && !order.withinLimit;
    return (
      <Alert color="yellow" icon={<IconClockHour4 />} title={t('notice.requestedTitle')} data-testid="po-notice" id="po-notice">
        <Group justify="space-between" align="center" wrap="wrap">
          <Stack gap={4}>
            {order.approvalRequestedByName && (
              <Text size="sm" fw={500} data-testid="po-requested-by">
                {t('notice.requestedBy', { user: order.approvalRequestedByName, date: f.dateTime(order.approvalRequestedAt) })}
              </Text>
            )}
            <Text size="sm">{mayDecide ? t('notice.requestedApprover') : t('notice.requestedText')}</Text>
            {aboveLimit && (
              <Text size="sm" fw={500} data-testid="po-above-limit">
                {order.neededLimit ? t('approvals.aboveLimit', { tier: order.neededLimit }) : t('approvals.aboveEveryLimit')}
              </Text>
            )}
            {canApprove && order.approverConflict && (
              <Text size="sm" fw={500} data-testid="po-approver-conflict">
                {t(`notice.conflict.${order.approverConflict}`)}
              </Text>
            )}
          </Stack>
          {mayDecide && (
            <Group gap="xs">
              {!aboveLimit && (
                <Button size="xs" color="teal" onClick={() => onDecide('approve')}>
                  {t('decision.approve')}
                </Button>
              )}
              <Button size="xs" color="red" variant="light" onClick={() => onDecide('reject')}>
                {t('decision.reject')}
              </Button>
            </Group>
          )}
        </Group>
      </Alert>
    );
  }
  if (order.approvalStatus === 'approved') {
    return (
      <Alert color="teal" icon={<IconCircleCheck />} title={t('notice.approvedTitle', by)} data-testid="po-notice">
        {order.approvalNote && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{order.approvalNote}</Text>}
      </Alert>
    );
  }
  if (!order.approvalCleared) {
    return (
      <Alert color="blue" icon={<IconInfoCircle />} title={t('notice.needsApprovalTitle')} data-testid="po-notice" id="po-notice">
        {threshold !== null && order.total !== null ? t('notice.needsApprovalThreshold', { threshold: f.money(threshold) }) : t('notice.needsApproval')}
      </Alert>
    );
  }
  return null;
}
