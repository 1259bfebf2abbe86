import { Input, Modal, NumberInput, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InventoryProduct } from '@shared/contract/stock';
import { stockContract } from '@shared/contract/stock';
import { translateError } from '@renderer/lib/errors';
import { notify } from '@renderer/lib/notify';
import { useFormat, useSettings } from '@renderer/lib/useFormat';
import { useZodForm } from '@renderer/lib/useZodForm';
import { useRemoveStock } from '../api';
import { codeOf } from '../common/errors';
import { SerialPicker } from '@renderer/lib/pickers/SerialPicker';
import { FormFooter } from '@renderer/lib/FormFooter';

type Destination = 'adjustment' | 'scrap';
type Values = { qty: number | string; serials: string[]; destination: Destination; reason: string };

/** Takes units out by hand, to the Adjustment or Scrap location: oldest first, or the chosen serials. */
export function RemoveStockModal({ row, onClose }: { row: InventoryProduct; onClose: () => void }) {
  const { t } = useTranslation('stock');
  const f = useFormat();
  const settings = useSettings();
  const remove = useRemoveStock();
  const reasonRequired = settings.data?.requireAdjustmentReason ?? false;
  const form = useZodForm(stockContract['stock.remove'].input, { qty: 1, serials: [], destination: 'adjustment', reason: '' } as Values, {
    toInput: (v) => ({
      productId: row.productId,
      locationId: row.locationId,
      qty: row.serialized ? undefined : typeof v.qty === 'number' ? v.qty : undefined,
      serials: row.serialized ? v.serials : undefined,
      destination: v.destination,
      reason: v.reason,
    }),
  });

  const submit = form.onSubmit((input) => {
    let refused = false;
    if (row.serialized && (input.serials?.length ?? 0) === 0) {
      form.setFieldError('serials', t('remove.chooseSerials'));
      refused = true;
    }
    if (!row.serialized && input.qty === undefined) {
      form.setFieldError('qty', t('remove.enterQty'));
      refused = true;
    }
    if (reasonRequired && !input.reason) {
      form.setFieldError('reason', t('common.reasonRequiredHint'));
      refused = true;
    }
    if (refused) return;
    remove.mutate(input, {
      onSuccess: (doc) => {
        notify.success('stock:remove.done', { number: doc.number });
        onClose();
      },
      onError: (err) => {
        const code = codeOf(err);
        if (code === 'SERIAL_NOT_FOUND' || code === 'DUPLICATE_SERIAL' || code === 'SERIAL_REQUIRED') form.setFieldError('serials', translateError(err));
        else if (code === 'INSUFFICIENT_STOCK') form.setFieldError(row.serialized ? 'serials' : 'qty', translateError(err));
        else if (code === 'REASON_REQUIRED') form.setFieldError('reason', translateError(err));
        else if (!form.applyApiError(err)) notify.error(err);
      },
    });
  });

  return (
    <Modal opened onClose={onClose} title={t('remove.title', { sku: row.sku, location: row.locationName })} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {row.productName} · {t('remove.onHand', { onHand: f.qty(row.onHand), available: f.qty(row.available) })}
          </Text>
          {row.serialized ? (
            <SerialPicker
              productId={row.productId}
              locationId={row.locationId}
              value={form.values.serials}
              onChange={(serials) => {
                form.setFieldValue('serials', serials);
                form.clearFieldError('serials');
              }}
              error={form.errors.serials as string | undefined}
            />
          ) : (
            <NumberInput
              label={t('common.quantity')}
              description={t('remove.oldestFirst')}
              min={1}
              allowDecimal={false}
              allowNegative={false}
              required
              {...form.getInputProps('qty')}
            />
          )}
          <Input.Wrapper label={t('remove.destination')}>
            <SegmentedControl
              fullWidth
              data-testid="remove-destination"
              data={[
                { value: 'adjustment', label: t('remove.destinations.adjustment') },
                { value: 'scrap', label: t('remove.destinations.scrap') },
              ]}
              {...form.getInputProps('destination')}
            />
          </Input.Wrapper>
          <Textarea label={t('common.reason')} required={reasonRequired} autosize minRows={2} {...form.getInputProps('reason')} />
          <FormFooter onCancel={onClose} submitLabel={t('remove.submit')} color="red" loading={remove.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
