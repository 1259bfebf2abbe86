// Sends an RMA's return authorization (PDF) to the client or to the vendor through the office SMTP server;
// the attempt goes in the RMA's history whether it was sent or not.
import { Alert, Group, Input, Modal, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rma } from '@shared/contract/rma';
import { translateError } from '@renderer/lib/errors';
import { FormFooter } from '@renderer/lib/FormFooter';
import { notify } from '@renderer/lib/notify';
import { useApiMutation } from '@renderer/lib/query';
import { useUntilEdited } from '@renderer/lib/staleMessage';

type Audience = 'client' | 'vendor';
/** Addresses typed in one box, separated by commas, semicolons or spaces. */
const addresses = (text: string) => text.split(/[\s,;]+/).filter(Boolean);

export function RmaEmailModal({ rma, onClose }: { rma: Rma; onClose: () => void }) {
  const { t, i18n } = useTranslation(['sales', 'common']);
  const send = useApiMutation('rma.email', { silentError: true });
  const [audience, setAudience] = useState<Audience>(rma.vendorId !== null && rma.status === 'received' ? 'vendor' : 'client');
  const [to, setTo] = useState('');
  const [subject, setSubject] = useState(t('rma.email.subject', { number: rma.number }));
  const [message, setMessage] = useState(t(`rma.email.message.${audience}`, { number: rma.number, serial: rma.serialNumber }));
  const [missing, setMissing] = useState<string | null>(null);
  const error = useUntilEdited(send.error, [audience, to, subject, message]);

  const changeAudience = (next: Audience) => {
    // Words the user has not changed follow the reader; their own stay.
    if (message === t(`rma.email.message.${audience}`, { number: rma.number, serial: rma.serialNumber })) setMessage(t(`rma.email.message.${next}`, { number: rma.number, serial: rma.serialNumber }));
    setAudience(next);
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (addresses(to).length === 0) {
      setMissing(t('common:validation.required'));
      return;
    }
    send.mutate(
      { id: rma.id, audience, to: addresses(to), subject, message, locale: i18n.language === 'es' ? 'es' : 'en' },
      {
        onSuccess: (sent) => {
          notify.success('sales:rma.email.sent', { number: rma.number, to: sent.accepted.join(', ') });
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t('rma.email.title', { number: rma.number })} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Input.Wrapper label={t('rma.email.audience')}>
            <SegmentedControl
              mt={4}
              value={audience}
              onChange={(v) => changeAudience(v as Audience)}
              data={[
                { value: 'client', label: t('rma.email.toClient') },
                { value: 'vendor', label: t('rma.email.toVendor'), disabled: rma.vendorId === null },
              ]}
            />
          </Input.Wrapper>
          <TextInput
            label={t('rma.email.to')}
            required
            value={to}
            error={missing}
            onChange={(e) => {
              setTo(e.currentTarget.value);
              setMissing(null);
            }}
            data-autofocus
          />
          <TextInput label={t('rma.email.subjectLabel')} required value={subject} onChange={(e) => setSubject(e.currentTarget.value)} />
          <Textarea label={t('rma.email.messageLabel')} autosize minRows={5} value={message} onChange={(e) => setMessage(e.currentTarget.value)} />
          <Group gap={6} c="dimmed">
            <IconPaperclip size={16} />
            <Text size="sm">{`${rma.number.replace(/[^\w.-]+/g, '_')}.pdf`}</Text>
          </Group>
          {error ? <Alert color="red">{translateError(error)}</Alert> : null}
          <FormFooter onCancel={onClose} submitLabel={t('rma.email.send')} loading={send.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
