import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../../shared/contract';
import { translateError } from '../../../lib/errors';
import { notify } from '../../../lib/notify';
import { useSettings } from '../../../lib/useFormat';
import { useCancelCount, usePostCount, useReverse } from '../api';
import { ReasonConfirmModal } from '../common/ReasonConfirmModal';

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
      <ReasonConfirmModal
        title={t('counts.postTitle', { number: count.number })}
        text={t('counts.postText', { differences })}
        confirmLabel={t('counts.post')}
        color="blue"
        reasonRequired={false}
        loading={post.isPending}
        error={post.error ? translateError(post.error) : null}
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
      <ReasonConfirmModal
        title={t('counts.reverseTitle', { number: count.number })}
        text={t('counts.reverseText')}
        confirmLabel={t('counts.reverse')}
        color="orange"
        reasonRequired={reasonRequired}
        loading={reverse.isPending}
        error={reverse.error ? translateError(reverse.error) : null}
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
    <Modal opened onClose={onClose} title={t('counts.cancelTitle', { number: count.number })}>
      <Stack>
        <Text size="sm">{t('counts.cancelText')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('counts.keepCounting')}
          </Button>
          <Button
            color="red"
            loading={cancel.isPending}
            onClick={() =>
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
          >
            {t('counts.cancel')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
