import { Checkbox, Modal, NumberInput, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { salesContract, type Charge, type Container } from '@shared/contract/sales';
import { FormFooter } from '@renderer/lib/FormFooter';
import { MoneyInput } from '@renderer/lib/MoneyInput';
import { notify } from '@renderer/lib/notify';
import { ProductSelect } from '@renderer/lib/pickers/ProductSelect';
import { useZodForm } from '@renderer/lib/useZodForm';
import { useCreateCharge, useUpdateCharge } from '../api';

type Values = { productId: number | null; quantity: number | string; unitPrice: number | null; description: string; billable: boolean; onHold: boolean; holdNote: string };

/** Adds a charge to a container, or edits one (its product stays; the quantity never below what is picked and delivered). */
export function ChargeFormModal({ container, editing, onClose }: { container: Pick<Container, 'id' | 'number'>; editing: Charge | null; onClose: () => void }) {
  const { t } = useTranslation(['sales', 'common']);
  const create = useCreateCharge();
  const update = useUpdateCharge();
  const initial: Values = editing
    ? { productId: editing.productId, quantity: editing.quantity, unitPrice: editing.unitPrice, description: editing.description, billable: editing.billable, onHold: false, holdNote: '' }
    : { productId: null, quantity: 1, unitPrice: null, description: '', billable: true, onHold: false, holdNote: '' };
  const form = useZodForm(editing ? salesContract['sales.updateCharge'].input : salesContract['sales.createCharge'].input, initial, {
    toInput: (v) => ({
      ...(editing ? { id: editing.id } : { containerId: container.id, productId: v.productId ?? undefined, onHold: v.onHold, holdNote: v.onHold ? v.holdNote : null }),
      quantity: typeof v.quantity === 'number' ? v.quantity : undefined,
      unitPrice: v.unitPrice ?? undefined,
      description: v.description,
      billable: v.billable,
    }),
  });
  const submit = form.onSubmit((input) => {
    const onError = (err: unknown) => form.applyApiError(err) || notify.error(err);
    const onSuccess = (c: Charge) => {
      notify.success(editing ? 'sales:chargeForm.saved' : 'sales:chargeForm.created', { number: c.number });
      onClose();
    };
    if (editing) update.mutate(input as Parameters<typeof update.mutate>[0], { onSuccess, onError });
    else create.mutate(input as Parameters<typeof create.mutate>[0], { onSuccess, onError });
  });
  return (
    <Modal opened onClose={onClose} title={editing ? t('chargeForm.editTitle', { number: editing.number }) : t('chargeForm.newTitle', { number: container.number })} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {!editing && (
            <ProductSelect
              label={t('chargeForm.product')}
              withAsterisk
              activeOnly
              value={form.values.productId}
              onChange={(p) => form.setFieldValue('productId', p?.id ?? null)}
              error={form.errors.productId}
              data-autofocus
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput label={t('chargeForm.quantity')} withAsterisk min={1} allowDecimal={false} allowNegative={false} {...form.getInputProps('quantity')} />
            <MoneyInput label={t('chargeForm.unitPrice')} description={t('chargeForm.unitPriceHint')} {...form.getInputProps('unitPrice')} />
          </SimpleGrid>
          <TextInput label={t('chargeForm.description')} description={t('chargeForm.descriptionHint')} {...form.getInputProps('description')} />
          <Checkbox label={t('chargeForm.billable')} {...form.getInputProps('billable', { type: 'checkbox' })} />
          {!editing && <Checkbox label={t('chargeForm.onHold')} {...form.getInputProps('onHold', { type: 'checkbox' })} />}
          {!editing && form.values.onHold && <Textarea label={t('chargeForm.holdNote')} autosize minRows={2} {...form.getInputProps('holdNote')} />}
          <FormFooter onCancel={onClose} submitLabel={editing ? t('common:actions.saveChanges') : t('common:actions.add')} loading={create.isPending || update.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
