import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '@shared/contract';
import { ConfirmModal } from '@renderer/lib/ConfirmModal';
import { notify } from '@renderer/lib/notify';
import { useSettings } from '@renderer/lib/useFormat';
import { useCancelCount, usePostCount, useReverse, useSendBackCount, useSubmitCount } from '../api';

export type CountDialog = 'post' | 'cancel' | 'reverse' | 'submit' | 'sendBack';

interface Props {
  dialog: CountDialog;
  count: ChannelOutput<'stock.getCount'>;
  differences: number;
  onClose: () => void;
}

/**
 * The confirmations that move a stocktake on: submit it for review (counting is not adjusting), post its
 * differences or send it back with a note (who may adjust stock), discard it, or reverse a posted one.
 */
export function CountDialogs({ dialog, count, differences, onClose }: Props) {
  const { t } = useTranslation('stock');
  const settings = useSettings();
  const post = usePostCount();
  const cancel = useCancelCount();
  const reverse = useReverse();
  const submit = useSubmitCount();
  const sendBack = useSendBackCount();
  const reasonRequired = settings.data?.requireAdjustmentReason ?? false;

  if (dialog === 'post') {
    return (
      <ConfirmModal
        title={t('counts.postTitle', { number: count.number })}
        text={t('counts.postText', { differences })}
        confirmLabel={t('counts.post')}
        color="blue"
        // Posting changes stock only where the count found differences; a clean count needs no reason.
        reason={{ label: t('common.reason'), required: reasonRequired && differences > 0, missing: t('common.reasonRequiredHint') }}
        loading={post.isPending}
        error={post.error}
        onClose={onClose}
        onConfirm={(reason) =>
          post.mutate(
            { id: count.id, reason },
            {
              onSuccess: (doc) => {
                notify.success('stock:counts.posted', { number: doc.number });
                onClose();
              },
            },
          )
        }
      />
    );
  }
  if (dialog === 'submit') {
    return (
      <ConfirmModal
        title={t('counts.submitTitle', { number: count.number })}
        text={t('counts.submitText', { differences })}
        confirmLabel={t('counts.submit')}
        color="blue"
        loading={submit.isPending}
        error={submit.error}
        onClose={onClose}
        onConfirm={() => submit.mutate({ id: count.id }, { onSuccess: (doc) => (notify.success('stock:counts.submitted', { number: doc.number }), onClose()) })}
      />
    );
  }
  if (dialog === 'sendBack') {
    return (
      <ConfirmModal
        title={t('counts.sendBackTitle', { number: count.number })}
        text={t('counts.sendBackText')}
        confirmLabel={t('counts.sendBack')}
        color="orange"
        reason={{ label: t('counts.sendBackNote'), required: true, missing: t('counts.sendBackNote') }}
        loading={sendBack.isPending}
        error={sendBack.error}
        onClose={onClose}
        onConfirm={(note) => sendBack.mutate({ id: count.id, note: note ?? '' }, { onSuccess: (doc) => (notify.success('stock:counts.sentBack', { number: doc.number }), onClose()) })}
      />
    );
  }
  if (dialog === 'reverse') {
    return (
      <ConfirmModal
        title={t('counts.reverseTitle', { number: count.number })}
        text={t('counts.reverseText')}
        confirmLabel={t('counts.reverse')}
        color="orange"
        reason={{ label: t('common.reason'), required: reasonRequired, missing: t('common.reasonRequiredHint') }}
        loading={reverse.isPending}
        error={reverse.error}
        onClose={onClose}
        onConfirm={(reason) =>
          reverse.mutate(
            { documentType: 'stocktake', id: count.id, reason },
            {
              onSuccess: (doc) => {
                notify.success('stock:counts.reversed', { number: doc.number });
                onClose();
              },
            },
          )
        }
      />
    );
  }
  return (
    <ConfirmModal
      title={t('counts.cancelTitle', { number: count.number })}
      text={t('counts.cancelText')}
      confirmLabel={t('counts.cancel')}
      cancelLabel={t('counts.keepCounting')}
      color="red"
      loading={cancel.isPending}
      onClose={onClose}
      onConfirm={() =>
        cancel.mutate(
          { id: count.id },
          {
            onSuccess: (doc) => {
              notify.success('stock:counts.canceled', { number: doc.number });
              onClose();
            },
          },
        )
      }
    />
  );
}
