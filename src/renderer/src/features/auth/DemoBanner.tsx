// Shown on every screen while a user still has the public demo password: the serve mode refuses to
// share the database on the network until it is changed. Administrators get the two ways to fix it
// (change their own password, or deactivate the demo user); others are told whom to ask.
import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '@renderer/lib/session';

export function DemoBanner({ onChangePassword }: { onChangePassword: () => void }) {
  const { t } = useTranslation('auth');
  const demo = useSession((s) => s.demo);
  const isAdmin = useSession((s) => s.user?.isAdmin ?? false);
  if (!demo) return null;
  return (
    <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} mb="md" role="alert" data-testid="demo-banner" title={t('demo.title')}>
      <Text size="sm">{isAdmin ? t('demo.body') : t('demo.bodyUser')}</Text>
      {isAdmin && (
        <Group gap="xs" mt="xs">
          <Button size="xs" color="yellow" variant="filled" onClick={onChangePassword}>
            {t('demo.action')}
          </Button>
          <Button size="xs" color="yellow" variant="subtle" component={Link} to="/admin/users">
            {t('demo.users')}
          </Button>
        </Group>
      )}
    </Alert>
  );
}
