import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '@shared/contract';
import { ConfirmModal } from '@renderer/lib/ConfirmModal';
import { notify } from '@renderer/lib/notify';
import { useSettings } from '@renderer/lib/useFormat';
import { useCancelCount, usePostCount, useReverse } from '../api';

export type CountDialog = 'post' | 'cancel' | 'reverse';

interface Props {
  dialog: CountDialog;
  count: ChannelOutput<'stock.getCount'>;
  differences: number;
  onClose: () => void;
}

/** The confirmations that end a stocktake: post its differences, discard it, or reverse a posted one. */
export function CountDialogs({ dialog, count, differences, onClose }: Props) {
  const { t } = useTranslation('stock');
  const settings = useSettings();
  const post = usePostCount();
  const cancel = useCancelCount();
  const reverse = useReverse();
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
