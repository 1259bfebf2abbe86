import { Modal, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { salesContract, type OpportunityDetail } from '@shared/contract/sales';
import { DayInput } from '@renderer/lib/DayInput';
import { FormFooter } from '@renderer/lib/FormFooter';
import { notify } from '@renderer/lib/notify';
import { CompanySelect } from '@renderer/lib/pickers/CompanySelect';
import { UserSelect } from '@renderer/lib/pickers/UserSelect';
import { useZodForm } from '@renderer/lib/useZodForm';
import { useCreateOpportunity, useUpdateOpportunity } from '../api';

type Values = { companyId: number | null; title: string; ownerUserId: number | null; expectedClose: string | null; note: string };

/** Opens an opportunity for a client, or edits an open one (its client stays). */
export function OpportunityFormModal({
  editing,
  preset,
  onClose,
  onCreated,
}: {
  editing: OpportunityDetail | null;
  preset?: { companyId: number | null };
  onClose: () => void;
  onCreated?: (o: OpportunityDetail) => void;
}) {
  const { t } = useTranslation(['sales', 'common']);
  const create = useCreateOpportunity();
  const update = useUpdateOpportunity();
  const initial: Values = editing
    ? { companyId: editing.companyId, title: editing.title, ownerUserId: editing.ownerUserId, expectedClose: editing.expectedClose, note: editing.note ?? '' }
    : { companyId: preset?.companyId ?? null, title: '', ownerUserId: null, expectedClose: null, note: '' };
  const form = useZodForm(editing ? salesContract['sales.updateOpportunity'].input : salesContract['sales.createOpportunity'].input, initial, {
    toInput: (v) => ({
      ...(editing ? { id: editing.id } : { companyId: v.companyId ?? undefined }),
      title: v.title,
      ownerUserId: v.ownerUserId,
      expectedClose: v.expectedClose,
      note: v.note,
    }),
  });
  const submit = form.onSubmit((input) => {
    const onError = (err: unknown) => form.applyApiError(err) || notify.error(err);
    const onSuccess = (o: OpportunityDetail) => {
      notify.success(editing ? 'sales:opportunityForm.saved' : 'sales:opportunityForm.created', { number: o.number });
      onClose();
      if (!editing) onCreated?.(o);
    };
    if (editing) update.mutate(input as Parameters<typeof update.mutate>[0], { onSuccess, onError });
    else create.mutate(input as Parameters<typeof create.mutate>[0], { onSuccess, onError });
  });
  return (
    <Modal opened onClose={onClose} title={editing ? t('opportunityForm.editTitle', { number: editing.number }) : t('opportunityForm.newTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {!editing && (
            <CompanySelect
              role="client"
              label={t('opportunityForm.client')}
              withAsterisk
              value={form.values.companyId}
              onChange={(id) => form.setFieldValue('companyId', id)}
              error={form.errors.companyId}
              data-autofocus
            />
          )}
          <TextInput label={t('opportunityForm.titleField')} withAsterisk {...form.getInputProps('title')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <UserSelect label={t('opportunityForm.owner')} value={form.values.ownerUserId} onChange={(id) => form.setFieldValue('ownerUserId', id)} clearable />
            <DayInput label={t('opportunityForm.expectedClose')} value={form.values.expectedClose} onChange={(day) => form.setFieldValue('expectedClose', day)} error={form.errors.expectedClose} />
          </SimpleGrid>
          <Textarea label={t('opportunityForm.note')} autosize minRows={2} {...form.getInputProps('note')} />
          <FormFooter onCancel={onClose} submitLabel={editing ? t('common:actions.saveChanges') : t('common:actions.create')} loading={create.isPending || update.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
