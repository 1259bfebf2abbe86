// Office settings: company name, home currency, whether manual stock changes need a reason, and the
// cost proposed when stock is added by hand.
import { Alert, Button, Center, Group, Loader, Paper, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../shared/contract';
import { costMethods } from '../../../../shared/contract/stock';
import type { Settings } from '../../../../shared/contract/settings';
import { translateError } from '../../lib/errors';
import { notify } from '../../lib/notify';
import { PageHeader } from '../../lib/PageHeader';
import { useSettings } from '../../lib/useFormat';
import { useZodForm } from '../../lib/useZodForm';
import { useUpdateSettings } from './api';

type CostMethod = (typeof costMethods)[number];

/** Every ISO 4217 code the runtime knows, labelled in the user's language ("EUR — euro"). */
function useCurrencyOptions(current: string) {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const names = new Intl.DisplayNames([i18n.language], { type: 'currency' });
    const codes = new Set(Intl.supportedValuesOf('currency'));
    codes.add(current);
    return [...codes].sort().map((code) => ({ value: code, label: `${code} — ${names.of(code) ?? code}` }));
  }, [i18n.language, current]);
}

function SettingsForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation('admin');
  const update = useUpdateSettings();
  const currencies = useCurrencyOptions(settings.currency);
  const form = useZodForm(contract['settings.update'].input, { ...settings });
  return (
    <form
      noValidate
      data-testid="settings-form"
      onSubmit={form.onSubmit((input) => update.mutate(input, { onSuccess: () => form.resetDirty(), onError: (err) => form.applyApiError(err) || notify.error(err) }))}
    >
      <Paper withBorder p="lg" radius="sm" maw={640}>
        <Stack>
          <TextInput label={t('settings.companyName')} description={t('settings.companyNameHint')} {...form.getInputProps('companyName')} />
          <Select
            label={t('settings.currency')}
            description={t('settings.currencyHint')}
            searchable
            allowDeselect={false}
            data={currencies}
            {...form.getInputProps('currency')}
          />
          <Switch label={t('settings.requireReason')} description={t('settings.requireReasonHint')} {...form.getInputProps('requireAdjustmentReason', { type: 'checkbox' })} />
          <Select<CostMethod>
            label={t('settings.costMethod')}
            description={t('settings.costMethodHint')}
            allowDeselect={false}
            data={costMethods.map((m) => ({ value: m, label: t(`settings.costMethods.${m}`) }))}
            {...form.getInputProps('defaultCostMethod')}
          />
          <Group justify="flex-end">
            <Button variant="default" disabled={!form.isDirty()} onClick={() => form.reset()}>
              {t('settings.discard')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('common:actions.saveChanges')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </form>
  );
}

export function SettingsPage() {
  const { t } = useTranslation('admin');
  const settings = useSettings();
  let body;
  if (settings.isError) body = <Alert color="red">{translateError(settings.error)}</Alert>;
  else if (!settings.data)
    body = (
      <Center mih={200}>
        <Loader aria-label={t('common:loading')} />
      </Center>
    );
  else body = <SettingsForm settings={settings.data} />;
  return (
    <Stack gap="md">
      <PageHeader title={t('settings.title')} description={t('settings.description')} />
      {body}
    </Stack>
  );
}
