import { Alert, Center, Checkbox, Group, Loader, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { contract } from '@shared/contract';
import { smtpSecurity, type SmtpSettings as Smtp } from '@shared/contract/settings';
import { translateError } from '@renderer/lib/errors';
import { notify } from '@renderer/lib/notify';
import { PasswordField } from '@renderer/lib/PasswordField';
import { useZodForm } from '@renderer/lib/useZodForm';
import { useSmtp, useUpdateSmtp } from '../api';
import { SettingsCard } from './SettingsCard';
import { SmtpTest } from './SmtpTest';

type Security = (typeof smtpSecurity)[number];
/** The port each kind of connection usually listens on. */
const usualPort: Record<Security, number> = { tls: 465, starttls: 587, none: 25 };

type Values = Omit<Smtp, 'passwordSet' | 'storage'> & { port: number | string; password: string; removePassword: boolean };

const valuesOf = (smtp: Smtp): Values => ({
  host: smtp.host,
  port: smtp.port,
  security: smtp.security,
  user: smtp.user,
  fromAddress: smtp.fromAddress,
  fromName: smtp.fromName,
  password: '',
  removePassword: false,
});

function SmtpForm({ smtp, defaultTestTo }: { smtp: Smtp; defaultTestTo: string }) {
  const { t } = useTranslation(['admin', 'common']);
  const update = useUpdateSmtp();
  const form = useZodForm(contract['settings.updateSmtp'].input, valuesOf(smtp), {
    // An empty password box keeps the stored password (the field is left out); "Remove" sends null.
    toInput: ({ removePassword, password, ...rest }) => ({ ...rest, password: removePassword ? null : password === '' ? undefined : password }),
  });
  const submit = form.onSubmit((input) =>
    update.mutate(input, {
      onSuccess: (saved) => {
        const values = valuesOf(saved);
        form.setInitialValues(values);
        form.setValues(values);
        form.resetDirty(values);
      },
      onError: (err) => form.applyApiError(err) || notify.error(err),
    }),
  );
  const security = form.values.security;
  const passwordSet = smtp.passwordSet && !form.values.removePassword;
  const dirty = form.isDirty();

  return (
    <SettingsCard
      title={t('smtp.title')}
      description={t('smtp.description')}
      testId="settings-smtp"
      onSubmit={submit}
      dirty={dirty}
      saving={update.isPending}
      saveLabel={t('smtp.save')}
      onDiscard={() => form.reset()}
      after={<SmtpTest configured={smtp.host !== ''} unsaved={dirty} defaultTo={defaultTestTo} />}
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" verticalSpacing="sm">
        <TextInput label={t('smtp.host')} placeholder="smtp.example.com" autoComplete="off" {...form.getInputProps('host')} />
        <Select<Security>
          label={t('smtp.security')}
          allowDeselect={false}
          data={smtpSecurity.map((s) => ({ value: s, label: t(`smtp.securities.${s}`) }))}
          value={security}
          onChange={(next) => {
            if (!next) return;
            // Switching the kind of connection moves the port along while it is still the usual one.
            if (form.values.port === usualPort[security]) form.setFieldValue('port', usualPort[next]);
            form.setFieldValue('security', next);
          }}
          error={form.errors.security}
        />
        <NumberInput label={t('smtp.port')} min={1} max={65_535} allowDecimal={false} allowNegative={false} thousandSeparator={false} {...form.getInputProps('port')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
        <TextInput label={t('smtp.user')} autoComplete="off" {...form.getInputProps('user')} />
        <Stack gap={6}>
          <PasswordField
            label={t('smtp.password')}
            description={smtp.passwordSet ? (form.values.removePassword ? t('smtp.passwordWillBeRemoved') : t('smtp.passwordStored')) : t('smtp.passwordNone')}
            placeholder={passwordSet ? '••••••••' : undefined}
            autoComplete="new-password"
            disabled={form.values.removePassword}
            {...form.getInputProps('password')}
          />
          {smtp.passwordSet && <Checkbox label={t('smtp.removePassword')} {...form.getInputProps('removePassword', { type: 'checkbox' })} />}
        </Stack>
        <TextInput
          label={t('smtp.fromAddress')}
          description={t('smtp.fromAddressHint')}
          type="email"
          autoComplete="off"
          {...form.getInputProps('fromAddress')}
          error={form.errors.fromAddress ? t('common:validation.email') : undefined}
        />
        <TextInput label={t('smtp.fromName')} description={t('smtp.fromNameHint')} autoComplete="off" {...form.getInputProps('fromName')} />
      </SimpleGrid>
      <Group gap={6} wrap="nowrap" data-testid="smtp-storage">
        <IconLock size={16} color="var(--mantine-color-dimmed)" style={{ flexShrink: 0 }} />
        <Text size="sm" c="dimmed">
          {t(`smtp.storage.${smtp.storage}`)}
        </Text>
      </Group>
    </SettingsCard>
  );
}

/** The office mail server that e-mails purchase orders; the password is write-only. */
export function SmtpSettings({ defaultTestTo }: { defaultTestTo: string }) {
  const { t } = useTranslation(['admin', 'common']);
  const smtp = useSmtp();
  if (smtp.isError) return <Alert color="red">{translateError(smtp.error)}</Alert>;
  if (!smtp.data)
    return (
      <Center mih={160}>
        <Loader aria-label={t('common:loading')} />
      </Center>
    );
  return <SmtpForm smtp={smtp.data} defaultTestTo={smtp.data.fromAddress || defaultTestTo} />;
}
