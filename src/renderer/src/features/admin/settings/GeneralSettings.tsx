import { Select, SimpleGrid, Switch } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '@shared/contract/settings';
import { costMethods } from '@shared/contract/stock';
import { englishLocales, formatDateTime, formatsFor } from '@shared/formats';
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

/** A moment as each English format writes it, so the choice shows what it changes (amounts read alike in both). */
const SAMPLE_MOMENT = new Date(2025, 11, 31, 14, 5).getTime();

/** Home currency, the English format, whether manual stock changes need a reason, and the cost proposed when stock is added by hand. */
export function GeneralSettings({ settings }: { settings: Settings }) {
  const { t } = useTranslation(['admin', 'common']);
  const currencies = useCurrencyOptions(settings.currency);
  const { form, submit, saving, dirty, discard } = useSettingsSection(settings, ['currency', 'englishLocale', 'requireAdjustmentReason', 'defaultCostMethod']);
  const englishOptions = englishLocales.map((locale) => {
    return { value: locale, label: t(`settings.englishLocales.${locale}`, { sample: formatDateTime(SAMPLE_MOMENT, formatsFor('en', locale)) }) };
  });
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
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select label={t('settings.currency')} description={t('settings.currencyHint')} searchable allowDeselect={false} data={currencies} {...form.getInputProps('currency')} />
        <Select label={t('settings.englishLocale')} description={t('settings.englishLocaleHint')} allowDeselect={false} data={englishOptions} {...form.getInputProps('englishLocale')} />
      </SimpleGrid>
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
