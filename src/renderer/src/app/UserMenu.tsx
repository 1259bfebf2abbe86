// The signed-in user's menu: who is signed in, change password, sign out.
import { Avatar, Button, Menu, Text } from '@mantine/core';
import { IconChevronDown, IconKey, IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLogout } from '../features/auth';
import { useSession } from '../lib/session';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');
}

export function UserMenu({ onChangePassword }: { onChangePassword: () => void }) {
  const { t } = useTranslation('common');
  const user = useSession((s) => s.user);
  const logout = useLogout();
  const navigate = useNavigate();
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
          aria-label={t('header.userMenu')}
          data-testid="user-menu"
          leftSection={
            <Avatar size="sm" radius="xl" color="blue">
              {initials(user.displayName)}
            </Avatar>
          }
          rightSection={<IconChevronDown size={14} />}
        >
          <Text size="sm" visibleFrom="sm" truncate maw={160}>
            {user.displayName}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {t('header.signedInAs', { name: user.username })}
          {user.isAdmin ? ` · ${t('header.administrator')}` : ''}
        </Menu.Label>
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
