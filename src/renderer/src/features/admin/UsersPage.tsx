// Users and what each may do. Deactivating keeps a user's history but stops their sign-in.
import { ActionIcon, Alert, Badge, Button, Center, Group, Loader, Menu, Stack, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconDots, IconEdit, IconKey, IconPlayerPause, IconPlayerPlay, IconPlus } from '@tabler/icons-react';
import { DataTable } from 'mantine-datatable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '@shared/contract/auth';
import { translateError } from '@renderer/lib/errors';
import { notify } from '@renderer/lib/notify';
import { PageHeader } from '@renderer/lib/PageHeader';
import { useSession } from '@renderer/lib/session';
import { useUsers } from '@renderer/lib/lookups';
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
      { id: u.id, displayName: u.displayName, permissions: u.permissions, isAdmin: u.isAdmin, active: !u.active },
      { onSuccess: () => notify.success(u.active ? 'admin:users.deactivated' : 'admin:users.reactivated', { name: u.displayName }) },
    );

  let body;
  if (users.isPending) {
    body = (
      <Center mih={200}>
        <Loader aria-label={t('common:loading')} />
      </Center>
    );
  } else if (users.isError) {
    body = <Alert color="red">{translateError(users.error)}</Alert>;
  } else {
    body = (
      <DataTable<User>
        data-testid="users-table"
        withTableBorder
        borderRadius="sm"
        striped
        highlightOnHover
        records={users.data}
        idAccessor="id"
        onRowDoubleClick={({ record }) => setEditing(record)}
        columns={[
          { accessor: 'displayName', title: t('users.displayName'), render: (u) => <Text size="sm" fw={500}>{u.displayName}</Text> },
          { accessor: 'username', title: t('users.username'), render: (u) => <Text size="sm" ff="monospace">{u.username}</Text> },
          {
            accessor: 'permissions',
            title: t('users.permissions'),
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
          {
            accessor: 'active',
            title: t('users.status'),
            noWrap: true,
            render: (u) => (
              <Badge variant="light" color={u.active ? 'teal' : 'gray'}>
                {u.active ? t('common:active') : t('common:inactive')}
              </Badge>
            ),
          },
          {
            accessor: 'actions',
            title: <VisuallyHidden>{t('users.actions')}</VisuallyHidden>,
            textAlign: 'right',
            width: 90,
            render: (u) => (
              <Group gap={4} justify="flex-end" wrap="nowrap">
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
              </Group>
            ),
          },
        ]}
      />
    );
  }

  return (
    <Stack gap="md">
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            {t('users.new')}
          </Button>
        }
      />
      {body}
      {editing !== null && <UserFormModal user={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {resetting !== null && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
    </Stack>
  );
}
