// Users and what each may do. Deactivating keeps a user's history but stops their sign-in.
import { ActionIcon, Badge, Button, Group, Menu, Text, Tooltip } from '@mantine/core';
import { IconDots, IconEdit, IconKey, IconPlayerPause, IconPlayerPlay, IconPlus, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '@shared/contract/auth';
import { permissions } from '@shared/contract/define';
import { actionsColumn, activeColumn, csvLabels, ListPage, ListTable, useListView, type ListColumn } from '@renderer/lib/list';
import { useUsers } from '@renderer/lib/lookups';
import { notify } from '@renderer/lib/notify';
import { useSession } from '@renderer/lib/session';
import { useSetUserActive } from './api';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFormModal } from './UserFormModal';

export function UsersPage() {
  const { t } = useTranslation(['admin', 'common']);
  const me = useSession((s) => s.user);
  const users = useUsers();
  const setActive = useSetUserActive();
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const toggle = (u: User) =>
    setActive.mutate(
      { id: u.id, displayName: u.displayName, permissions: u.ownPermissions, isAdmin: u.isAdmin, active: !u.active },
      { onSuccess: () => notify.success(u.active ? 'admin:users.deactivated' : 'admin:users.reactivated', { name: u.displayName }) },
    );
  const newButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
      {t('users.new')}
    </Button>
  );
  const columns: ListColumn<User>[] = [
    { accessor: 'displayName', title: t('users.displayName'), alwaysShown: true, truncate: 220, render: (u) => <Text span inherit fw={500}>{u.displayName}</Text>, fullText: (u) => u.displayName },
    { accessor: 'username', title: t('users.username'), render: (u) => <Text span inherit ff="monospace">{u.username}</Text> },
    {
      accessor: 'permissions',
      title: t('users.permissions'),
      // An administrator's badge stands for every permission: in a file, a column of its own beside them.
      csv: [{ field: 'isAdmin', header: t('users.admin') }, { labels: csvLabels(permissions, (p) => t(`common:permissions.${p}`)) }],
      render: (u) =>
        u.isAdmin ? (
          <Badge color="red" variant="light">
            {t('users.admin')}
          </Badge>
        ) : (
          <Group gap={4}>
            {u.permissions.map((p) => (
              <Badge key={p} variant="outline" color="gray" size="sm" tt="none">
                {t(`common:permissions.${p}`)}
              </Badge>
            ))}
          </Group>
        ),
    },
    activeColumn(t('users.status')),
    actionsColumn(t('users.actions'), (u) => (
      <>
        <Tooltip label={t('common:actions.edit')}>
          <ActionIcon variant="subtle" aria-label={t('users.editNamed', { name: u.displayName })} onClick={() => setEditing(u)}>
            <IconEdit size={16} />
          </ActionIcon>
        </Tooltip>
        {u.id !== me?.id && (
          <Menu position="bottom-end">
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" aria-label={t('users.moreNamed', { name: u.displayName })}>
                <IconDots size={16} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconKey size={16} />} onClick={() => setResetting(u)}>
                {t('users.resetPassword')}
              </Menu.Item>
              <Menu.Item color={u.active ? 'red' : undefined} leftSection={u.active ? <IconPlayerPause size={16} /> : <IconPlayerPlay size={16} />} onClick={() => toggle(u)}>
                {u.active ? t('common:actions.deactivate') : t('common:actions.reactivate')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        )}
      </>
    )),
  ];
  const view = useListView({ id: 'admin.users', columns });

  return (
    <ListPage title={t('users.title')} description={t('users.description')} actions={newButton} view={view}>
      <ListTable
        testId="users-table"
        view={view}
        query={users}
        // The user opens in a dialog; the edit button in the row is the keyboard's way to it.
        onRowClick={setEditing}
        empty={{ icon: IconUsers, title: t('users.empty'), action: newButton }}
      />
      {editing !== null && <UserFormModal user={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {resetting !== null && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
    </ListPage>
  );
}
