// ConfirmModal — the question before an action that changes a document for good (cancel, reverse,
// post, submit, remove), optionally with a reason or note the action records. Usage:
//   {canceling && (
//     <ConfirmModal title={t('x.cancelTitle')} text={t('x.cancelText')} confirmLabel={t('x.cancel')} color="red"
//       reason={{ label: t('common.reason') }} loading={cancel.isPending} error={cancel.error} onClose={close}
//       onConfirm={(reason) => cancel.mutate({ id, reason: reason || null }, { onSuccess: close })} />
//   )}
// The reason reaches onConfirm trimmed ('' when none was given); a required one is asked for
// before onConfirm runs. The failed action's error shows translated above the buttons.
import { Alert, Button, Group, Modal, Stack, Text, Textarea, type MantineColor } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { translateError } from './errors';
import { useUntilEdited } from './staleMessage';

export interface ReasonField {
  label: string;
  placeholder?: string;
  description?: string;
  /** Confirming with an empty field shows `missing` instead of running the action. */
  required?: boolean;
  missing?: string;
  minRows?: number;
}

interface Props {
  title: string;
  /** What confirming does, in one sentence. */
  text: ReactNode;
  /** More to read before deciding (the order's contents, what happens next). */
  children?: ReactNode;
  confirmLabel: string;
  /** Names what is kept ("Keep order"); plain Cancel when absent. */
  cancelLabel?: string;
  /** Red for what undoes or discards; the theme's colour when absent. */
  color?: MantineColor;
  /** Asks for a reason or note to record with the action. */
  reason?: ReasonField;
  loading?: boolean;
  error?: unknown;
  /** For a modal kept mounted and toggled; rendered only while needed, it is open. */
  opened?: boolean;
  onConfirm: (reason: string) => void;
  onClose: () => void;
}

export function ConfirmModal({ title, text, children, confirmLabel, cancelLabel, color, reason, loading, error, opened = true, onConfirm, onClose }: Props) {
  const { t } = useTranslation('common');
  const [value, setValue] = useState('');
  const [missing, setMissing] = useState(false);
  // The failed action's error is about the reason as it was typed: editing it clears the error.
  const shownError = useUntilEdited(error, [value]);
  const confirm = () => {
    const given = value.trim();
    if (reason?.required && !given) setMissing(true);
    else onConfirm(given);
  };
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <Stack>
        <Text size="sm">{text}</Text>
        {children}
        {reason && (
          <Textarea
            label={reason.label}
            placeholder={reason.placeholder}
            description={reason.description}
            required={reason.required}
            autosize
            minRows={reason.minRows ?? 2}
            value={value}
            onChange={(e) => {
              setValue(e.currentTarget.value);
              setMissing(false);
            }}
            error={missing ? reason.missing : undefined}
            data-autofocus
          />
        )}
        {Boolean(shownError) && (
          <Alert color="red" role="alert">
            {translateError(shownError)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {cancelLabel ?? t('actions.cancel')}
          </Button>
          <Button color={color} loading={loading} onClick={confirm}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
