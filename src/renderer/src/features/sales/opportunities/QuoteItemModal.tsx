import { Modal, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { salesContract, type OpportunityDetail } from '@shared/contract/sales';
import { FormFooter } from '@renderer/lib/FormFooter';
import { MoneyInput } from '@renderer/lib/MoneyInput';
import { notify } from '@renderer/lib/notify';
import { ProductSelect } from '@renderer/lib/pickers/ProductSelect';
import { useZodForm } from '@renderer/lib/useZodForm';
import { useAddQuoteItem, useUpdateQuoteItem } from '../api';

type Item = OpportunityDetail['items'][number];
type Values = { productId: number | null; quantity: number | string; unitPrice: number | null; description: string };

/** Adds a product to the quote, or edits an item (its product stays; the quantity never below what is reserved). */
export function QuoteItemModal({ opportunity, editing, onClose }: { opportunity: Pick<OpportunityDetail, 'id' | 'number'>; editing: Item | null; onClose: () => void }) {
  const { t } = useTranslation(['sales', 'common']);
  const add = useAddQuoteItem();
  const update = useUpdateQuoteItem();
  const initial: Values = editing
    ? { productId: editing.productId, quantity: editing.quantity, unitPrice: editing.unitPrice, description: editing.description }
    : { productId: null, quantity: 1, unitPrice: null, description: '' };
  const form = useZodForm(editing ? salesContract['sales.updateQuoteItem'].input : salesContract['sales.addQuoteItem'].input, initial, {
    toInput: (v) => ({
      ...(editing ? { id: editing.id } : { opportunityId: opportunity.id, productId: v.productId ?? undefined }),
      quantity: typeof v.quantity === 'number' ? v.quantity : undefined,
      unitPrice: v.unitPrice ?? undefined,
      description: v.description,
    }),
  });
  const submit = form.onSubmit((input) => {
    const onError = (err: unknown) => form.applyApiError(err) || notify.error(err);
    const onSuccess = () => {
      notify.success(editing ? 'sales:quoteItemForm.saved' : 'sales:quoteItemForm.added', { number: opportunity.number });
      onClose();
    };
    if (editing) update.mutate(input as Parameters<typeof update.mutate>[0], { onSuccess, onError });
    else add.mutate(input as Parameters<typeof add.mutate>[0], { onSuccess, onError });
  });
  return (
    <Modal opened onClose={onClose} title={editing ? t('quoteItemForm.editTitle', { line: editing.lineNo }) : t('quoteItemForm.newTitle', { number: opportunity.number })} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {!editing && (
            <ProductSelect
              label={t('quoteItemForm.product')}
              withAsterisk
              activeOnly
              value={form.values.productId}
              onChange={(p) => form.setFieldValue('productId', p?.id ?? null)}
              error={form.errors.productId}
              data-autofocus
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput label={t('quoteItemForm.quantity')} withAsterisk min={1} allowDecimal={false} allowNegative={false} {...form.getInputProps('quantity')} />
            <MoneyInput label={t('quoteItemForm.unitPrice')} description={t('chargeForm.unitPriceHint')} withAsterisk={Boolean(editing)} {...form.getInputProps('unitPrice')} />
          </SimpleGrid>
          <TextInput label={t('quoteItemForm.description')} description={t('chargeForm.descriptionHint')} {...form.getInputProps('description')} />
          <FormFooter onCancel={onClose} submitLabel={editing ? t('common:actions.saveChanges') : t('common:actions.add')} loading={add.isPending || update.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
