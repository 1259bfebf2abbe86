// The signed-in user's own notification settings, inside the bell: the address their notifications are
// e-mailed to and a switch to mute those e-mails (the language they are written in follows the language
// switch). What an administrator set for each event (Admin › Notifications) still decides what is told.
import { Button, Group, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { translateError } from '../lib/errors';
import { useApiMutation, useApiQuery } from '../lib/query';

export function MyNotificationSettings() {
  const { t } = useTranslation('common');
  const mine = useApiQuery(['myNotificationSettings'], 'notifications.mySettings', {}).data;
  const save = useApiMutation('notifications.saveMySettings', { silentError: true, invalidate: [['myNotificationSettings'], ['users']], successKey: 'common:notifications.mine.saved' });
  const [email, setEmail] = useState<string | null>(null);
  if (!mine) return null;
  const shown = email ?? mine.email ?? '';
  const changed = email !== null && email.trim() !== (mine.email ?? '');
  return (
    <Stack gap="xs" px="sm" py="xs" data-testid="my-notification-settings">
      <Text size="xs" c="dimmed">
        {mine.mailConfigured ? t('notifications.mine.intro') : t('notifications.mine.noMail')}
      </Text>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (changed) save.mutate({ email: shown.trim() }, { onSuccess: () => setEmail(null) });
        }}
      >
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            size="xs"
            style={{ flex: 1 }}
            type="email"
            label={t('notifications.mine.email')}
            value={shown}
            onChange={(e) => (setEmail(e.currentTarget.value), save.reset())}
            error={save.error ? translateError(save.error) : undefined}
          />
          <Button size="xs" type="submit" disabled={!changed} loading={save.isPending}>
            {t('actions.save')}
          </Button>
        </Group>
      </form>
      <Switch
        size="sm"
        label={t('notifications.mine.emailMe')}
        disabled={!mine.email}
        checked={!!mine.email && !mine.emailMuted}
        onChange={(e) => save.mutate({ emailMuted: !e.currentTarget.checked })}
        data-testid="email-me"
      />
    </Stack>
  );
}
