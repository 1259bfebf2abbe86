// One step of an RMA's path, with what that step asks for: a credit when authorizing, where the unit goes
// when it comes in, tracking when it travels, the replacement's serial and the vendor's fee, a reason to
// reject or cancel.
import { Alert, Checkbox, Modal, SegmentedControl, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rma } from '@shared/contract/rma';
import { DayInput } from '@renderer/lib/DayInput';
import { translateError } from '@renderer/lib/errors';
import { FormFooter } from '@renderer/lib/FormFooter';
import { MoneyInput } from '@renderer/lib/MoneyInput';
import { notify } from '@renderer/lib/notify';
import { LocationSelect } from '@renderer/lib/pickers/LocationSelect';
import { useTakenSerials } from '@renderer/lib/pickers/useTakenSerials';
import { useApiMutation } from '@renderer/lib/query';
import { useCan } from '@renderer/lib/session';
import { useUntilEdited } from '@renderer/lib/staleMessage';
import { useFormat } from '@renderer/lib/useFormat';

export const rmaSteps = ['authorize', 'reject', 'receive', 'sendToVendor', 'backFromVendor', 'receiveReplacement', 'deliver', 'close', 'cancel'] as const;
export type RmaStep = (typeof rmaSteps)[number];

const quiet = { silentError: true } as const;

