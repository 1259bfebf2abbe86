// Add or edit one product vendor: who sells it, their part number and cost, whether it is the default.
import { Checkbox, Modal, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { contract } from '@shared/contract';
import type { productVendorSchema } from '@shared/contract/catalog';
import { MoneyInput } from '@renderer/lib/MoneyInput';
import { notify } from '@renderer/lib/notify';
import { useCan } from '@renderer/lib/session';
import { useZodForm } from '@renderer/lib/useZodForm';
import { useSaveProductVendor } from './api';
import { CompanySelect } from '@renderer/lib/pickers/CompanySelect';
import { FormFooter } from '@renderer/lib/FormFooter';

export type ProductVendor = z.infer<typeof productVendorSchema>;

export function ProductVendorModal({ productId, vendor, isFirst, onClose }: { productId: number; vendor: ProductVendor | null; isFirst: boolean; onClose: () => void }) {
  const { t } = useTranslation('catalog');
  const canSeeCosts = useCan('costs.view');
  const save = useSaveProductVendor();
  const form = useZodForm(
    contract['catalog.saveProductVendor'].input,
    {
      vendorId: vendor?.vendorId ?? null,
      vendorPartNumber: vendor?.vendorPartNumber ?? '',
      vendorCost: (vendor?.vendorCost ?? 0) as number | null,
      isDefault: vendor?.isDefault ?? isFirst,
    },
    // Without costs.view the cost is neither shown nor sent: the server keeps it (0 for a new vendor).
    { toInput: (v) => ({ ...v, productId, ...(vendor ? { id: vendor.id } : {}), ...(canSeeCosts ? {} : { vendorCost: undefined }) }) },
  );
  return (
    <Modal opened onClose={onClose} title={vendor ? t('vendors.editTitle', { name: vendor.vendorName }) : t('vendors.addTitle')}>
      <form noValidate onSubmit={form.onSubmit((input) => save.mutate(input, { onSuccess: onClose, onError: (err) => form.applyApiError(err) || notify.error(err) }))}>
        <Stack>
          <CompanySelect role="vendor" label={t('fields.vendor')} withAsterisk selectedName={vendor?.vendorName} data-autofocus {...form.getInputProps('vendorId')} />
          <TextInput label={t('fields.vendorPartNumber')} {...form.getInputProps('vendorPartNumber')} />
          {canSeeCosts && <MoneyInput label={t('fields.vendorCost')} withAsterisk {...form.getInputProps('vendorCost')} />}
          <Checkbox label={t('vendors.makeDefault')} description={t('vendors.makeDefaultHint')} {...form.getInputProps('isDefault', { type: 'checkbox' })} />
          <FormFooter onCancel={onClose} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
