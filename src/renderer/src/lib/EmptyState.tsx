// EmptyState — what an empty list says and the one action that fills it:
//   <EmptyState icon={IconMapPin} title={t('locations:empty.title')} description={…} action={<Button …/>} />
import { Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { ComponentType, ReactNode } from 'react';

export interface EmptyStateProps {
  icon?: ComponentType<{ size?: number | string; stroke?: number }>;
  title: string;
  description?: string;
  action?: ReactNode;
  testId?: string;
}

export function EmptyState({ icon: Icon, title, description, action, testId }: EmptyStateProps) {
  return (
    <Paper withBorder radius="md" p="xl" data-testid={testId ?? 'empty-state'}>
      <Stack align="center" gap="sm" py="lg">
        {Icon && (
          <ThemeIcon size={56} radius="xl" variant="light" color="gray">
            <Icon size={30} stroke={1.5} />
          </ThemeIcon>
        )}
        <Title order={3} size="h4" ta="center">
          {title}
        </Title>
        {description && (
          <Text c="dimmed" ta="center" maw={480}>
            {description}
          </Text>
        )}
        {action}
      </Stack>
    </Paper>
  );
}
