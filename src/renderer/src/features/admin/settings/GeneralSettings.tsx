import { Select, Switch } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '@shared/contract/settings';
import { costMethods } from '@shared/contract/stock';
import { SettingsCard } from './SettingsCard';
import { useSettingsSection } from './useSettingsSection';

type CostMethod = (typeof costMethods)[number];

/** Every ISO 4217 code the runtime knows, labelled in the user's language ("EUR — euro"). */
function useCurrencyOptions(current: string) {
  const { i18n } = useTranslation(['common']);
  return useMemo(() => {
    const names = new Intl.DisplayNames([i18n.language], { type: 'currency' });
    const codes = new Set(Intl.supportedValuesOf('currency'));
    codes.add(current);
    return [...codes].sort().map((code) => ({ value: code, label: `${code} — ${names.of(code) ?? code}` }));
  }, [i18n.language, current]);
}

/** Home currency, whether manual stock changes need a reason, and the cost proposed when stock is added by hand. */
export function GeneralSettings({ settings }: { settings: Settings }) {
  const { t } = useTranslation(['admin', 'common']);
  const currencies = useCurrencyOptions(settings.currency);
  const { form, submit, saving, dirty, discard } = useSettingsSection(settings, ['currency', 'requireAdjustmentReason', 'defaultCostMethod']);
  return (
    <SettingsCard
      title={t('settings.general')}
      description={t('settings.generalHint')}
      testId="settings-form"
      onSubmit={submit}
      dirty={dirty}
      saving={saving}
      saveLabel={t('common:actions.saveChanges')}
      onDiscard={discard}
    >
      <Select label={t('settings.currency')} description={t('settings.currencyHint')} searchable allowDeselect={false} data={currencies} {...form.getInputProps('currency')} />
      <Switch label={t('settings.requireReason')} description={t('settings.requireReasonHint')} {...form.getInputProps('requireAdjustmentReason', { type: 'checkbox' })} />
      <Select<CostMethod>
        label={t('settings.costMethod')}
        description={t('settings.costMethodHint')}
        allowDeselect={false}
        data={costMethods.map((m) => ({ value: m, label: t(`settings.costMethods.${m}`) }))}
        {...form.getInputProps('defaultCostMethod')}
      />
    </SettingsCard>
  );
}
