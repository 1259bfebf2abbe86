// An administrator sets a new password for a user who forgot theirs; every session of that user ends.
import { Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { contract } from '@shared/contract';
import type { User } from '@shared/contract/auth';
import { notify } from '@renderer/lib/notify';
import { PasswordField } from '@renderer/lib/PasswordField';
import { useZodForm } from '@renderer/lib/useZodForm';
import { useResetPassword } from './api';
import { FormFooter } from '@renderer/lib/FormFooter';

const resetForm = contract['users.resetPassword'].input
  .extend({ confirm: z.string() })
  .refine((v) => v.newPassword === v.confirm, { path: ['confirm'], params: { messageKey: 'common:validation.passwordsDiffer' } });

export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const reset = useResetPassword();
  const form = useZodForm(resetForm, { id: user.id, newPassword: '', confirm: '' });
  return (
    // Wide enough for Cancel beside the long Spanish submit label on one line.
    <Modal opened onClose={onClose} size={480} title={t('users.resetTitle', { name: user.displayName })}>
      <form
        noValidate
        onSubmit={form.onSubmit(({ confirm: _confirm, ...input }) =>
          reset.mutate(input, {
            onSuccess: () => {
              notify.success('admin:users.resetDone', { name: user.displayName });
              onClose();
            },
            onError: (err) => form.applyApiError(err) || notify.error(err),
          }),
        )}
      >
        <Stack>
          <Text size="sm">{t('users.resetHint', { name: user.displayName })}</Text>
          <PasswordField label={t('users.newPassword')} description={t('users.passwordRule')} autoComplete="new-password" data-autofocus withAsterisk {...form.getInputProps('newPassword')} />
          <PasswordField label={t('users.confirmPassword')} autoComplete="new-password" withAsterisk {...form.getInputProps('confirm')} />
          <FormFooter onCancel={onClose} submitLabel={t('users.resetSubmit')} color="red" loading={reset.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
