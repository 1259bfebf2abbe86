// Renderer entry: providers (theme, notifications, server state, i18n, dates, hash routing — the
// app:// protocol has no server to resolve paths) around the authenticated shell.
import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/spotlight/styles.css';
import '@mantine/charts/styles.css';
import './app.css';
import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { HashRouter } from 'react-router';
import { App } from './app/App';
import { initI18n } from './app/i18n';
import { colorSchemeManager } from './app/colorScheme';
import { appTheme, cssVariablesResolver } from './app/theme';
import { warmUpNumberFormats } from '@shared/numbers';
import { ApiError } from './lib/api';
import { whenIdle } from './lib/idle';

const i18n = initI18n();

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Local data: refetch on focus keeps several windows in step; a refused call is not retried.
      staleTime: 10_000,
      retry: (failures, error) => !(error instanceof ApiError && error.code !== 'INTERNAL') && failures < 2,
    },
  },
});

const schemeManager = colorSchemeManager();

/** Theme and date pickers follow the chosen language; the colour scheme follows the system unless the user chose one. */
function LocalizedMantine({ children }: { children: React.ReactNode }) {
  const { t, i18n: current } = useTranslation('common');
  const theme = useMemo(() => appTheme({ close: t('actions.close'), clear: t('actions.clear') }), [t]);
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto" colorSchemeManager={schemeManager} cssVariablesResolver={cssVariablesResolver}>
      <DatesProvider settings={{ locale: current.language, firstDayOfWeek: 1 }}>{children}</DatesProvider>
    </MantineProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <LocalizedMantine>
        {/* Bottom centre, as a snackbar: at the top right a toast covered each screen's main action ("New
            location") for seconds after a save, just when a clerk reaches for it again. */}
        <Notifications position="bottom-center" limit={4} />
        <QueryClientProvider client={queryClient}>
          <HashRouter>
            <App />
          </HashRouter>
        </QueryClientProvider>
      </LocalizedMantine>
    </I18nextProvider>
  </StrictMode>,
);

whenIdle(warmUpNumberFormats);
