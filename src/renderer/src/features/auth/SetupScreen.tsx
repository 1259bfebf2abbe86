// First start: create the administrator, optionally with the demo data set.
import { Alert, Button, Checkbox, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { authContract } from '@shared/contract/auth';
import { notify } from '@renderer/lib/notify';
import { PasswordField } from '@renderer/lib/PasswordField';
import { useZodForm } from '@renderer/lib/useZodForm';
import { useSetup } from './api';

const setupForm = authContract['auth.setup'].input
  .extend({ confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], params: { messageKey: 'common:validation.passwordsDiffer' } });

export function SetupScreen() {
  const { t } = useTranslation('auth');
  const setup = useSetup();
  const form = useZodForm(setupForm, { username: 'admin', displayName: '', password: '', confirm: '', loadDemoData: false });
  return (
    <form
      noValidate
      aria-labelledby="setup-title"
      onSubmit={form.onSubmit(({ confirm: _confirm, ...input }) =>
        setup.mutate(input, { onError: (err) => form.applyApiError(err) || notify.error(err) }),
      )}
    >
      <Stack>
        <Title order={1} size="h3" id="setup-title">
          {t('setup.title')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('setup.intro')}
        </Text>
        <TextInput label={t('fields.username')} description={t('setup.usernameHint')} autoComplete="username" withAsterisk {...form.getInputProps('username')} />
        <TextInput label={t('fields.displayName')} autoComplete="name" autoFocus withAsterisk {...form.getInputProps('displayName')} />
        <PasswordField label={t('fields.password')} description={t('setup.passwordHint')} autoComplete="new-password" withAsterisk {...form.getInputProps('password')} />
        <PasswordField label={t('fields.confirm')} autoComplete="new-password" withAsterisk {...form.getInputProps('confirm')} />
        <Checkbox label={t('setup.loadDemo')} description={t('setup.loadDemoHint')} {...form.getInputProps('loadDemoData', { type: 'checkbox' })} />
        {form.values.loadDemoData && (
          <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />}>
            {t('setup.demoNote')}
          </Alert>
        )}
        <Button type="submit" loading={setup.isPending} fullWidth>
          {t('setup.submit')}
        </Button>
      </Stack>
    </form>
  );
}
