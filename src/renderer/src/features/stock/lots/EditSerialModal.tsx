import { Modal, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Lot } from '@shared/contract/stock';
import { stockContract } from '@shared/contract/stock';
import { notify } from '@renderer/lib/notify';
import { useZodForm } from '@renderer/lib/useZodForm';
import { useEditSerial } from '../api';
import { codeOf } from '../common/errors';
import { FormFooter } from '@renderer/lib/FormFooter';

/** Corrects a mistyped serial number; the change is kept in the history with before and after. */
export function EditSerialModal({ lot, onClose }: { lot: Lot; onClose: () => void }) {
  const { t } = useTranslation(['stock', 'common']);
  const edit = useEditSerial();
  const form = useZodForm(stockContract['stock.editSerial'].input, { serialNumber: lot.serialNumber ?? '' }, { toInput: (v) => ({ lotId: lot.lotId, serialNumber: v.serialNumber }) });
  const submit = form.onSubmit((input) =>
    edit.mutate(input, {
      onSuccess: (saved) => {
        notify.success('stock:lots.serialSaved', { serial: saved.serialNumber });
        onClose();
      },
      onError: (err) => {
        if (codeOf(err) === 'DUPLICATE_SERIAL') form.setFieldError('serialNumber', t('lots.serialTaken', { serial: input.serialNumber }));
        else if (!form.applyApiError(err)) notify.error(err);
      },
    }),
  );
  return (
    <Modal opened onClose={onClose} title={t('lots.editSerialTitle', { sku: lot.sku })}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {lot.productName} · {lot.locationName}
          </Text>
          <TextInput label={t('lots.newSerial')} data-autofocus required autoComplete="off" {...form.getInputProps('serialNumber')} />
          <FormFooter onCancel={onClose} submitLabel={t('common:actions.save')} loading={edit.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
