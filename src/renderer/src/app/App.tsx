// Who is at the keyboard decides the screen: first start → create the administrator; nobody signed
// in → sign in; otherwise the shell. An expired session anywhere returns here. The shell and the
// screens are chunks of their own: the sign-in form comes up with only what it needs, then loads the
// shell and the usual first screen while the user types.
import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
// From their own files, not the feature's index: that would bring the shell's dialogs into the first script.
import { AUTH_STATUS_KEY, useAuthStatus } from '../features/auth/api';
import { LoginScreen } from '../features/auth/LoginScreen';
import { onUnauthenticated } from '../lib/api';
import { translateError } from '../lib/errors';
import { lazyPage } from '../lib/feature';
import { whenIdle } from '../lib/idle';
import { notify } from '../lib/notify';
import { useMaintenance } from '../lib/maintenance';
import { useSession } from '../lib/session';
import { AuthLayout } from './AuthLayout';
import { MaintenanceScreen } from './MaintenanceScreen';

const shell = lazyPage(() => import('./Shell'), 'Shell');
/** The routes module (every screen), loaded with the shell; kept to be used at once when it is. */
let routesModule: typeof import('./routes') | undefined;
const loadRoutes = async () => (routesModule ??= await import('./routes'));
/** Shown once per database: not worth a place in the sign-in form's script. */
const setup = lazyPage(() => import('../features/auth/SetupScreen'), 'SetupScreen');

/** While the sign-in (or first-start) form waits for the user: the shell and the usual first screen, loaded ahead. */
function usePreloadShell(signingIn: boolean): void {
  useEffect(() => {
    if (!signingIn) return;
    return whenIdle(() => {
      void shell.preload().catch(() => undefined);
      void loadRoutes().then((routes) => routes.preloadScreen('/stock/items'), () => undefined);
    }, 1_000);
  }, [signingIn]);
}

function Loading() {
  const { t } = useTranslation('common');
  return (
    <Center mih="100vh">
      <Loader aria-label={t('loading')} />
    </Center>
  );
}

export function App() {
  const { t } = useTranslation('common');
  const status = useAuthStatus();
  const queryClient = useQueryClient();
  const { known, needsSetup, user } = useSession();
  const maintenance = useMaintenance((s) => s.active);
  usePreloadShell(known && !user);

  // The moment a user signs in (the form was showing: status known, nobody signed in), the home screen's
  // first queries start, before the shell renders: they are back by the time the screen is drawn.
  useEffect(
    () =>
      useSession.subscribe((state, previous) => {
        if (!state.user || previous.user || !previous.known) return;
        const user = state.user;
        if (routesModule) routesModule.prefetchHome(user, queryClient);
        else void loadRoutes().then((routes) => routes.prefetchHome(user, queryClient), () => undefined);
      }),
    [queryClient],
  );

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
        <Suspense fallback={<Loader aria-label={t('loading')} />}>
          <setup.Component />
        </Suspense>
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
  return (
    <Suspense fallback={<Loading />}>
      <shell.Component />
    </Suspense>
  );
}
