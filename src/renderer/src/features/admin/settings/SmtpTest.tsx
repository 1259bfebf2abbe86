import { Alert, Button, Divider, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconMailForward } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '@shared/contract';
import { translateError } from '@renderer/lib/errors';
import { notify } from '@renderer/lib/notify';
import { useTestSmtp } from '../api';

interface Props {
  /** A server has been saved. */
  configured: boolean;
  /** The form holds changes not saved yet: the test would not use them. */
  unsaved: boolean;
  defaultTo: string;
}

/** Sends a short message through the saved SMTP server; a failure shows the server's own reason. */
export function SmtpTest({ configured, unsaved, defaultTo }: Props) {
  const { t } = useTranslation(['admin', 'common']);
  const test = useTestSmtp();
  const [to, setTo] = useState(defaultTo);
  const [addressError, setAddressError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const send = () => {
    setFailure(null);
    const input = contract['settings.testSmtp'].input.safeParse({ to: to.trim() });
    if (!input.success) return setAddressError(t('common:validation.email'));
    test.mutate(input.data, {
      onSuccess: () => notify.success('admin:smtp.test.sent', { to: input.data.to }),
      onError: (err) => setFailure(translateError(err)),
    });
  };

  let hint = t('smtp.test.hint');
  if (!configured) hint = t('smtp.test.notConfigured');
  else if (unsaved) hint = t('smtp.test.saveFirst');
  return (
    <Stack gap="sm">
      <Divider />
      <Title order={3} size="h5">
        {t('smtp.test.title')}
      </Title>
      <Text size="sm" c={unsaved || !configured ? 'orange' : 'dimmed'}>
        {hint}
      </Text>
      <Group align="flex-start" gap="sm">
        <TextInput
          label={t('smtp.test.to')}
          type="email"
          value={to}
          onChange={(e) => {
            setTo(e.currentTarget.value);
            setAddressError(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              send();
            }
          }}
          error={addressError}
          w={320}
        />
        <Button mt={25} variant="light" leftSection={<IconMailForward size={16} />} loading={test.isPending} disabled={unsaved || !configured} onClick={send}>
          {t('smtp.test.send')}
        </Button>
      </Group>
      {failure && (
        <Alert color="red" role="alert" title={t('smtp.test.failed')} data-testid="smtp-test-error" withCloseButton closeButtonLabel={t('common:actions.close')} onClose={() => setFailure(null)}>
          {failure}
        </Alert>
      )}
    </Stack>
  );
}
