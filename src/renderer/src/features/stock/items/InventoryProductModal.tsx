import { Modal, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InventoryProduct } from '@shared/contract/stock';
import { stockContract } from '@shared/contract/stock';
import { ApiError } from '@renderer/lib/api';
import { translateError } from '@renderer/lib/errors';
import { notify } from '@renderer/lib/notify';
import { useZodForm } from '@renderer/lib/useZodForm';
import { useCreateInventoryProduct, useUpdateInventoryProduct } from '../api';
import { LocationSelect } from '@renderer/lib/pickers/LocationSelect';
import { ProductSelect } from '@renderer/lib/pickers/ProductSelect';
import { FormFooter } from '@renderer/lib/FormFooter';

interface Props {
  /** The row being edited, or null to stock a new product at a location. */
  editing: InventoryProduct | null;
  /** Filters of the list, offered as the starting choice of a new inventory product. */
  preset?: { productId: number | null; locationId: number | null };
  onClose: () => void;
}

type Values = { productId: number | null; locationId: number | null; bin: string; referenceNumber: string; min: number | string; max: number | string };

const createSchema = stockContract['stock.createInventoryProduct'].input;
const updateSchema = stockContract['stock.updateInventoryProduct'].input;
const numberOrUndefined = (v: number | string) => (typeof v === 'number' ? v : undefined);

/** Stocking a product at a location, or editing its bin, reference number, minimum and maximum. */
export function InventoryProductModal({ editing, preset, onClose }: Props) {
  const { t } = useTranslation(['stock', 'common']);
  const create = useCreateInventoryProduct();
  const update = useUpdateInventoryProduct();
  const initial: Values = editing
    ? { productId: editing.productId, locationId: editing.locationId, bin: editing.bin ?? '', referenceNumber: editing.referenceNumber ?? '', min: editing.min, max: editing.max }
    : { productId: preset?.productId ?? null, locationId: preset?.locationId ?? null, bin: '', referenceNumber: '', min: 0, max: 0 };
  const fields = (v: Values) => ({ bin: v.bin, referenceNumber: v.referenceNumber, min: numberOrUndefined(v.min), max: numberOrUndefined(v.max) });
  const form = useZodForm(editing ? updateSchema : createSchema, initial, {
    toInput: (v) => (editing ? { id: editing.id, ...fields(v) } : { productId: v.productId ?? undefined, locationId: v.locationId ?? undefined, ...fields(v) }),
  });

  const showError = (err: unknown) => {
    if (err instanceof ApiError && err.code === 'MIN_GREATER_THAN_MAX') form.setFieldError('max', translateError(err));
    else if (err instanceof ApiError && err.code === 'CONFLICT') form.setFieldError('locationId', translateError(err));
    else if (!form.applyApiError(err)) notify.error(err);
  };

  const submit = form.onSubmit((input) => {
    if (editing) {
      update.mutate(input as Parameters<typeof update.mutate>[0], {
        onSuccess: () => {
          notify.success('stock:items.updated');
          onClose();
        },
        onError: showError,
      });
    } else {
      create.mutate(input as Parameters<typeof create.mutate>[0], {
        onSuccess: (row) => {
          notify.success('stock:items.created', { sku: row.sku, location: row.locationName });
          onClose();
        },
        onError: showError,
      });
    }
  });

  return (
    <Modal opened onClose={onClose} title={editing ? t('items.editTitle', { sku: editing.sku, location: editing.locationName }) : t('items.createTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {!editing && (
            <>
              <ProductSelect required activeOnly value={form.values.productId} onChange={(p) => form.setFieldValue('productId', p?.id ?? null)} error={form.errors.productId} />
              <LocationSelect required value={form.values.locationId} onChange={(id) => form.setFieldValue('locationId', id)} error={form.errors.locationId} />
            </>
          )}
          <SimpleGrid cols={2}>
            <TextInput label={t('items.bin')} {...form.getInputProps('bin')} />
            <TextInput label={t('items.referenceNumber')} {...form.getInputProps('referenceNumber')} />
            <NumberInput label={t('items.min')} min={0} allowDecimal={false} allowNegative={false} {...form.getInputProps('min')} />
            <NumberInput label={t('items.max')} min={0} allowDecimal={false} allowNegative={false} {...form.getInputProps('max')} />
          </SimpleGrid>
          <FormFooter onCancel={onClose} submitLabel={editing ? t('common:actions.save') : t('items.stockProduct')} loading={create.isPending || update.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
