// Change the signed-in user's password (also what clears the demo warning).
import { Modal, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { authContract } from '@shared/contract/auth';
import { notify } from '@renderer/lib/notify';
import { PasswordField } from '@renderer/lib/PasswordField';
import { useZodForm } from '@renderer/lib/useZodForm';
import { useChangePassword } from './api';
import { FormFooter } from '@renderer/lib/FormFooter';

const changeForm = authContract['auth.changePassword'].input
  .extend({ confirm: z.string() })
  .refine((v) => v.newPassword === v.confirm, { path: ['confirm'], params: { messageKey: 'common:validation.passwordsDiffer' } });

export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('auth');
  const form = useZodForm(changeForm, { currentPassword: '', newPassword: '', confirm: '' });
  const close = () => {
    form.reset();
    onClose();
  };
  const change = useChangePassword(close);
  return (
    <Modal opened={opened} onClose={close} title={t('changePassword.title')}>
      <form
        noValidate
        onSubmit={form.onSubmit(({ confirm: _confirm, ...input }) =>
          change.mutate(input, {
            onError: (err) => {
              if (err.code === 'INVALID_CREDENTIALS') form.setFieldError('currentPassword', t('changePassword.wrongCurrent'));
              else if (!form.applyApiError(err)) notify.error(err);
            },
          }),
        )}
      >
        <Stack>
          <PasswordField label={t('fields.currentPassword')} autoComplete="current-password" data-autofocus withAsterisk {...form.getInputProps('currentPassword')} />
          <PasswordField label={t('fields.newPassword')} description={t('setup.passwordHint')} autoComplete="new-password" withAsterisk {...form.getInputProps('newPassword')} />
          <PasswordField label={t('fields.confirm')} autoComplete="new-password" withAsterisk {...form.getInputProps('confirm')} />
          <FormFooter onCancel={close} submitLabel={t('changePassword.submit')} loading={change.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
