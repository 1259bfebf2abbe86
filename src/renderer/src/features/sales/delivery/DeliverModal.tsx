import { Alert, Modal, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenDeliveryLine } from '@shared/contract/sales';
import { DayInput } from '@renderer/lib/DayInput';
import { translateError } from '@renderer/lib/errors';
import { FormFooter } from '@renderer/lib/FormFooter';
import { MoneyInput } from '@renderer/lib/MoneyInput';
import { notify } from '@renderer/lib/notify';
import { useUntilEdited } from '@renderer/lib/staleMessage';
import { useFormat } from '@renderer/lib/useFormat';
import { useDeliver } from '../api';

/** The units of the marked lines leave for their client: delivered in person, or shipped with carrier and tracking. */
export function DeliverModal({ lines, method, onClose, onDone }: { lines: OpenDeliveryLine[]; method: 'deliver' | 'ship'; onClose: () => void; onDone: (id: number) => void }) {
  const { t } = useTranslation(['sales', 'common']);
  const f = useFormat();
  const deliver = useDeliver();
  const client = lines[0]?.companyName ?? '';
  const units = lines.reduce((n, l) => n + l.qty, 0);
  const [carrier, setCarrier] = useState('');
  const [tracking, setTracking] = useState('');
  const [shipDate, setShipDate] = useState<string | null>(null);
  const [shipToName, setShipToName] = useState('');
  const [shipToAddress, setShipToAddress] = useState('');
  const [freight, setFreight] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const error = useUntilEdited(deliver.error, [carrier, tracking, shipDate, shipToName, shipToAddress, freight, note]);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    deliver.mutate(
      {
        method,
        // A line of a product not tracked in stock delivers its quantity; the others what is picked at their location.
        lines: lines.map((l) => (l.locationId === null ? { chargeId: l.chargeId, qty: l.qty } : { chargeId: l.chargeId, locationId: l.locationId })),
        ...(method === 'ship'
          ? { carrier: carrier || null, trackingNumber: tracking || null, shipDate, shipToName: shipToName || null, shipToAddress: shipToAddress || null, freightPrice: freight ?? undefined }
          : {}),
        note: note || null,
      },
      {
        onSuccess: (doc) => {
          notify.success(method === 'ship' ? 'sales:deliverForm.shipped' : 'sales:deliverForm.delivered', { number: doc.number, client });
          onDone(doc.id);
        },
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={method === 'ship' ? t('deliverForm.shipTitle', { client }) : t('deliverForm.deliverTitle', { client })} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('deliverForm.intro', { count: lines.length, units: f.qty(units) })}</Text>
          {method === 'ship' && (
            <>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <TextInput label={t('deliverForm.carrier')} value={carrier} onChange={(e) => setCarrier(e.currentTarget.value)} data-autofocus />
                <TextInput label={t('deliverForm.tracking')} value={tracking} onChange={(e) => setTracking(e.currentTarget.value)} />
                <DayInput label={t('deliverForm.shipDate')} value={shipDate} onChange={setShipDate} />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label={t('deliverForm.shipToName')} description={t('deliverForm.shipToHint')} placeholder={client} value={shipToName} onChange={(e) => setShipToName(e.currentTarget.value)} />
                <MoneyInput label={t('deliverForm.freight')} description={t('deliverForm.freightHint')} value={freight} onChange={setFreight} />
              </SimpleGrid>
              <Textarea label={t('deliverForm.shipToAddress')} description={t('deliverForm.shipToHint')} autosize minRows={2} value={shipToAddress} onChange={(e) => setShipToAddress(e.currentTarget.value)} />
            </>
          )}
          <Textarea label={t('deliverForm.note')} autosize minRows={1} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          {error ? <Alert color="red">{translateError(error)}</Alert> : null}
          <FormFooter onCancel={onClose} submitLabel={method === 'ship' ? t('deliverForm.ship') : t('deliverForm.deliver')} loading={deliver.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
