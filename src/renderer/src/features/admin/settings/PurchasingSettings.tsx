import { NumberInput, SimpleGrid, Switch, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Settings } from '@shared/contract/settings';
import { MoneyInput } from '@renderer/lib/MoneyInput';
import { useModuleOn } from '@renderer/lib/activations';
import { DocumentNumbering } from './DocumentNumbering';
import { SettingsCard } from './SettingsCard';
import { useSettingsSection } from './useSettingsSection';

/** Numbering of purchase orders, the approval threshold and what receiving requires. */
export function PurchasingSettings({ settings }: { settings: Settings }) {
  const { t } = useTranslation('admin');
  // Approvals are Procurement's: their settings show while it is on (they are kept while it is off).
  const procurement = useModuleOn('procurement');
  const { form, submit, saving, dirty, discard } = useSettingsSection(settings, [
    'poNumberPrefix',
    'poNextNumber',
    'approvalThreshold',
    'allowSelfApproval',
    'approvalOverdueDays',
    'backOrderOverdueDays',
    'requireVendorInvoiceNumber',
    'defaultShipToAddress',
  ]);
  return (
    <SettingsCard
      title={t('purchasingSettings.title')}
      description={t('purchasingSettings.description')}
      testId="settings-purchasing"
      onSubmit={submit}
      dirty={dirty}
      saving={saving}
      saveLabel={t('purchasingSettings.save')}
      onDiscard={discard}
    >
      <DocumentNumbering
        prefix={{ ...form.getInputProps('poNumberPrefix'), value: form.values.poNumberPrefix }}
        next={{ ...form.getInputProps('poNextNumber'), value: form.values.poNextNumber }}
        labels={{
          prefix: t('purchasingSettings.prefix'),
          prefixHint: t('purchasingSettings.prefixHint'),
          next: t('purchasingSettings.nextNumber'),
          nextHint: (example) => t('purchasingSettings.nextNumberHint', { example }),
          nextEmpty: t('purchasingSettings.nextNumberEmpty'),
        }}
      />
      {procurement && (
        <>
          <MoneyInput
            label={t('purchasingSettings.approvalThreshold')}
            description={form.values.approvalThreshold === null ? t('purchasingSettings.approvalNone') : t('purchasingSettings.approvalThresholdHint')}
            placeholder={t('purchasingSettings.approvalPlaceholder')}
            styles={{ wrapper: { maxWidth: 260 }, input: { textAlign: 'right' } }}
            {...form.getInputProps('approvalThreshold')}
          />
          <Switch
            label={t('purchasingSettings.allowSelfApproval')}
            description={t('purchasingSettings.allowSelfApprovalHint')}
            {...form.getInputProps('allowSelfApproval', { type: 'checkbox' })}
          />
        </>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
        {procurement && (
          <NumberInput
            label={t('purchasingSettings.approvalOverdueDays')}
            description={t('purchasingSettings.approvalOverdueDaysHint')}
            min={1}
            max={365}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps('approvalOverdueDays')}
          />
        )}
        <NumberInput
          label={t('purchasingSettings.backOrderOverdueDays')}
          description={t('purchasingSettings.backOrderOverdueDaysHint')}
          min={1}
          max={365}
          allowDecimal={false}
          allowNegative={false}
          {...form.getInputProps('backOrderOverdueDays')}
        />
      </SimpleGrid>
      <Switch
        label={t('purchasingSettings.requireInvoice')}
        description={t('purchasingSettings.requireInvoiceHint')}
        {...form.getInputProps('requireVendorInvoiceNumber', { type: 'checkbox' })}
      />
      <Textarea
        label={t('purchasingSettings.shipTo')}
        description={t('purchasingSettings.shipToHint')}
        placeholder={settings.companyAddress || undefined}
        autosize
        minRows={3}
        maxRows={8}
        {...form.getInputProps('defaultShipToAddress')}
      />
    </SettingsCard>
  );
}
