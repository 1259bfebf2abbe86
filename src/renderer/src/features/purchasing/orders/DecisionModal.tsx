import { useTranslation } from 'react-i18next';
import type { PoSummary } from '@shared/contract/purchasing';
import { ConfirmModal } from '@renderer/lib/ConfirmModal';
import { notify } from '@renderer/lib/notify';
import { useFormat } from '@renderer/lib/useFormat';
import { useApprove, useReject } from '../api';

export type Decision = 'approve' | 'reject';

/** An approver's answer to a purchase order waiting for approval; a rejection must say why. */
export function DecisionModal({ order, decision, onClose }: { order: PoSummary; decision: Decision; onClose: () => void }) {
  const { t } = useTranslation('purchasing');
  const f = useFormat();
  const approve = useApprove();
  const reject = useReject();
  const mutation = decision === 'approve' ? approve : reject;
  const done = (o: PoSummary) => {
    notify.success(decision === 'approve' ? 'purchasing:decision.approved' : 'purchasing:decision.rejected', { number: o.number });
    onClose();
  };
  const confirm = (note: string) => {
    if (decision === 'reject') reject.mutate({ id: order.id, note }, { onSuccess: done });
    else approve.mutate({ id: order.id, note: note || null }, { onSuccess: done });
  };
  return (
    <ConfirmModal
      title={t(`decision.${decision}Title`, { number: order.number })}
      text={
        <>
          {t('decision.summary', { vendor: order.vendorName, lines: order.lineCount })}
          {order.total !== null && ` · ${f.money(order.total)}`}
        </>
      }
      confirmLabel={t(`decision.${decision}`)}
      color={decision === 'approve' ? 'teal' : 'red'}
      reason={
        decision === 'approve'
          ? { label: t('decision.noteOptional'), minRows: 3 }
          : { label: t('decision.noteRequired'), description: t('decision.rejectHint'), required: true, missing: t('decision.noteMissing'), minRows: 3 }
      }
      loading={mutation.isPending}
      error={mutation.error}
      onClose={onClose}
      onConfirm={confirm}
    />
  );
}
