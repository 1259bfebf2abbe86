import { NumberInput, Select, SimpleGrid, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { backupFrequencies } from '@shared/contract/backups';
import type { Settings } from '@shared/contract/settings';
import { SettingsCard } from './SettingsCard';
import { useSettingsSection } from './useSettingsSection';

/** Where backups go, how often the schedule makes them, on closing, and how many automatic ones are kept. */
export function BackupSettings({ settings }: { settings: Settings }) {
  const { t } = useTranslation('backups');
  const { form, submit, saving, dirty, discard } = useSettingsSection(settings, ['backupFolder', 'backupFrequency', 'backupOnClose', 'backupKeepDaily', 'backupKeepWeekly']);
  return (
    <SettingsCard
      title={t('settings.title')}
      description={t('settings.description')}
      testId="settings-backups"
      onSubmit={submit}
      dirty={dirty}
      saving={saving}
      saveLabel={t('settings.save')}
      onDiscard={discard}
    >
      <TextInput label={t('settings.folder')} description={t('settings.folderHint')} placeholder={t('settings.folderPlaceholder')} maxLength={1000} {...form.getInputProps('backupFolder')} />
      <Select
        label={t('settings.frequency')}
        allowDeselect={false}
        data={backupFrequencies.map((f) => ({ value: f, label: t(`settings.frequencies.${f}`) }))}
        styles={{ wrapper: { maxWidth: 260 } }}
        {...form.getInputProps('backupFrequency')}
      />
      <Switch label={t('settings.onClose')} description={t('settings.onCloseHint')} {...form.getInputProps('backupOnClose', { type: 'checkbox' })} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
        <NumberInput label={t('settings.keepDaily')} description={t('settings.keepDailyHint')} min={1} max={366} allowDecimal={false} allowNegative={false} {...form.getInputProps('backupKeepDaily')} />
        <NumberInput label={t('settings.keepWeekly')} description={t('settings.keepWeeklyHint')} min={0} max={520} allowDecimal={false} allowNegative={false} {...form.getInputProps('backupKeepWeekly')} />
      </SimpleGrid>
    </SettingsCard>
  );
}
