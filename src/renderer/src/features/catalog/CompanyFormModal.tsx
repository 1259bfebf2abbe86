// Create or edit a client company and/or vendor: roles, contact and address.
import { Fieldset, Group, Modal, Select, SimpleGrid, Stack, Switch, TextInput, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { contract } from '@shared/contract';
import type { Company } from '@shared/contract/catalog';
import { notify } from '@renderer/lib/notify';
import { useZodForm } from '@renderer/lib/useZodForm';
import { useCreateCompany, useUpdateCompany } from './api';
import { FormFooter } from '@renderer/lib/FormFooter';

const textFields = ['name', 'contactName', 'phone', 'email', 'website', 'taxId', 'notes', 'address1', 'address2', 'city', 'state', 'postalCode', 'country'] as const;

function initialValues(c: Company | null, defaultRole: 'vendor' | 'client' | 'any') {
  const text = Object.fromEntries(textFields.map((f) => [f, c?.[f] ?? ''])) as Record<(typeof textFields)[number], string>;
  return {
    ...text,
    isVendor: c?.isVendor ?? defaultRole === 'vendor',
    isClient: c?.isClient ?? defaultRole !== 'vendor',
    active: c?.active ?? true,
    language: c?.language ?? null,
  };
}

export interface CompanyFormModalProps {
  company: Company | null;
  defaultRole: 'vendor' | 'client' | 'any';
  /** Users without catalog.manage see the record but cannot change it. */
  readOnly?: boolean;
  onClose: () => void;
}

export function CompanyFormModal({ company, defaultRole, readOnly = false, onClose }: CompanyFormModalProps) {
  const { t } = useTranslation(['catalog', 'common']);
  const create = useCreateCompany();
  const update = useUpdateCompany();
  // The fields are those of a new company; editing adds the id and the active flag on submit.
  const form = useZodForm(contract['catalog.createCompany'].input, initialValues(company, defaultRole), {
    toInput: ({ active: _active, ...v }) => v,
  });
  const onError = (err: unknown) => form.applyApiError(err) || notify.error(err);
  const field = (name: (typeof textFields)[number], props: Record<string, unknown> = {}) => (
    <TextInput label={t(`companies.fields.${name}`)} {...props} {...form.getInputProps(name)} />
  );
  return (
    <Modal opened onClose={onClose} size="xl" title={company ? t('companies.editTitle', { name: company.name }) : t('companies.newTitle')}>
      <form
        noValidate
        onSubmit={form.onSubmit((input) => {
          if (company) update.mutate({ ...input, id: company.id, active: form.values.active }, { onSuccess: onClose, onError });
          else create.mutate(input, { onSuccess: onClose, onError });
        })}
      >
        <Fieldset variant="unstyled" disabled={readOnly}>
        <Stack>
          {field('name', { withAsterisk: true, 'data-autofocus': true })}
          <Group gap="xl">
            <Switch label={t('companies.fields.isClient')} {...form.getInputProps('isClient', { type: 'checkbox' })} />
            <Switch label={t('companies.fields.isVendor')} {...form.getInputProps('isVendor', { type: 'checkbox' })} />
            {company && <Switch label={t('companies.fields.active')} {...form.getInputProps('active', { type: 'checkbox' })} />}
          </Group>
          <Title order={3} size="h6" mt="xs">
            {t('companies.sections.contact')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {field('contactName', { autoComplete: 'off' })}
            {field('phone', { type: 'tel' })}
            {field('email', { type: 'email' })}
            {field('website')}
            {field('taxId')}
          </SimpleGrid>
          <Title order={3} size="h6" mt="xs">
            {t('companies.sections.address')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {field('address1')}
            {field('address2')}
            {field('city')}
            {field('state')}
            {field('postalCode')}
            {field('country')}
            <Select
              label={t('companies.fields.language')}
              description={t('companies.fields.languageHint')}
              data={(['es', 'en'] as const).map((l) => ({ value: l, label: t(`companies.languages.${l}`) }))}
              clearable
              {...form.getInputProps('language')}
            />
          </SimpleGrid>
          <Textarea label={t('companies.fields.notes')} autosize minRows={2} maxRows={6} {...form.getInputProps('notes')} />
          {!readOnly && (
            <FormFooter onCancel={onClose} submitLabel={company ? t('common:actions.saveChanges') : t('common:actions.create')} loading={create.isPending || update.isPending} />
          )}
        </Stack>
        </Fieldset>
      </form>
    </Modal>
  );
}
