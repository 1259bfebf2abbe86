import { Alert, Modal, NumberInput, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChargeDetail } from '@shared/contract/sales';
import { translateError } from '@renderer/lib/errors';
import { FormFooter } from '@renderer/lib/FormFooter';
import { notify } from '@renderer/lib/notify';
import { SerialPicker } from '@renderer/lib/pickers/SerialPicker';
import { useUntilEdited } from '@renderer/lib/staleMessage';
import { useFormat } from '@renderer/lib/useFormat';
import { usePick } from '../api';

/** Picks units for a charge at one location: a quantity (oldest first) or the serials chosen or scanned. */
export function PickModal({ charge, onClose }: { charge: ChargeDetail; onClose: () => void }) {
  const { t } = useTranslation(['sales', 'common']);
  const f = useFormat();
  const pick = usePick();
  const places = charge.availability;
  const [locationId, setLocationId] = useState<number | null>(places[0]?.locationId ?? null);
  const available = places.find((p) => p.locationId === locationId)?.available ?? 0;
  const most = Math.min(available, charge.needed);
  const [qty, setQty] = useState<number | string>(Math.max(1, most));
  const [serials, setSerials] = useState<string[]>([]);
  // A refusal is about what was asked: changing the location, quantity or serials clears it.
  const error = useUntilEdited(pick.error, [locationId, qty, serials]);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (locationId === null) return;
    const choice = charge.serialized ? { serials } : { qty: typeof qty === 'number' ? qty : undefined };
    pick.mutate(
      { chargeId: charge.id, locationId, ...choice },
      {
        onSuccess: () => {
          notify.success('sales:pickForm.picked', { count: charge.serialized ? serials.length : Number(qty), number: charge.number });
          onClose();
        },
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('pickForm.title', { number: charge.number })} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('pickForm.intro', { needed: f.qty(charge.needed) })}</Text>
          {places.length === 0 ? (
            <Alert color="orange">{t('pickForm.nowhere')}</Alert>
          ) : (
            <Select
              label={t('pickForm.location')}
              withAsterisk
              data={places.map((p) => ({ value: String(p.locationId), label: `${p.locationName} · ${t('pickForm.available', { count: p.available })}` }))}
              value={locationId === null ? null : String(locationId)}
              onChange={(v) => {
                setLocationId(v ? Number(v) : null);
                setSerials([]);
              }}
              allowDeselect={false}
              data-autofocus
            />
          )}
          {locationId !== null && charge.productId !== null && charge.serialized && (
            <SerialPicker productId={charge.productId} locationId={locationId} value={serials} onChange={setSerials} label={t('pickForm.serials')} />
          )}
          {locationId !== null && !charge.serialized && (
            <NumberInput label={t('pickForm.quantity')} withAsterisk min={1} max={most} allowDecimal={false} allowNegative={false} value={qty} onChange={setQty} />
          )}
          {error ? <Alert color="red">{translateError(error)}</Alert> : null}
          <FormFooter onCancel={onClose} submitLabel={t('charge.pick')} loading={pick.isPending} disabled={locationId === null || (charge.serialized && serials.length === 0)} />
        </Stack>
      </form>
    </Modal>
  );
}
