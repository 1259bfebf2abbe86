// Getting started: the first-run checklist of an office — its name and letterhead, locations, products (or
// an import), vendors and clients, users and roles, the SMTP server, where backups go. Each step ticks
// itself off when what it asks for exists, whichever screen made it. /admin/setup
import { Anchor, Badge, Group, Paper, Progress, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconCircleDashed } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SetupStep } from '@shared/contract/settings';
import { PageHeader } from '@renderer/lib/PageHeader';
import { useSetupStatus } from '@renderer/lib/setup';

/** Where each step is done. */
const stepPaths: Record<SetupStep, string> = {
  company: '/admin/settings',
  locations: '/locations',
  products: '/catalog/products',
  vendors: '/catalog/companies',
  users: '/admin/users',
  smtp: '/admin/settings',
  backups: '/admin/backups',
};

/** Steps whose records can also come from a spreadsheet: the import screen's kind for each. */
const importKindOf: Partial<Record<SetupStep, string>> = { locations: 'locations', products: 'products', vendors: 'companies' };

export function SetupPage() {
  const { t } = useTranslation('admin');
  const status = useSetupStatus();
  const steps = status.data?.steps ?? [];
  const done = steps.filter((s) => s.done).length;
  return (
    <Stack gap="md" maw={860}>
      <PageHeader title={t('setup.title')} description={t('setup.description')} />
      {steps.length > 0 && (
        <Group gap="sm">
          <Progress value={(done / steps.length) * 100} size="lg" style={{ flex: 1 }} aria-label={t('setup.progress', { done, total: steps.length })} />
          <Text size="sm" fw={600} data-testid="setup-progress">
            {t('setup.progress', { done, total: steps.length })}
          </Text>
        </Group>
      )}
      <Stack gap="sm" data-testid="setup-steps">
        {steps.map(({ step, done: isDone }, index) => (
          <Paper key={step} withBorder p="md" radius="md" data-step={step} data-done={isDone}>
            <Group wrap="nowrap" align="flex-start">
              <ThemeIcon size={32} radius="xl" color={isDone ? 'teal' : 'gray'} variant={isDone ? 'filled' : 'light'} aria-hidden>
                {isDone ? <IconCheck size={18} /> : <IconCircleDashed size={18} />}
              </ThemeIcon>
              <Stack gap={4} style={{ flex: 1 }}>
                <Group gap="xs">
                  <Text fw={600}>
                    {index + 1}. {t(`setup.steps.${step}.title`)}
                  </Text>
                  <Badge size="sm" color={isDone ? 'teal' : 'orange'} variant="light">
                    {isDone ? t('setup.done') : t('setup.todo')}
                  </Badge>
                </Group>
                <Text size="sm" c="dimmed">
                  {t(`setup.steps.${step}.text`)}
                </Text>
                <Group gap="md">
                  <Anchor component={Link} to={stepPaths[step]} size="sm" underline="always">
                    {t(`setup.steps.${step}.action`)}
                  </Anchor>
                  {importKindOf[step] && (
                    <Anchor component={Link} to={`/admin/import?kind=${importKindOf[step]}`} size="sm" underline="always">
                      {t('setup.importAction')}
                    </Anchor>
                  )}
                </Group>
              </Stack>
            </Group>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}
