// The signed-in frame: header, grouped navigation, the current screen, global search and the
// change-password dialog (opened from the user menu or the demo warning). While it is shown, changes
// other clients commit refetch what they touch (lib/changes.ts).
import { AppShell } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { ChangePasswordModal, DemoBanner } from '../features/auth';
import { GlobalSearch } from '../features/search';
import { useLiveChanges } from '../lib/changes';
import { Header } from './Header';
import { NavBar } from './NavBar';
import { AppRoutes } from './routes';

export function Shell() {
  const [navOpened, nav] = useDisclosure(false);
  const [passwordOpened, password] = useDisclosure(false);
  useLiveChanges();
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !navOpened } }} padding="md">
      <Header navOpened={navOpened} onToggleNav={nav.toggle} onChangePassword={password.open} />
      <AppShell.Navbar>
        <NavBar onNavigate={nav.close} />
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0">
        <DemoBanner onChangePassword={password.open} />
        <AppRoutes />
      </AppShell.Main>
      <GlobalSearch />
      <ChangePasswordModal opened={passwordOpened} onClose={password.close} />
    </AppShell>
  );
}
