import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  title: string;
  text: string;
  confirmLabel: string;
  /** Whether the office requires a reason for manual stock changes. */
  reasonRequired: boolean;
  loading: boolean;
  error: string | null;
  onConfirm: (reason: string) => void;
  onClose: () => void;
  color?: string;
}

/** A confirmation for actions that post stock moves (reverse, post a count), with the reason they record. */
export function ReasonConfirmModal({ title, text, confirmLabel, reasonRequired, loading, error, onConfirm, onClose, color = 'red' }: Props) {
  const { t } = useTranslation('stock');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <Modal opened onClose={onClose} title={title}>
      <Stack>
        <Text size="sm">{text}</Text>
        <Textarea
          label={t('common.reason')}
          required={reasonRequired}
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setMissing(false);
          }}
          error={missing ? t('common.reasonRequiredHint') : undefined}
        />
        {error && (
          <Text size="sm" c="red" role="alert">
            {error}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color={color}
            loading={loading}
            onClick={() => {
              if (reasonRequired && !reason.trim()) setMissing(true);
              else onConfirm(reason.trim());
            }}
          >
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
