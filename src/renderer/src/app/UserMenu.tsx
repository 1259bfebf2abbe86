// The signed-in user's menu: who is signed in, light / dark / system appearance, the user guide (Help),
// change password, sign out.
import { Avatar, Button, Menu, Text, useMantineColorScheme, VisuallyHidden, type MantineColorScheme } from '@mantine/core';
import { IconCheck, IconChevronDown, IconDeviceDesktop, IconHelp, IconKey, IconLogout, IconMoon, IconSun } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLogout } from '../features/auth';
import { HELP_PATH } from '../features/help';
import { useSession } from '../lib/session';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');
}

const schemeIcons = { light: IconSun, dark: IconMoon, auto: IconDeviceDesktop } as const;
const schemeChoices: MantineColorScheme[] = ['light', 'dark', 'auto'];

export function UserMenu({ onChangePassword }: { onChangePassword: () => void }) {
  const { t } = useTranslation('common');
  const user = useSession((s) => s.user);
  const logout = useLogout();
  const navigate = useNavigate();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  // The next person to sign in starts from the home screen, not from this user's last page.
  const signOut = () => {
    navigate('/', { replace: true });
    logout();
  };
  if (!user) return null;
  return (
    <Menu position="bottom-end" width={240} shadow="md">
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          data-testid="user-menu"
          leftSection={
            <Avatar size="sm" radius="xl" color="blue" aria-hidden>
              {initials(user.displayName)}
            </Avatar>
          }
          rightSection={<IconChevronDown size={14} />}
        >
          {/* Heard as "<name>: user menu", which starts with the visible name (WCAG 2.5.3, label in name),
              also on a narrow window that shows only the initials (decoration). */}
          <Text size="sm" visibleFrom="sm" truncate maw={160} aria-hidden>
            {user.displayName}
          </Text>
          <VisuallyHidden>{t('header.userMenu', { name: user.displayName })}</VisuallyHidden>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {t('header.signedInAs', { name: user.username })}
          {user.isAdmin ? ` · ${t('header.administrator')}` : ''}
        </Menu.Label>
        <Menu.Divider />
        <Menu.Label>{t('header.appearance')}</Menu.Label>
        {schemeChoices.map((scheme) => {
          const Icon = schemeIcons[scheme];
          const current = colorScheme === scheme;
          return (
            <Menu.Item
              key={scheme}
              leftSection={<Icon size={16} />}
              rightSection={current ? <IconCheck size={16} /> : undefined}
              aria-current={current || undefined}
              data-testid={`color-scheme-${scheme}`}
              onClick={() => setColorScheme(scheme)}
            >
              {t(`header.schemes.${scheme}`)}
            </Menu.Item>
          );
        })}
        <Menu.Divider />
        <Menu.Item leftSection={<IconHelp size={16} />} onClick={() => navigate(HELP_PATH)} data-testid="user-menu-help">
          {t('header.help')}
        </Menu.Item>
        <Menu.Item leftSection={<IconKey size={16} />} onClick={onChangePassword}>
          {t('header.changePassword')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={16} />} color="red" onClick={signOut}>
          {t('header.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
