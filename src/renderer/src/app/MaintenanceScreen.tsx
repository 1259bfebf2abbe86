// Shown instead of every screen once the host answers MAINTENANCE: a backup is replacing the database,
// so what was on screen is out of date. Reloading after the restore leads to signing in again.
import { Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { IconRefresh, IconRestore } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export function MaintenanceScreen() {
  const { t } = useTranslation('backups');
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder p="xl" radius="md" maw={520} role="alert" data-testid="maintenance">
        <Stack align="center" gap="md">
          <IconRestore size={40} stroke={1.5} />
          <Title order={1} size="h3" ta="center">
            {t('maintenanceTitle')}
          </Title>
          <Text ta="center">{t('maintenanceText')}</Text>
          <Button leftSection={<IconRefresh size={16} />} onClick={() => window.location.reload()}>
            {t('reload')}
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
