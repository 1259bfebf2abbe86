import { Modal, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { containerKinds, salesContract, type Container } from '@shared/contract/sales';
import { FormFooter } from '@renderer/lib/FormFooter';
import { notify } from '@renderer/lib/notify';
import { CompanySelect } from '@renderer/lib/pickers/CompanySelect';
import { UserSelect } from '@renderer/lib/pickers/UserSelect';
import { useZodForm } from '@renderer/lib/useZodForm';
import { useContainers, useCreateContainer, useUpdateContainer } from '../api';

type Values = { kind: Container['kind']; title: string; description: string; companyId: number | null; ownerUserId: number | null; contractId: number | null };

/** Opens a contract, project or ticket for a client, or edits one (its type and, once it has charges, its client stay). */
export function ContainerFormModal({ editing, preset, onClose, onCreated }: { editing: Container | null; preset?: { companyId: number | null }; onClose: () => void; onCreated?: (c: Container) => void }) {
  const { t } = useTranslation(['sales', 'common']);
  const create = useCreateContainer();
  const update = useUpdateContainer();
  const initial: Values = editing
    ? { kind: editing.kind, title: editing.title, description: editing.description ?? '', companyId: editing.companyId, ownerUserId: editing.ownerUserId, contractId: editing.contractId }
    : { kind: 'ticket', title: '', description: '', companyId: preset?.companyId ?? null, ownerUserId: null, contractId: null };
  const form = useZodForm(editing ? salesContract['sales.updateContainer'].input : salesContract['sales.createContainer'].input, initial, {
    toInput: (v) => ({
      ...(editing ? { id: editing.id } : { kind: v.kind }),
      title: v.title,
      description: v.description,
      companyId: v.companyId ?? undefined,
      ownerUserId: v.ownerUserId,
      contractId: v.kind === 'contract' ? null : v.contractId,
    }),
  });
  // The client's open contracts, for a ticket or project to belong to.
  const contracts = useContainers({ kind: 'contract', companyId: form.values.companyId ?? 0, pageSize: 100, sortBy: 'number' });
  const contractOptions = form.values.companyId ? (contracts.data?.rows ?? []).map((c) => ({ value: String(c.id), label: `${c.number} · ${c.title}` })) : [];
  const pending = create.isPending || update.isPending;
  const submit = form.onSubmit((input) => {
    const onError = (err: unknown) => form.applyApiError(err) || notify.error(err);
    if (editing) {
      update.mutate(input as Parameters<typeof update.mutate>[0], {
        onSuccess: (c) => {
          notify.success('sales:containerForm.saved', { number: c.number });
          onClose();
        },
        onError,
      });
    } else {
      create.mutate(input as Parameters<typeof create.mutate>[0], {
        onSuccess: (c) => {
          notify.success('sales:containerForm.created', { number: c.number });
          onClose();
          onCreated?.(c);
        },
        onError,
      });
    }
  });
  return (
    <Modal opened onClose={onClose} title={editing ? t('containerForm.editTitle', { number: editing.number }) : t('containerForm.newTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {!editing && (
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('containerForm.kind')}
              </Text>
              <SegmentedControl
                data={containerKinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
                value={form.values.kind}
                onChange={(v) => form.setFieldValue('kind', v as Container['kind'])}
              />
            </Stack>
          )}
          <TextInput label={t('containerForm.titleField')} withAsterisk data-autofocus {...form.getInputProps('title')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <CompanySelect
              role="client"
              label={t('containerForm.company')}
              withAsterisk
              value={form.values.companyId}
              selectedName={editing?.companyName}
              onChange={(id) => {
                form.setFieldValue('companyId', id);
                form.setFieldValue('contractId', null);
              }}
              error={form.errors.companyId}
            />
            <UserSelect
              label={form.values.kind === 'ticket' ? t('containerForm.technician') : t('containerForm.owner')}
              value={form.values.ownerUserId}
              onChange={(id) => form.setFieldValue('ownerUserId', id)}
              error={form.errors.ownerUserId}
            />
          </SimpleGrid>
          {form.values.kind !== 'contract' && (
            <Select
              label={t('containerForm.contract')}
              description={t('containerForm.contractHint')}
              placeholder={t('containerForm.noContract')}
              data={contractOptions}
              value={form.values.contractId === null ? null : String(form.values.contractId)}
              onChange={(v) => form.setFieldValue('contractId', v ? Number(v) : null)}
              clearable
              disabled={!form.values.companyId}
              error={form.errors.contractId}
            />
          )}
          <Textarea label={t('containerForm.description')} autosize minRows={2} maxRows={6} {...form.getInputProps('description')} />
          <FormFooter onCancel={onClose} submitLabel={editing ? t('common:actions.saveChanges') : t('common:actions.create')} loading={pending} />
        </Stack>
      </form>
    </Modal>
  );
}
