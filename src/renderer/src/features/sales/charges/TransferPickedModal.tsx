import { Alert, Modal, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChargeDetail } from '@shared/contract/sales';
import { translateError } from '@renderer/lib/errors';
import { FormFooter } from '@renderer/lib/FormFooter';
import { notify } from '@renderer/lib/notify';
import { LocationSelect } from '@renderer/lib/pickers/LocationSelect';
import { useUntilEdited } from '@renderer/lib/staleMessage';
import { useTransferPicked } from '../api';

/** Moves a charge's picked units to another location (a technician's van); they stay picked for the charge. */
export function TransferPickedModal({ charge, onClose }: { charge: ChargeDetail; onClose: () => void }) {
  const { t } = useTranslation(['sales', 'common']);
  const transfer = useTransferPicked();
  const sources = [...new Map(charge.picks.map((p) => [p.locationId, p.locationName])).entries()];
  const [fromId, setFromId] = useState<number | null>(sources[0]?.[0] ?? null);
  const [toId, setToId] = useState<number | null>(null);
  const here = charge.picks.filter((p) => p.locationId === fromId);
  const pickedHere = here.reduce((n, p) => n + p.qty, 0);
  const [qty, setQty] = useState<number | string>(pickedHere);
  const [serials, setSerials] = useState<string[]>([]);
  const error = useUntilEdited(transfer.error, [fromId, toId, qty, serials]);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (fromId === null || toId === null) return;
    const choice = charge.serialized ? (serials.length ? { serials } : {}) : { qty: typeof qty === 'number' ? qty : undefined };
    transfer.mutate(
      { chargeId: charge.id, fromLocationId: fromId, toLocationId: toId, ...choice },
      {
        onSuccess: (doc) => {
          notify.success('sales:transferForm.done', { transfer: doc.number, number: charge.number });
          onClose();
        },
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('transferForm.title', { number: charge.number })} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('transferForm.intro')}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('transferForm.from')}
              withAsterisk
              data={sources.map(([id, name]) => ({ value: String(id), label: name }))}
              value={fromId === null ? null : String(fromId)}
              onChange={(v) => {
                const next = v ? Number(v) : null;
                setFromId(next);
                setSerials([]);
                setQty(charge.picks.filter((p) => p.locationId === next).reduce((n, p) => n + p.qty, 0));
              }}
              allowDeselect={false}
            />
            <LocationSelect label={t('transferForm.to')} withAsterisk value={toId} onChange={setToId} exclude={fromId === null ? [] : [fromId]} data-autofocus />
          </SimpleGrid>
          {charge.serialized ? (
            <MultiSelect label={t('transferForm.serials')} data={here.flatMap((p) => (p.serialNumber ? [p.serialNumber] : []))} value={serials} onChange={setSerials} searchable clearable />
          ) : (
            <NumberInput label={t('transferForm.quantity')} withAsterisk min={1} max={pickedHere} allowDecimal={false} allowNegative={false} value={qty} onChange={setQty} />
          )}
          {error ? <Alert color="red">{translateError(error)}</Alert> : null}
          <FormFooter onCancel={onClose} submitLabel={t('charge.transfer')} loading={transfer.isPending} disabled={fromId === null || toId === null} />
        </Stack>
      </form>
    </Modal>
  );
}
