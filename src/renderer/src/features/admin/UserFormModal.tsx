// Create a user (username, name, first password, permissions) or edit one (name, permissions, admin, active);
// a user who does not work at every location also gets the locations granted besides their own vans.
import { Modal, MultiSelect, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { contract } from '@shared/contract';
import type { User } from '@shared/contract/auth';
import { permissions as permissionOrder, type Permission } from '@shared/contract/define';
import { notify } from '@renderer/lib/notify';
import { PasswordField } from '@renderer/lib/PasswordField';
import { useApprovalLimits, useInternalLocations } from '@renderer/lib/lookups';
import { useZodForm } from '@renderer/lib/useZodForm';
import { useCreateUser, useRoles, useUpdateUser } from './api';
import { useFormat } from '@renderer/lib/useFormat';
import { useActivations, useModuleOn } from '@renderer/lib/activations';
import { roleName } from './roleName';
import { PermissionsField } from './PermissionsField';
import { FormFooter } from '@renderer/lib/FormFooter';

export function UserFormModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation(['admin', 'common']);
  const f = useFormat();
  const create = useCreateUser();
  const update = useUpdateUser();
  const schema = user ? contract['users.update'].input : contract['users.create'].input;
  const form = useZodForm(
    schema,
    {
      username: user?.username ?? '',
      displayName: user?.displayName ?? '',
      password: '',
      permissions: (user?.ownPermissions ?? ['inventory.view']) as Permission[],
      isAdmin: user?.isAdmin ?? false,
      active: user?.active ?? true,
      locationIds: user?.locationIds ?? [],
      roleIds: user?.roleIds ?? [],
      purchasingTeam: user?.purchasingTeam ?? false,
      approvalLimitId: user?.approvalLimitId ?? null,
      email: user?.email ?? '',
      language: user?.language ?? 'es',
    },
    {
      toInput: ({ username, password, active, ...v }) => (user ? { ...v, active, id: user.id } : { ...v, username, password }),
    },
  );
  const onError = (err: unknown) => form.applyApiError(err) || notify.error(err);
  const activations = useActivations();
  const locations = useInternalLocations(activations.inventory);
  const roles = useRoles();
  const limits = useApprovalLimits(useModuleOn('procurement'));
  // What the user will be able to do: their own permissions and their roles'.
  const effective = new Set<Permission>([...form.values.permissions, ...(roles.data ?? []).filter((r) => form.values.roleIds.includes(r.id)).flatMap((r) => r.permissions)]);
  // Location rights are Inventory's, approval limits Procurement's: asked only while the module is on.
  const restricted = activations.inventory && !form.values.isAdmin && !effective.has('stock.anyLocation');
  return (
    <Modal opened onClose={onClose} size="lg" title={user ? t('users.editTitle', { name: user.displayName }) : t('users.newTitle')}>
      <form
        noValidate
        onSubmit={form.onSubmit((input) => {
          if ('id' in input) update.mutate(input, { onSuccess: onClose, onError });
          else create.mutate(input, { onSuccess: onClose, onError });
        })}
      >
        <Stack>
          <TextInput label={t('users.username')} description={user ? undefined : t('users.usernameHint')} withAsterisk disabled={user !== null} data-autofocus {...form.getInputProps('username')} />
          <TextInput label={t('users.displayName')} withAsterisk {...form.getInputProps('displayName')} />
          <TextInput label={t('users.email')} description={t('users.emailHint')} type="email" autoComplete="off" {...form.getInputProps('email')} value={form.values.email ?? ''} />
          <Select
            label={t('users.language')}
            description={t('users.languageHint')}
            data={[
              { value: 'es', label: t('common:languages.es') },
              { value: 'en', label: t('common:languages.en') },
            ]}
            allowDeselect={false}
            {...form.getInputProps('language')}
          />
          {!user && <PasswordField label={t('users.password')} description={t('users.passwordHint')} autoComplete="new-password" withAsterisk {...form.getInputProps('password')} />}
          <Switch label={t('users.isAdmin')} description={t('users.isAdminHint')} {...form.getInputProps('isAdmin', { type: 'checkbox' })} />
          {!form.values.isAdmin && (
            <MultiSelect
              label={t('users.roles')}
              searchable
              placeholder={form.values.roleIds.length === 0 ? t('users.noRoles') : undefined}
              description={t('users.rolesHint')}
              data={(roles.data ?? []).map((r) => ({ value: String(r.id), label: roleName(t, r) }))}
              value={form.values.roleIds.map(String)}
              onChange={(v) => form.setFieldValue('roleIds', v.map(Number))}
              error={form.errors.roleIds}
            />
          )}
          <PermissionsField
            value={form.values.permissions}
            onChange={(v) => form.setFieldValue('permissions', v)}
            isAdmin={form.values.isAdmin}
            error={form.errors.permissions}
          />
          {!form.values.isAdmin && effective.size > 0 && (
            <Stack gap={2} data-testid="effective-permissions">
              <Text size="sm" fw={500}>
                {t('users.effective')}
              </Text>
              <Text size="xs" c="dimmed">
                {permissionOrder.filter((p) => effective.has(p)).map((p) => t(`common:permissions.${p}`)).join(' · ')}
              </Text>
            </Stack>
          )}
          {activations.procurement && !form.values.isAdmin && effective.has('purchasing.approve') && (
            <Select
              label={t('users.approvalLimit')}
              description={t('users.approvalLimitHint')}
              data={[
                { value: '', label: t('users.noApprovalLimit') },
                ...(limits.data ?? []).map((l) => ({ value: String(l.id), label: l.upTo === null ? `${l.name} · ${t('users.noApprovalLimit')}` : `${l.name} · ${f.money(l.upTo)}` })),
              ]}
              value={form.values.approvalLimitId === null ? '' : String(form.values.approvalLimitId)}
              onChange={(v) => form.setFieldValue('approvalLimitId', v ? Number(v) : null)}
              allowDeselect={false}
              error={form.errors.approvalLimitId}
            />
          )}
          <Switch label={t('users.purchasingTeam')} description={t('users.purchasingTeamHint')} {...form.getInputProps('purchasingTeam', { type: 'checkbox' })} />
          {restricted && (
            <MultiSelect
              label={t('users.locations')}
              description={t('users.locationsHint')}
              searchable
              placeholder={form.values.locationIds.length === 0 ? t('users.ownVansOnly') : undefined}
              data={(locations.data ?? []).map((l) => ({ value: String(l.id), label: l.ownerName ? `${l.name} (${l.ownerName})` : l.name }))}
              value={form.values.locationIds.map(String)}
              onChange={(v) => form.setFieldValue('locationIds', v.map(Number))}
              error={form.errors.locationIds}
            />
          )}
          {user && <Switch label={t('users.active')} description={t('users.activeHint')} {...form.getInputProps('active', { type: 'checkbox' })} />}
          <FormFooter onCancel={onClose} submitLabel={user ? t('common:actions.saveChanges') : t('users.create')} loading={create.isPending || update.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
