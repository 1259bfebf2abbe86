// The signed-in frame: a skip link, header, grouped navigation, the current screen, global search and
// the change-password dialog (opened from the user menu or the demo warning). While it is shown, changes
// other clients commit refetch what they touch (lib/changes.ts), and keyboard focus follows the screen
// (lib/focus.tsx): to each new screen's heading, back to a dialog's opener.
import { AppShell } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ChangePasswordModal, DemoBanner } from '../features/auth';
import { GlobalSearch } from '../features/search';
import { useLiveChanges } from '../lib/changes';
import { focusMainContent, HeadingFocusProvider, MAIN_CONTENT_ID, useDialogFocusReturn } from '../lib/focus';
import { Header } from './Header';
import { NavBar } from './NavBar';
import { AppRoutes } from './routes';

/** The first Tab stop of every screen: straight to the screen's heading, past header and navigation. */
function SkipLink() {
  const { t } = useTranslation('common');
  return (
    <a
      href={`#${MAIN_CONTENT_ID}`}
      className="app-skip-link"
      // The URL's hash is the route (hash routing): move focus without following the link.
      onClick={(event) => {
        event.preventDefault();
        focusMainContent();
      }}
    >
      {t('nav.skipToContent')}
    </a>
  );
}

export function Shell() {
  const [navOpened, nav] = useDisclosure(false);
  const [passwordOpened, password] = useDisclosure(false);
  useLiveChanges();
  useDialogFocusReturn();
  return (
    <HeadingFocusProvider>
      <AppShell header={{ height: 56 }} navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !navOpened } }} padding="md">
        <SkipLink />
        <Header navOpened={navOpened} onToggleNav={nav.toggle} onChangePassword={password.open} />
        <AppShell.Navbar>
          <NavBar onNavigate={nav.close} />
        </AppShell.Navbar>
        <AppShell.Main bg="var(--app-color-canvas)" id={MAIN_CONTENT_ID} tabIndex={-1}>
          <DemoBanner onChangePassword={password.open} />
          <AppRoutes />
        </AppShell.Main>
        <GlobalSearch />
        <ChangePasswordModal opened={passwordOpened} onClose={password.close} />
      </AppShell>
    </HeadingFocusProvider>
  );
}