export function RmaStepModal({ rma, step, onClose }: { rma: Rma; step: RmaStep; onClose: () => void }) {
  const { t } = useTranslation(['sales', 'common']);
  const f = useFormat();
  const canPrice = useCan('sales.manage');
  const mutations = {
    authorize: useApiMutation('rma.authorize', quiet),
    reject: useApiMutation('rma.reject', quiet),
    receive: useApiMutation('rma.receive', quiet),
    sendToVendor: useApiMutation('rma.sendToVendor', quiet),
    backFromVendor: useApiMutation('rma.backFromVendor', quiet),
    receiveReplacement: useApiMutation('rma.receiveReplacement', quiet),
    deliver: useApiMutation('rma.deliver', quiet),
    close: useApiMutation('rma.close', quiet),
    cancel: useApiMutation('rma.cancel', quiet),
  };
  const mutation = mutations[step];
  const [creditAmount, setCreditAmount] = useState<number | null>(null);
  const [text, setText] = useState('');
  const [locationId, setLocationId] = useState<number | null>(rma.locationId);
  const [tracking, setTracking] = useState('');
  const [vendorRmaNumber, setVendorRmaNumber] = useState(rma.vendorRmaNumber ?? '');
  const [expected, setExpected] = useState<string | null>(rma.expectedFromVendor);
  const [serial, setSerial] = useState('');
  const [fee, setFee] = useState<number | null>(null);
  const [credited, setCredited] = useState(false);
  const [method, setMethod] = useState<'deliver' | 'ship'>('deliver');
  const [carrier, setCarrier] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  const error = useUntilEdited(mutation.error, [creditAmount, text, locationId, tracking, serial, fee, credited, method, carrier]);
  const takenSerial = useTakenSerials(step === 'receiveReplacement' ? rma.productId : 0, [serial]);
  const needsReason = step === 'reject' || step === 'cancel';

  const inputs: Record<RmaStep, () => Record<string, unknown>> = {
    authorize: () => ({ ...(canPrice && creditAmount !== null ? { creditAmount } : {}), note: text.trim() || null }),
    reject: () => ({ reason: text.trim() }),
    receive: () => (locationId === null ? {} : { locationId }),
    sendToVendor: () => ({ vendorRmaNumber: vendorRmaNumber.trim() || null, trackingNumber: tracking.trim() || null, expectedFromVendor: expected }),
    backFromVendor: () => ({ ...(locationId === null ? {} : { locationId }), trackingNumber: tracking.trim() || null }),
    receiveReplacement: () => ({ serial: serial.trim(), ...(locationId === null ? {} : { locationId }), ...(fee === null ? {} : { vendorFee: fee }), vendorCredited: credited, trackingNumber: tracking.trim() || null }),
    deliver: () => ({ method, carrier: carrier.trim() || null, trackingNumber: tracking.trim() || null, note: text.trim() || null }),
    close: () => ({ note: text.trim() || null }),
    cancel: () => ({ reason: text.trim() }),
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (needsReason && !text.trim()) {
      setMissing(t('common:validation.required'));
      return;
    }
    if (step === 'receiveReplacement' && !serial.trim()) {
      setMissing(t('common:validation.required'));
      return;
    }
    (mutation.mutate as (input: unknown, options: { onSuccess: () => void }) => void)(
      { id: rma.id, ...inputs[step]() },
      {
        onSuccess: () => {
          notify.success(`sales:rma.done.${step}`, { number: rma.number });
          onClose();
        },
      },
    );
  };

  const paid = rma.pricePaid === null ? '—' : f.money(rma.pricePaid);
  return (
    <Modal opened onClose={onClose} title={`${t(`rma.actions.${step}`)} · ${rma.number}`} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t(`rma.intro.${step}`, { container: rma.containerNumber ?? '—', paid })}</Text>
          {step === 'authorize' && canPrice && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <MoneyInput label={t('rma.fields.creditAmount')} placeholder={paid} value={creditAmount} onChange={setCreditAmount} data-autofocus />
            </SimpleGrid>
          )}
          {(step === 'receive' || step === 'backFromVendor' || step === 'receiveReplacement') && (
            <LocationSelect label={t('rma.fields.location')} value={locationId} onChange={setLocationId} clearable />
          )}
          {step === 'receiveReplacement' && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('rma.fields.serial')}
                required
                value={serial}
                error={missing ?? takenSerial}
                onChange={(e) => {
                  setSerial(e.currentTarget.value);
                  setMissing(null);
                }}
                data-autofocus
              />
              <MoneyInput label={t('rma.vendorFee')} value={fee} onChange={setFee} />
              <Checkbox label={t('rma.vendorCredited')} checked={credited} onChange={(e) => setCredited(e.currentTarget.checked)} mt="md" />
            </SimpleGrid>
          )}
          {step === 'sendToVendor' && (
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label={t('rma.vendorRma')} value={vendorRmaNumber} onChange={(e) => setVendorRmaNumber(e.currentTarget.value)} data-autofocus />
              <TextInput label={t('rma.fields.trackingNumber')} value={tracking} onChange={(e) => setTracking(e.currentTarget.value)} />
              <DayInput label={t('rma.expectedFromVendor')} value={expected} onChange={setExpected} />
            </SimpleGrid>
          )}
          {step === 'deliver' && (
            <>
              <SegmentedControl value={method} onChange={(v) => setMethod(v as 'deliver' | 'ship')} data={(['deliver', 'ship'] as const).map((m) => ({ value: m, label: t(`rma.methods.${m}`) }))} />
              {method === 'ship' && (
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput label={t('rma.fields.carrier')} value={carrier} onChange={(e) => setCarrier(e.currentTarget.value)} />
                  <TextInput label={t('rma.fields.trackingNumber')} value={tracking} onChange={(e) => setTracking(e.currentTarget.value)} />
                </SimpleGrid>
              )}
            </>
          )}
          {(step === 'backFromVendor' || step === 'receiveReplacement') && (
            <TextInput label={t('rma.fields.trackingNumber')} value={tracking} onChange={(e) => setTracking(e.currentTarget.value)} />
          )}
          {(needsReason || step === 'authorize' || step === 'deliver' || step === 'close') && (
            <Textarea
              label={needsReason ? t('rma.fields.reason') : step === 'authorize' ? t('rma.fields.creditNote') : t('rma.fields.note')}
              required={needsReason}
              error={needsReason ? missing : null}
              autosize
              minRows={2}
              value={text}
              onChange={(e) => {
                setText(e.currentTarget.value);
                setMissing(null);
              }}
              data-autofocus={needsReason || undefined}
            />
          )}
          {error ? <Alert color="red">{translateError(error)}</Alert> : null}
          <FormFooter onCancel={onClose} submitLabel={t(`rma.actions.${step}`)} loading={mutation.isPending} color={step === 'reject' || step === 'cancel' ? 'red' : undefined} />
        </Stack>
      </form>
    </Modal>
  );
}
