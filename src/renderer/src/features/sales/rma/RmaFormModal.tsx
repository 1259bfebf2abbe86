// Opens an RMA for a client's device (its type, the fault, the vendor, when the client should send it), or
// edits an open one (also the vendor's RMA number, tracking both ways and when the vendor should send it back).
import { Alert, Modal, SegmentedControl, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { rmaTypes, type Rma, type RmaType } from '@shared/contract/rma';
import { DayInput } from '@renderer/lib/DayInput';
import { translateError } from '@renderer/lib/errors';
import { FormFooter } from '@renderer/lib/FormFooter';
import { notify } from '@renderer/lib/notify';
import { CompanySelect } from '@renderer/lib/pickers/CompanySelect';
import { useUntilEdited } from '@renderer/lib/staleMessage';
import { useCreateRma, useUpdateRma } from '../api';

type Props = { rma: Rma; device?: never; onClose: () => void } | { rma?: never; device: { id: number; serialNumber: string; vendorName?: string | null }; onClose: () => void };

export function RmaFormModal({ rma, device, onClose }: Props) {
  const { t } = useTranslation(['sales', 'common']);
  const navigate = useNavigate();
  const create = useCreateRma();
  const update = useUpdateRma();
  const [type, setType] = useState<RmaType>(rma?.type ?? 'replace');
  const [fault, setFault] = useState(rma?.fault ?? '');
  const [vendorId, setVendorId] = useState<number | null>(rma?.vendorId ?? null);
  const [vendorRmaNumber, setVendorRmaNumber] = useState(rma?.vendorRmaNumber ?? '');
  const [toVendor, setToVendor] = useState(rma?.trackingToVendor ?? '');
  const [fromVendor, setFromVendor] = useState(rma?.trackingFromVendor ?? '');
  const [fromClient, setFromClient] = useState<string | null>(rma?.expectedFromClient ?? null);
  const [fromVendorDay, setFromVendorDay] = useState<string | null>(rma?.expectedFromVendor ?? null);
  const [note, setNote] = useState(rma?.note ?? '');
  const [missing, setMissing] = useState<string | null>(null);
  const mutation = rma ? update : create;
  const error = useUntilEdited(mutation.error, [type, fault, vendorId, vendorRmaNumber, toVendor, fromVendor, fromClient, fromVendorDay, note]);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!fault.trim()) {
      setMissing(t('common:validation.required'));
      return;
    }
    if (rma) {
      update.mutate(
        {
          id: rma.id,
          fault: fault.trim(),
          vendorId,
          vendorRmaNumber: vendorRmaNumber.trim() || null,
          trackingToVendor: toVendor.trim() || null,
          trackingFromVendor: fromVendor.trim() || null,
          expectedFromClient: fromClient,
          expectedFromVendor: fromVendorDay,
          note: note.trim() || null,
        },
        {
          onSuccess: () => {
            notify.success('sales:rma.saved', { number: rma.number });
            onClose();
          },
        },
      );
      return;
    }
    create.mutate(
      { deviceId: device.id, type, fault: fault.trim(), vendorId, expectedFromClient: fromClient, note: note.trim() || null },
      {
        onSuccess: (doc) => {
          notify.success('sales:rma.opened', { number: doc.number });
          void navigate(`/sales/rma/${doc.id}`);
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={rma ? t('rma.editTitle', { number: rma.number }) : t('rma.openTitle', { serial: device.serialNumber })} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {!rma && <Text size="sm">{t('rma.openIntro')}</Text>}
          {!rma && (
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('rma.type')}
              </Text>
              <SegmentedControl value={type} onChange={(v) => setType(v as RmaType)} data={rmaTypes.map((v) => ({ value: v, label: t(`rma.types.${v}`) }))} data-testid="rma-type" />
            </Stack>
          )}
          <Textarea
            label={t('rma.fault')}
            required
            autosize
            minRows={2}
            value={fault}
            error={missing}
            onChange={(e) => {
              setFault(e.currentTarget.value);
              setMissing(null);
            }}
            data-autofocus
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <CompanySelect role="vendor" label={t('rma.vendor')} clearable value={vendorId} selectedName={rma?.vendorName ?? device?.vendorName ?? null} onChange={setVendorId} />
            <DayInput label={t('rma.expectedFromClient')} value={fromClient} onChange={setFromClient} />
          </SimpleGrid>
          {rma && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('rma.vendorRma')} value={vendorRmaNumber} onChange={(e) => setVendorRmaNumber(e.currentTarget.value)} />
              <DayInput label={t('rma.expectedFromVendor')} value={fromVendorDay} onChange={setFromVendorDay} />
              <TextInput label={t('rma.trackingToVendor')} value={toVendor} onChange={(e) => setToVendor(e.currentTarget.value)} />
              <TextInput label={t('rma.trackingFromVendor')} value={fromVendor} onChange={(e) => setFromVendor(e.currentTarget.value)} />
            </SimpleGrid>
          )}
          <Textarea label={t('rma.note')} autosize minRows={1} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          {error ? <Alert color="red">{translateError(error)}</Alert> : null}
          <FormFooter onCancel={onClose} submitLabel={rma ? t('common:actions.saveChanges') : t('rma.open')} loading={mutation.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
