import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PoSummary } from '../../../../../shared/contract/purchasing';
import { translateError } from '../../../lib/errors';
import { notify } from '../../../lib/notify';
import { useFormat } from '../../../lib/useFormat';
import { useApprove, useReject } from '../api';

export type Decision = 'approve' | 'reject';

/** An approver's answer to a purchase order waiting for approval; a rejection must say why. */
export function DecisionModal({ order, decision, onClose }: { order: PoSummary; decision: Decision; onClose: () => void }) {
  const { t } = useTranslation('purchasing');
  const f = useFormat();
  const approve = useApprove();
  const reject = useReject();
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const mutation = decision === 'approve' ? approve : reject;
  const done = (o: PoSummary) => {
    notify.success(decision === 'approve' ? 'purchasing:decision.approved' : 'purchasing:decision.rejected', { number: o.number });
    onClose();
  };
  const confirm = () => {
    const text = note.trim();
    if (decision === 'reject') {
      if (!text) return setMissing(true);
      reject.mutate({ id: order.id, note: text }, { onSuccess: done });
    } else approve.mutate({ id: order.id, note: text || null }, { onSuccess: done });
  };
  return (
    <Modal opened onClose={onClose} title={t(`decision.${decision}Title`, { number: order.number })}>
      <Stack>
        <Text size="sm">
          {t('decision.summary', { vendor: order.vendorName, lines: order.lineCount })}
          {order.total !== null && ` · ${f.money(order.total)}`}
        </Text>
        <Textarea
          label={decision === 'approve' ? t('decision.noteOptional') : t('decision.noteRequired')}
          description={decision === 'reject' ? t('decision.rejectHint') : undefined}
          required={decision === 'reject'}
          autosize
          minRows={3}
          value={note}
          data-autofocus
          onChange={(e) => {
            setNote(e.currentTarget.value);
            setMissing(false);
          }}
          error={missing ? t('decision.noteMissing') : undefined}
        />
        {mutation.error && (
          <Alert color="red" role="alert">
            {translateError(mutation.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color={decision === 'approve' ? 'teal' : 'red'} loading={mutation.isPending} onClick={confirm}>
            {t(`decision.${decision}`)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
