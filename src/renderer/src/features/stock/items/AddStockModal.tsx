import { Modal, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InventoryProduct } from '@shared/contract/stock';
import { stockContract } from '@shared/contract/stock';
import { translateError } from '@renderer/lib/errors';
import { notify } from '@renderer/lib/notify';
import { useSettings } from '@renderer/lib/useFormat';
import { useZodForm } from '@renderer/lib/useZodForm';
import { useAddStock, useCostOptions } from '../api';
import { codeOf, serialsOf } from '../common/errors';
import { SerialEntry } from '@renderer/lib/pickers/SerialEntry';
import { CostMethodField, type CostMethod } from './CostMethodField';
import { FormFooter } from '@renderer/lib/FormFooter';

type Values = { qty: number | string; costMethod: CostMethod | null; unitCost: number | null; serials: string[]; reason: string };

/** Adds units by hand (Adjustment → this location) at a chosen unit cost; serialized products need a serial per unit. */
export function AddStockModal({ row, onClose }: { row: InventoryProduct; onClose: () => void }) {
  const { t } = useTranslation('stock');
  const settings = useSettings();
  const options = useCostOptions(row.productId);
  const add = useAddStock();
  const [flagged, setFlagged] = useState<string[]>([]);
  const form = useZodForm(stockContract['stock.add'].input, { qty: 1, costMethod: null, unitCost: null, serials: [], reason: '' } as Values, {
    toInput: (v) => ({
      productId: row.productId,
      locationId: row.locationId,
      qty: typeof v.qty === 'number' ? v.qty : undefined,
      // The method shown (office default until the user picks) is sent at submit; this only satisfies the schema.
      costMethod: v.costMethod ?? 'average',
      unitCost: v.costMethod === 'manual' ? (v.unitCost ?? undefined) : undefined,
      serials: row.serialized ? v.serials : undefined,
      reason: v.reason,
    }),
  });

  // Until the user picks, the office default applies, unless it has no value for this product.
  const preferred = settings.data?.defaultCostMethod ?? 'average';
  const usable = (m: CostMethod) => m === 'manual' || (options.data ? options.data[m] !== null : true);
  const method: CostMethod = form.values.costMethod ?? (usable(preferred) ? preferred : 'catalogue');
  const reasonRequired = settings.data?.requireAdjustmentReason ?? false;
  const qty = typeof form.values.qty === 'number' ? form.values.qty : 0;

  const submit = form.onSubmit((input) => {
    let refused = false;
    if (row.serialized && input.serials?.length !== input.qty) {
      form.setFieldError('serials', t('add.serialCountMismatch'));
      refused = true;
    }
    if (method === 'manual' && input.unitCost === undefined) {
      form.setFieldError('unitCost', t('add.costRequired'));
      refused = true;
    }
    if (reasonRequired && !input.reason) {
      form.setFieldError('reason', t('common.reasonRequiredHint'));
      refused = true;
    }
    if (refused) return;
    add.mutate(
      { ...input, costMethod: method },
      {
        onSuccess: (doc) => {
          notify.success('stock:add.done', { number: doc.number });
          onClose();
        },
        onError: (err) => {
          const code = codeOf(err);
          if (code === 'DUPLICATE_SERIAL' || code === 'SERIAL_COUNT_MISMATCH' || code === 'SERIAL_REQUIRED') {
            setFlagged(serialsOf(err));
            form.setFieldError('serials', translateError(err));
          } else if (code === 'REASON_REQUIRED') form.setFieldError('reason', translateError(err));
          else if (code === 'COST_REQUIRED') form.setFieldError('unitCost', translateError(err));
          else if (!form.applyApiError(err)) notify.error(err);
        },
      },
    );
  });

  return (
    <Modal opened onClose={onClose} title={t('add.title', { sku: row.sku, location: row.locationName })} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {row.productName}
          </Text>
          <NumberInput label={t('common.quantity')} min={1} allowDecimal={false} allowNegative={false} required {...form.getInputProps('qty')} />
          <CostMethodField
            method={method}
            onMethodChange={(m) => form.setFieldValue('costMethod', m)}
            candidates={options.data}
            unitCost={form.values.unitCost}
            onUnitCostChange={(v) => form.setFieldValue('unitCost', v)}
            unitCostError={form.errors.unitCost}
          />
          {row.serialized && (
            <SerialEntry
              serials={form.values.serials}
              onChange={(serials) => {
                form.setFieldValue('serials', serials);
                form.clearFieldError('serials');
                setFlagged((f) => f.filter((s) => serials.includes(s)));
              }}
              qty={qty}
              productId={row.productId}
              flagged={flagged}
              error={form.errors.serials as string | undefined}
            />
          )}
          <Textarea label={t('common.reason')} required={reasonRequired} autosize minRows={2} {...form.getInputProps('reason')} />
          <FormFooter onCancel={onClose} submitLabel={t('add.submit')} loading={add.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
