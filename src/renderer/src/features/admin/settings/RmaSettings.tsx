import { useTranslation } from 'react-i18next';
import type { Settings } from '@shared/contract/settings';
import { DocumentNumbering } from './DocumentNumbering';
import { SettingsCard } from './SettingsCard';
import { useSettingsSection } from './useSettingsSection';

/** How RMAs are numbered (shown while the RMA module is on). */
export function RmaSettings({ settings }: { settings: Settings }) {
  const { t } = useTranslation('admin');
  const { form, submit, saving, dirty, discard } = useSettingsSection(settings, ['rmaNumberPrefix', 'rmaNextNumber']);
  return (
    <SettingsCard title={t('rmaSettings.title')} description={t('rmaSettings.description')} testId="settings-rma" onSubmit={submit} dirty={dirty} saving={saving} saveLabel={t('rmaSettings.save')} onDiscard={discard}>
      <DocumentNumbering
        prefix={{ ...form.getInputProps('rmaNumberPrefix'), value: form.values.rmaNumberPrefix }}
        next={{ ...form.getInputProps('rmaNextNumber'), value: form.values.rmaNextNumber }}
        labels={{
          prefix: t('rmaSettings.prefix'),
          prefixHint: t('rmaSettings.prefixHint'),
          next: t('rmaSettings.nextNumber'),
          nextHint: (example) => t('rmaSettings.nextNumberHint', { example }),
          nextEmpty: t('rmaSettings.nextNumberEmpty'),
        }}
      />
    </SettingsCard>
  );
}
