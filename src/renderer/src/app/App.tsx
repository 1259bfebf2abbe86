// Who is at the keyboard decides the screen: first start → create the administrator; nobody signed
// in → sign in; otherwise the shell. An expired session anywhere returns here.
import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LoginScreen, SetupScreen, useAuthStatus } from '../features/auth';
import { AUTH_STATUS_KEY } from '../features/auth/api';
import { onUnauthenticated } from '../lib/api';
import { translateError } from '../lib/errors';
import { notify } from '../lib/notify';
import { useMaintenance } from '../lib/maintenance';
import { useSession } from '../lib/session';
import { AuthLayout } from './AuthLayout';
import { MaintenanceScreen } from './MaintenanceScreen';
import { Shell } from './Shell';

export function App() {
  const { t } = useTranslation('common');
  const status = useAuthStatus();
  const queryClient = useQueryClient();
  const { known, needsSetup, user } = useSession();
  const maintenance = useMaintenance((s) => s.active);

  useEffect(
    () =>
      onUnauthenticated(() => {
        if (!useSession.getState().user) return;
        useSession.getState().signedOut();
        notify.info('common:sessionEnded');
        queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
        void queryClient.invalidateQueries({ queryKey: AUTH_STATUS_KEY });
      }),
    [queryClient],
  );

  if (maintenance) return <MaintenanceScreen />;
  if (!known) {
    return (
      <Center mih="100vh">
        {status.isError ? (
          <Stack align="center">
            <Alert color="red" role="alert">
              {translateError(status.error)}
            </Alert>
            <Button onClick={() => void status.refetch()}>{t('retry')}</Button>
          </Stack>
        ) : (
          <Loader aria-label={t('loading')} />
        )}
      </Center>
    );
  }
  if (needsSetup) {
    return (
      <AuthLayout>
        <SetupScreen />
      </AuthLayout>
    );
  }
  if (!user) {
    return (
      <AuthLayout>
        <LoginScreen />
      </AuthLayout>
    );
  }
  return <Shell />;
}
