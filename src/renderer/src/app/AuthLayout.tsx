// The frame of the screens shown before sign-in: app name, language switch, one card.
import { Box, Center, Group, Paper, Text, ThemeIcon } from '@mantine/core';
import { IconBuildingWarehouse } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';

export function AuthLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation('common');
  return (
    <Box mih="100vh" bg="var(--app-color-canvas)" p="md">
      <Group justify="space-between" mb="xl">
        <Group gap="xs">
          <ThemeIcon variant="filled" size="lg">
            <IconBuildingWarehouse size={20} />
          </ThemeIcon>
          <Text fw={700} size="lg">
            {t('appName')}
          </Text>
        </Group>
        <LanguageSwitch />
      </Group>
      <Center>
        <Paper withBorder shadow="sm" radius="md" p="xl" w="100%" maw={440}>
          {children}
        </Paper>
      </Center>
    </Box>
  );
}
