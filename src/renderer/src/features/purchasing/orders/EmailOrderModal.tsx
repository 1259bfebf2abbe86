import { Alert, Button, Group, Modal, SegmentedControl, Input, Stack, Textarea, TextInput, Text } from '@mantine/core';
import { IconMail, IconPaperclip } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import i18next from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { purchasingContract, type PurchaseOrder } from '@shared/contract/purchasing';
import { translateError } from '@renderer/lib/errors';
import { notify } from '@renderer/lib/notify';
import { useSettings } from '@renderer/lib/useFormat';
import { useZodForm } from '@renderer/lib/useZodForm';
import { useEmailOrder } from '../api';

type Locale = 'es' | 'en';
type Values = { to: string; cc: string; subject: string; message: string; locale: Locale };

/** Addresses typed in one box, separated by commas, semicolons or spaces. */
const addresses = (text: string) => text.split(/[\s,;]+/).filter(Boolean);

/** The subject and message a vendor reads, in the document's language (not necessarily the user's). */
function template(locale: Locale, order: PurchaseOrder, company: string) {
  const t = i18next.getFixedT(locale, 'purchasing');
  return {
    subject: t('email.subjectTemplate', { number: order.number, company }),
    message: t('email.messageTemplate', { number: order.number, vendor: order.vendorName, company }),
  };
}

/** Sends the purchase order PDF to the vendor through the office SMTP server; every attempt goes in the history. */
export function EmailOrderModal({ order, onClose }: { order: PurchaseOrder; onClose: () => void }) {
  const { t, i18n } = useTranslation(['purchasing', 'common']);
  const settings = useSettings();
  const queryClient = useQueryClient();
  const send = useEmailOrder();
  const [failure, setFailure] = useState<string | null>(null);
  const company = settings.data?.companyName ?? '';
  const initialLocale: Locale = i18n.language === 'es' ? 'es' : 'en';
  const form = useZodForm(
    purchasingContract['purchasing.emailOrder'].input,
    { to: order.vendorEmail ?? '', cc: '', ...template(initialLocale, order, company), locale: initialLocale } as Values,
    { toInput: (v) => ({ id: order.id, ...v, to: addresses(v.to), cc: addresses(v.cc) }) },
  );
  // The company name arrives with the settings; fill it into the untouched template.
  const [companySeen, setCompanySeen] = useState(company);
  if (company !== companySeen) {
    const before = template(form.values.locale, order, companySeen);
    const after = template(form.values.locale, order, company);
    setCompanySeen(company);
    if (form.values.subject === before.subject) form.setFieldValue('subject', after.subject);
    if (form.values.message === before.message) form.setFieldValue('message', after.message);
  }

  const changeLocale = (locale: Locale) => {
    const before = template(form.values.locale, order, company);
    const after = template(locale, order, company);
    form.setFieldValue('locale', locale);
    // Text the user has not changed follows the document language; their own words stay.
    if (form.values.subject === before.subject) form.setFieldValue('subject', after.subject);
    if (form.values.message === before.message) form.setFieldValue('message', after.message);
  };

  /** The first error of a list field (to.0, to.1…) on the box the addresses were typed in. */
  const listError = (name: 'to' | 'cc') => {
    const own = form.errors[name];
    if (own) return name === 'to' && addresses(form.values.to).length === 0 ? t('email.toRequired') : own;
    return Object.entries(form.errors).find(([key]) => key.startsWith(`${name}.`))?.[1];
  };

  const submit = form.onSubmit((input) => {
    setFailure(null);
    send.mutate(input, {
      onSuccess: (sent) => {
        notify.success('purchasing:email.sent', { number: order.number, to: sent.accepted.join(', ') || input.to.join(', ') });
        onClose();
      },
      onError: (err) => {
        setFailure(translateError(err));
        // The failed attempt is in the history now.
        void queryClient.invalidateQueries({ queryKey: ['purchasing', 'purchasing.history'] });
      },
    });
  });

  return (
    <Modal opened onClose={onClose} title={t('email.title', { number: order.number })} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('email.to')} description={t('email.addressesHint')} withAsterisk {...form.getInputProps('to')} error={listError('to')} data-autofocus />
          <TextInput label={t('email.cc')} {...form.getInputProps('cc')} error={listError('cc')} />
          <Input.Wrapper label={t('email.language')} description={t('email.languageHint')}>
            <SegmentedControl
              mt={4}
              data-testid="email-language"
              aria-label={t('email.language')}
              value={form.values.locale}
              onChange={(v) => changeLocale(v as Locale)}
              data={[
                { value: 'es', label: t('email.languages.es') },
                { value: 'en', label: t('email.languages.en') },
              ]}
            />
          </Input.Wrapper>
          <TextInput label={t('email.subject')} withAsterisk {...form.getInputProps('subject')} />
          <Textarea label={t('email.message')} autosize minRows={6} maxRows={14} {...form.getInputProps('message')} />
          <Group gap={6} c="dimmed">
            <IconPaperclip size={16} />
            <Text size="sm">{t('email.attachment', { filename: `${order.number.replace(/[^\w.-]+/g, '_')}.pdf` })}</Text>
          </Group>
          {failure && (
            <Alert color="red" role="alert" title={t('email.failedTitle')}>
              {failure}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" leftSection={<IconMail size={16} />} loading={send.isPending}>
              {t('email.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
