// Sign-in. On a demo database it says which account to use and that it must be secured.
import { Alert, Button, Stack, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authContract } from '@shared/contract/auth';
import { translateError } from '@renderer/lib/errors';
import { PasswordField } from '@renderer/lib/PasswordField';
import { useSession } from '@renderer/lib/session';
import { useUntilEdited } from '@renderer/lib/staleMessage';
import { useZodForm } from '@renderer/lib/useZodForm';
import { useLogin } from './api';

export function LoginScreen() {
  const { t } = useTranslation('auth');
  const demo = useSession((s) => s.demo);
  const login = useLogin();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useZodForm(authContract['auth.login'].input, { username: '', password: '' });
  const shownFailure = useUntilEdited(failure, [form.values.username, form.values.password]);
  return (
    <form
      noValidate
      aria-labelledby="login-title"
      onSubmit={form.onSubmit((input) => {
        setFailure(null);
        login.mutate(input, {
          onError: (err) => {
            setFailure(translateError(err));
            form.setFieldValue('password', '');
          },
        });
      })}
    >
      <Stack>
        <Title order={1} size="h3" id="login-title">
          {t('login.title')}
        </Title>
        {demo && (
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="demo-login-hint">
            {t('login.demoHint')}
          </Alert>
        )}
        {shownFailure && (
          <Alert color="red" variant="light" role="alert">
            {shownFailure}
          </Alert>
        )}
        <TextInput label={t('fields.username')} autoComplete="username" autoFocus withAsterisk {...form.getInputProps('username')} />
        <PasswordField label={t('fields.password')} autoComplete="current-password" withAsterisk {...form.getInputProps('password')} />
        <Button type="submit" loading={login.isPending} fullWidth>
          {t('login.submit')}
        </Button>
      </Stack>
    </form>
  );
}
