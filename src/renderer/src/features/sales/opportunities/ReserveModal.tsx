import { Alert, Modal, NumberInput, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpportunityDetail } from '@shared/contract/sales';
import { translateError } from '@renderer/lib/errors';
import { FormFooter } from '@renderer/lib/FormFooter';
import { notify } from '@renderer/lib/notify';
import { SerialPicker } from '@renderer/lib/pickers/SerialPicker';
import { useApiQuery } from '@renderer/lib/query';
import { useUntilEdited } from '@renderer/lib/staleMessage';
import { useFormat } from '@renderer/lib/useFormat';
import { useReserve } from '../api';

type Item = OpportunityDetail['items'][number];

/** Reserves units for a quote item at one location: a quantity (oldest first) or the serials chosen or scanned. */
export function ReserveModal({ opportunity, item, onClose }: { opportunity: Pick<OpportunityDetail, 'number'>; item: Item; onClose: () => void }) {
  const { t } = useTranslation(['sales', 'common']);
  const f = useFormat();
  const reserve = useReserve();
  // Where the product is available, most first.
  const stocked = useApiQuery(['stock'], 'stock.listInventoryProducts', { productId: item.productId, pageSize: 100, sortBy: 'available', sortDirection: 'desc' });
  const places = (stocked.data?.rows ?? []).filter((r) => r.available > 0);
  const [chosen, setChosen] = useState<number | null>(null);
  const locationId = chosen ?? places[0]?.locationId ?? null;
  const available = places.find((p) => p.locationId === locationId)?.available ?? 0;
  const needed = item.quantity - item.reserved;
  const most = Math.min(available, needed);
  const [qty, setQty] = useState<number | string>('');
  const [serials, setSerials] = useState<string[]>([]);
  const error = useUntilEdited(reserve.error, [locationId, qty, serials]);
  const amount = qty === '' ? Math.max(1, most) : qty;
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (locationId === null) return;
    const choice = item.serialized ? { serials } : { qty: typeof amount === 'number' ? amount : undefined };
    reserve.mutate(
      { quoteItemId: item.id, locationId, ...choice },
      {
        onSuccess: () => {
          notify.success('sales:reserveForm.reserved', { count: item.serialized ? serials.length : Number(amount), number: opportunity.number });
          onClose();
        },
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('reserveForm.title', { line: item.lineNo, sku: item.sku })} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('reserveForm.intro', { needed: f.qty(needed) })}</Text>
          {stocked.isSuccess && places.length === 0 ? (
            <Alert color="orange">{t('reserveForm.nowhere')}</Alert>
          ) : (
            <Select
              label={t('reserveForm.location')}
              withAsterisk
              data={places.map((p) => ({ value: String(p.locationId), label: `${p.locationName} · ${t('pickForm.available', { count: p.available })}` }))}
              value={locationId === null ? null : String(locationId)}
              onChange={(v) => {
                setChosen(v ? Number(v) : null);
                setSerials([]);
              }}
              allowDeselect={false}
              data-autofocus
            />
          )}
          {locationId !== null && item.serialized && <SerialPicker productId={item.productId} locationId={locationId} value={serials} onChange={setSerials} label={t('pickForm.serials')} />}
          {locationId !== null && !item.serialized && (
            <NumberInput label={t('reserveForm.quantity')} withAsterisk min={1} max={most} allowDecimal={false} allowNegative={false} value={amount} onChange={setQty} />
          )}
          {error ? <Alert color="red">{translateError(error)}</Alert> : null}
          <FormFooter onCancel={onClose} submitLabel={t('opportunity.reserve')} loading={reserve.isPending} disabled={locationId === null || (item.serialized && serials.length === 0)} />
        </Stack>
      </form>
    </Modal>
  );
}
