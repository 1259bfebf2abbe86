import { SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Settings } from '@shared/contract/settings';
import { LogoField } from './LogoField';
import { SettingsCard } from './SettingsCard';
import { useSettingsSection } from './useSettingsSection';

/** Who the office is, as printed at the top of its purchase orders. */
export function LetterheadSettings({ settings }: { settings: Settings }) {
  const { t } = useTranslation(['admin', 'common']);
  const { form, submit, saving, dirty, discard } = useSettingsSection(settings, ['companyName', 'companyAddress', 'companyTaxId', 'companyEmail', 'companyPhone', 'companyLogo']);
  return (
    <SettingsCard
      title={t('letterhead.title')}
      description={t('letterhead.description')}
      testId="settings-letterhead"
      onSubmit={submit}
      dirty={dirty}
      saving={saving}
      saveLabel={t('letterhead.save')}
      onDiscard={discard}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
        <Stack gap="sm">
          <TextInput label={t('settings.companyName')} description={t('settings.companyNameHint')} {...form.getInputProps('companyName')} />
          <Textarea label={t('letterhead.address')} autosize minRows={4} maxRows={8} {...form.getInputProps('companyAddress')} />
        </Stack>
        <Stack gap="sm">
          <TextInput label={t('letterhead.taxId')} {...form.getInputProps('companyTaxId')} />
          <TextInput
            label={t('letterhead.email')}
            type="email"
            {...form.getInputProps('companyEmail')}
            // The schema accepts an address or nothing: a wrong address is the only way to fail it.
            error={form.errors.companyEmail ? t('common:validation.email') : undefined}
          />
          <TextInput label={t('letterhead.phone')} type="tel" {...form.getInputProps('companyPhone')} />
        </Stack>
      </SimpleGrid>
      <LogoField value={form.values.companyLogo} onChange={(logo) => form.setFieldValue('companyLogo', logo)} />
    </SettingsCard>
  );
}
