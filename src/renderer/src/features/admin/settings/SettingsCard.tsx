// One section of the settings page: a card with its own form, "Discard changes" and a save button
// named after the section, so saving the letterhead never sends a half-edited SMTP server.
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { FormEventHandler, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  title: string;
  description: string;
  testId: string;
  onSubmit: FormEventHandler<HTMLFormElement>;
  dirty: boolean;
  saving: boolean;
  saveLabel: string;
  onDiscard: () => void;
  children: ReactNode;
  /** Shown under the buttons (the SMTP test). */
  after?: ReactNode;
}

export function SettingsCard({ title, description, testId, onSubmit, dirty, saving, saveLabel, onDiscard, children, after }: Props) {
  const { t } = useTranslation('admin');
  const id = `${testId}-title`;
  return (
    <Paper withBorder p="lg" radius="sm" component="section" aria-labelledby={id} data-testid={testId}>
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={2} size="h4" id={id}>
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        </Stack>
        <form noValidate onSubmit={onSubmit}>
          <Stack>
            {children}
            <Group justify="flex-end">
              <Button variant="default" disabled={!dirty} onClick={onDiscard}>
                {t('settings.discard')}
              </Button>
              <Button type="submit" loading={saving}>
                {saveLabel}
              </Button>
            </Group>
          </Stack>
        </form>
        {after}
      </Stack>
    </Paper>
  );
}
