// Admin › Activations: which modules the office uses. Switching one off hides its screens and navigation
// entries and makes its channels refuse (MODULE_DISABLED); its data stays. The server refuses what would
// strand work (Procurement without Inventory, Procurement off while charges wait for approval or quotes
// hold reservations) and the refusal names it.
import { Alert, Button, Group, Paper, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { moduleNeeds, modules, type Activations } from '@shared/contract/modules';
import { useActivations } from '@renderer/lib/activations';
import { translateError } from '@renderer/lib/errors';
import { PageHeader } from '@renderer/lib/PageHeader';
import { useSetActivations } from './api';

export function ActivationsPage() {
  const { t } = useTranslation(['admin', 'common']);
  const saved = useActivations();
  const save = useSetActivations();
  const [edited, setEdited] = useState<Activations | null>(null);
  const values = edited ?? saved;
  const dirty = edited !== null && modules.some((m) => edited[m] !== saved[m]);
  const toggle = (module: (typeof modules)[number], on: boolean) => {
    const next = { ...values, [module]: on };
    // A module that needs another follows it: switching Inventory off switches Procurement off with it,
    // switching Procurement on switches Inventory on.
    for (const m of modules) {
      const needs = moduleNeeds[m];
      if (needs && module === needs && !on) next[m] = false;
      if (needs && module === m && on) next[needs] = true;
    }
    setEdited(next);
    save.reset();
  };
  return (
    <Stack gap="md" maw={760}>
      <PageHeader title={t('activations.title')} description={t('activations.description')} />
      <Paper withBorder p="lg" radius="sm">
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(values, { onSuccess: () => setEdited(null) });
          }}
        >
          <Stack gap="lg">
            {modules.map((m) => (
              <Switch
                key={m}
                size="md"
                label={t(`common:modules.${m}`)}
                description={t(`activations.hint.${m}`)}
                checked={values[m]}
                onChange={(e) => toggle(m, e.currentTarget.checked)}
                data-testid={`activation-${m}`}
              />
            ))}
            {save.error !== null && (
              <Alert color="red" data-testid="activations-error">
                {translateError(save.error)}
              </Alert>
            )}
            <Text size="sm" c="dimmed">
              {t('activations.dataKept')}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" disabled={!dirty} onClick={() => (setEdited(null), save.reset())}>
                {t('settings.discard')}
              </Button>
              <Button type="submit" disabled={!dirty} loading={save.isPending}>
                {t('activations.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
