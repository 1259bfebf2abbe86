// The permission checkboxes of a user, with their translated names; an administrator holds them all.
import { Checkbox, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { permissions, type Permission } from '@shared/contract/define';

const assignable = permissions.filter((p) => p !== 'admin');

export function PermissionsField({ value, onChange, isAdmin, error }: { value: Permission[]; onChange: (value: Permission[]) => void; isAdmin: boolean; error?: React.ReactNode }) {
  const { t } = useTranslation(['admin', 'common']);
  return (
    <Checkbox.Group label={t('users.permissions')} description={isAdmin ? t('users.adminHasAll') : t('users.permissionsHint')} value={isAdmin ? [...assignable] : value} onChange={(v) => onChange(v as Permission[])} error={error}>
      <Stack gap={4} mt="xs">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          {assignable.map((p) => (
            <Checkbox key={p} value={p} disabled={isAdmin} label={t(`common:permissions.${p}`)} />
          ))}
        </SimpleGrid>
        {isAdmin && (
          <Text size="xs" c="dimmed">
            {t('users.adminNote')}
          </Text>
        )}
      </Stack>
    </Checkbox.Group>
  );
}
