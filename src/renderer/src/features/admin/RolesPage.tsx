// Admin › Roles: the security levels as a matrix — a row per permission, a column per role — edited in
// place and saved together; a new role for the office's own needs; an office role no one holds can be
// deleted. The Administrator level is the user's administrator switch: every permission, always.
import { ActionIcon, Alert, Button, Checkbox, Group, Paper, ScrollArea, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconDeviceFloppy, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '@shared/contract/auth';
import { permissions, type Permission } from '@shared/contract/define';
import { translateError } from '@renderer/lib/errors';
import { PageHeader } from '@renderer/lib/PageHeader';
import { useDeleteRole, useRoles, useSaveRole } from './api';
import { roleName } from './roleName';

const assignable = permissions.filter((p) => p !== 'admin');

export function RolesPage() {
  const { t } = useTranslation(['admin', 'common']);
  const roles = useRoles();
  const save = useSaveRole();
  const remove = useDeleteRole();
  // Edits not saved yet: role id → its permissions as ticked.
  const [edits, setEdits] = useState<Record<number, Permission[]>>({});
  const [newName, setNewName] = useState('');
  const list = roles.data ?? [];
  const permissionsOf = (r: Role) => edits[r.id] ?? r.permissions;
  const changed = list.filter((r) => edits[r.id] && [...edits[r.id]!].sort().join() !== [...r.permissions].sort().join());
  const toggle = (r: Role, p: Permission, on: boolean) =>
    setEdits((prev) => ({ ...prev, [r.id]: on ? [...permissionsOf(r), p] : permissionsOf(r).filter((x) => x !== p) }));
  const saveAll = async () => {
    for (const r of changed) await save.mutateAsync({ id: r.id, name: r.name, permissions: edits[r.id]!.filter((p): p is Exclude<Permission, 'admin'> => p !== 'admin') });
    // The ticks stay as saved: the edits are dropped once the matrix shows the saved roles.
    await roles.refetch();
    setEdits({});
  };
  const add = () => save.mutate({ name: newName.trim(), permissions: ['inventory.view'] }, { onSuccess: () => setNewName('') });

  return (
    <Stack gap="md">
      <PageHeader
        title={t('roles.title')}
        description={t('roles.description')}
        actions={
          <Button leftSection={<IconDeviceFloppy size={16} />} disabled={changed.length === 0} loading={save.isPending} onClick={() => void saveAll()}>
            {t('roles.save', { count: changed.length })}
          </Button>
        }
      />
      {save.error && <Alert color="red">{translateError(save.error)}</Alert>}
      {remove.error && <Alert color="red">{translateError(remove.error)}</Alert>}
      <Paper withBorder>
        <ScrollArea type="auto">
          <Table striped highlightOnHover data-testid="roles-matrix" stickyHeader>
            <Table.Thead>
              <Table.Tr>
                <Table.Th miw={260}>{t('roles.permission')}</Table.Th>
                <Table.Th ta="center">
                  <Text size="sm" fw={700}>
                    {t('roles.builtin.administrator')}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('roles.adminColumn')}
                  </Text>
                </Table.Th>
                {list.map((r) => (
                  <Table.Th key={r.id} ta="center" miw={110}>
                    <Group gap={4} justify="center" wrap="nowrap">
                      <Text size="sm" fw={700}>
                        {roleName(t, r)}
                      </Text>
                      {r.key === null && (
                        <Tooltip label={t('roles.deleteNamed', { name: r.name })}>
                          <ActionIcon size="sm" variant="subtle" color="red" aria-label={t('roles.deleteNamed', { name: r.name })} onClick={() => remove.mutate({ id: r.id })}>
                            <IconTrash size={14} />
                          </ActionIcon>
                        </Tooltip>
                      )}
                    </Group>
                    <Text size="xs" c="dimmed">
                      {t('roles.users', { count: r.userCount })}
                    </Text>
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {assignable.map((p) => (
                <Table.Tr key={p}>
                  <Table.Td>
                    <Text size="sm">{t(`common:permissions.${p}`)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Checkbox mx="auto" w="fit-content" checked disabled aria-label={t('roles.cell', { role: t('roles.builtin.administrator'), permission: t(`common:permissions.${p}`) })} />
                  </Table.Td>
                  {list.map((r) => (
                    <Table.Td key={r.id}>
                      <Checkbox
                        mx="auto"
                        w="fit-content"
                        checked={permissionsOf(r).includes(p)}
                        onChange={(e) => toggle(r, p, e.currentTarget.checked)}
                        aria-label={t('roles.cell', { role: roleName(t, r), permission: t(`common:permissions.${p}`) })}
                      />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      </Paper>
      <Group align="flex-end">
        <TextInput label={t('roles.newName')} description={t('roles.newHint')} value={newName} onChange={(e) => setNewName(e.currentTarget.value)} w={320} />
        <Button variant="default" leftSection={<IconPlus size={16} />} disabled={newName.trim() === ''} loading={save.isPending} onClick={add}>
          {t('roles.add')}
        </Button>
      </Group>
    </Stack>
  );
}
