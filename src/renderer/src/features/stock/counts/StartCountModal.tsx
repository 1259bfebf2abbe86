import { Modal, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { stockContract } from '@shared/contract/stock';
import { translateError } from '@renderer/lib/errors';
import { notify } from '@renderer/lib/notify';
import { useZodForm } from '@renderer/lib/useZodForm';
import { useStartCount } from '../api';
import { codeOf } from '../common/errors';
import { LocationSelect } from '@renderer/lib/pickers/LocationSelect';
import { FormFooter } from '@renderer/lib/FormFooter';

/** Opens a stocktake of one location and goes straight to its scanning screen. */
export function StartCountModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('stock');
  const navigate = useNavigate();
  const start = useStartCount();
  const form = useZodForm(stockContract['stock.startCount'].input, { locationId: null as number | null, note: '' }, { toInput: (v) => ({ locationId: v.locationId ?? undefined, note: v.note }) });
  const submit = form.onSubmit((input) =>
    start.mutate(input, {
      onSuccess: (count) => {
        notify.success('stock:counts.started', { number: count.number });
        navigate(`/stock/counts/${count.id}`);
      },
      onError: (err) => {
        const code = codeOf(err);
        if (code === 'COUNT_OPEN' || code === 'LOCATION_INACTIVE' || code === 'LOCATION_VIRTUAL') form.setFieldError('locationId', translateError(err));
        else if (!form.applyApiError(err)) notify.error(err);
      },
    }),
  );
  return (
    <Modal opened onClose={onClose} title={t('counts.startTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <LocationSelect required value={form.values.locationId} onChange={(id) => form.setFieldValue('locationId', id)} error={form.errors.locationId} />
          <Textarea label={t('common.note')} autosize minRows={2} {...form.getInputProps('note')} />
          <FormFooter onCancel={onClose} submitLabel={t('counts.start')} loading={start.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
