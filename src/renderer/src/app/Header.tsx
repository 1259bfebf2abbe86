// Header: app name, global search (with its shortcut), language switch, notifications, user menu.
import { ActionIcon, AppShell, Burger, Button, Group, Kbd, Text, ThemeIcon, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconBuildingWarehouse, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { globalSearch } from '../features/search';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from './NotificationBell';
import { UserMenu } from './UserMenu';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

export function Header({ navOpened, onToggleNav, onChangePassword }: { navOpened: boolean; onToggleNav: () => void; onChangePassword: () => void }) {
  const { t } = useTranslation('common');
  return (
    <AppShell.Header>
      <Group h="100%" px="md" justify="space-between" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <Burger opened={navOpened} onClick={onToggleNav} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
          <UnstyledButton component={Link} to="/">
            <Group gap="xs" wrap="nowrap">
              <ThemeIcon variant="filled" size="md">
                <IconBuildingWarehouse size={18} />
              </ThemeIcon>
              <Text fw={700} visibleFrom="xs">
                {t('appName')}
              </Text>
            </Group>
          </UnstyledButton>
        </Group>
        <ActionIcon variant="default" size="lg" hiddenFrom="sm" onClick={globalSearch.open} aria-label={t('header.searchLabel')}>
          <IconSearch size={18} />
        </ActionIcon>
        <Button
          visibleFrom="sm"
          variant="default"
          color="gray"
          onClick={globalSearch.open}
          leftSection={<IconSearch size={16} />}
          // Screen readers hear the full sentence, which starts with the visible word "Search" (WCAG 2.5.3,
          // label in name), and the shortcut as a shortcut (aria-keyshortcuts) rather than as text.
          rightSection={
            <Kbd size="xs" aria-hidden>
              {isMac ? '⌘ K' : 'Ctrl K'}
            </Kbd>
          }
          aria-keyshortcuts={isMac ? 'Meta+K' : 'Control+K'}
          data-testid="global-search-button"
          w={320}
          styles={{ inner: { justifyContent: 'flex-start' }, label: { flex: 1, color: 'var(--mantine-color-dimmed)', fontWeight: 400 } }}
        >
          <span aria-hidden>{t('header.search')}</span>
          <VisuallyHidden>{t('header.searchLabel')}</VisuallyHidden>
        </Button>
        <Group gap="sm" wrap="nowrap">
          <LanguageSwitch />
          <NotificationBell />
          <UserMenu onChangePassword={onChangePassword} />
        </Group>
      </Group>
    </AppShell.Header>
  );
}
