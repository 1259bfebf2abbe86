// The smaller confirmations on a line: remove it from a New order, or reduce what the vendor still owes.
import { Alert, Modal, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { purchasingContract, type PoLine } from '@shared/contract/purchasing';
import { ApiError } from '@renderer/lib/api';
import { ConfirmModal } from '@renderer/lib/ConfirmModal';
import { translateError } from '@renderer/lib/errors';
import { notify } from '@renderer/lib/notify';
import { useFormat } from '@renderer/lib/useFormat';
import { useZodForm } from '@renderer/lib/useZodForm';
import { useReduceLine, useRemoveLine } from '../api';
import { FormFooter } from '@renderer/lib/FormFooter';

interface Props {
  line: PoLine;
  onClose: () => void;
}

export function RemoveLineModal({ line, onClose }: Props) {
  const { t } = useTranslation(['purchasing', 'common']);
  const f = useFormat();
  const remove = useRemoveLine();
  return (
    <ConfirmModal
      title={t('lineForm.removeTitle', { lineNo: line.lineNo })}
      text={t('lineForm.removeText', { qty: f.qty(line.qtyOrdered), sku: line.sku, product: line.productName })}
      confirmLabel={t('common:actions.remove')}
      color="red"
      loading={remove.isPending}
      onClose={onClose}
      onConfirm={() =>
        remove.mutate(
          { id: line.id },
          {
            onSuccess: () => {
              notify.success('purchasing:lineForm.removed', { lineNo: line.lineNo, sku: line.sku });
              onClose();
            },
          },
        )
      }
    />
  );
}

type ReduceValues = { qty: number | string; reason: string };

/** The vendor cannot deliver some of the outstanding units: they are cancelled from the line. */
export function ReduceLineModal({ line, onClose }: Props) {
  const { t } = useTranslation(['purchasing', 'common']);
  const f = useFormat();
  const reduce = useReduceLine();
  const form = useZodForm(purchasingContract['purchasing.reduceLine'].input, { qty: line.outstanding, reason: '' } as ReduceValues, {
    toInput: (v) => ({ id: line.id, qty: typeof v.qty === 'number' ? v.qty : undefined, reason: v.reason }),
  });
  const submit = form.onSubmit((input) => {
    if (input.qty > line.outstanding) {
      form.setFieldError('qty', t('reduce.tooMany', { outstanding: f.qty(line.outstanding) }));
      return;
    }
    reduce.mutate(input, {
      onSuccess: () => {
        notify.success('purchasing:reduce.done', { lineNo: line.lineNo, sku: line.sku, qty: f.qty(input.qty) });
        onClose();
      },
      onError: (err) => {
        if (err instanceof ApiError && err.code === 'OVER_RECEIPT') form.setFieldError('qty', translateError(err));
        else if (!form.applyApiError(err)) notify.error(err);
      },
    });
  });
  return (
    <Modal opened onClose={onClose} title={t('reduce.title', { lineNo: line.lineNo, sku: line.sku })}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('reduce.text')}</Text>
          <Alert color="gray" py="xs">
            {t('reduce.state', { ordered: f.qty(line.qtyOrdered), received: f.qty(line.qtyReceived), outstanding: f.qty(line.outstanding) })}
          </Alert>
          <NumberInput
            label={t('reduce.qty')}
            withAsterisk
            min={1}
            max={line.outstanding}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator={false}
            data-autofocus
            {...form.getInputProps('qty')}
          />
          <Textarea label={t('common.reason')} placeholder={t('reduce.reasonPlaceholder')} autosize minRows={2} {...form.getInputProps('reason')} />
          <FormFooter onCancel={onClose} submitLabel={t('reduce.confirm')} color="orange" loading={reduce.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
