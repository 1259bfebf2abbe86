// Shown on every screen while a user still has the public demo password: the serve mode refuses to
// share the database on the network until it is changed. Administrators get the two ways to fix it
// (change their own password, or deactivate the demo user); others are told whom to ask. It can be folded
// to its one-line title (remembered in this browser), and it is a status, not an alert: a screen reader
// would otherwise announce it on every page.
import { Alert, Anchor, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '@renderer/lib/session';

const FOLDED_KEY = 'msp-inventory-demo-banner-folded';

function readFolded(): boolean {
  try {
    return localStorage.getItem(FOLDED_KEY) === '1';
  } catch {
    return false;
  }
}

export function DemoBanner({ onChangePassword }: { onChangePassword: () => void }) {
  const { t } = useTranslation('auth');
  const demo = useSession((s) => s.demo);
  const isAdmin = useSession((s) => s.user?.isAdmin ?? false);
  const [folded, setFolded] = useState(readFolded);
  if (!demo) return null;
  const fold = (value: boolean) => {
    setFolded(value);
    try {
      localStorage.setItem(FOLDED_KEY, value ? '1' : '0');
    } catch {
      // Storage refused (private mode): folded for this page only.
    }
  };
  if (folded) {
    return (
      <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} mb="md" py={6} role="status" data-testid="demo-banner" data-folded="true">
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" fw={700}>
            {t('demo.title')}
          </Text>
          {/* In the banner's colour: the theme's link blue reads under 4.5:1 on its dark-scheme amber. */}
          <Anchor component="button" type="button" size="sm" c="yellow" underline="always" onClick={() => fold(false)}>
            {t('demo.unfold')}
          </Anchor>
        </Group>
      </Alert>
    );
  }
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      mb="md"
      role="status"
      data-testid="demo-banner"
      title={t('demo.title')}
      withCloseButton
      closeButtonLabel={t('demo.fold')}
      onClose={() => fold(true)}
    >
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
