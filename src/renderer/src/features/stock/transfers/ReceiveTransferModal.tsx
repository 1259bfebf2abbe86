// Receiving a shipment as it is unpacked: a quantity per line of plain units, and the serial numbers scanned
// as the boxes are opened, each checked at once against what is on its way. Only what is entered is
// received; the rest stays in transit for a later receipt. *Everything arrived* fills in every line.
import { Alert, Badge, Button, Group, Modal, NumberInput, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '@shared/contract';
import { serialKey } from '@shared/serials';
import { translateError } from '@renderer/lib/errors';
import { FormFooter } from '@renderer/lib/FormFooter';
import { notify } from '@renderer/lib/notify';
import { ScanInput } from '@renderer/lib/pickers/ScanInput';
import { useUntilEdited } from '@renderer/lib/staleMessage';
import { useFormat } from '@renderer/lib/useFormat';
import { useReceiveTransfer } from '../api';
import { ProductCell } from '@renderer/lib/ProductCell';

type Transfer = ChannelOutput<'stock.getTransfer'>;

export function ReceiveTransferModal({ transfer, onClose }: { transfer: Transfer; onClose: () => void }) {
  const { t } = useTranslation('stock');
  const f = useFormat();
  const receive = useReceiveTransfer();
  const open = transfer.lines.filter((l) => l.inTransit > 0);
  const [counts, setCounts] = useState<Record<number, number | string>>({});
  const [scanned, setScanned] = useState<Record<number, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [nothing, setNothing] = useState(false);
  const error = useUntilEdited(receive.error, [counts, scanned]);
  const expected = open.filter((l) => l.serialized).reduce((n, l) => n + l.inTransit, 0);
  const scannedCount = Object.values(scanned).reduce((n, s) => n + s.length, 0);

  const scan = (serial: string): boolean => {
    setNothing(false);
    const key = serialKey(serial);
    for (const l of open) {
      const unit = l.serials.find((s) => s.inTransit && serialKey(s.serial) === key);
      if (!unit) continue;
      if ((scanned[l.line] ?? []).some((s) => serialKey(s) === key)) {
        setMessage(null);
        return true;
      }
      setScanned((all) => ({ ...all, [l.line]: [...(all[l.line] ?? []), unit.serial] }));
      setMessage(null);
      return true;
    }
    setMessage(t('transfers.notOnTransfer', { serial }));
    return false;
  };

  const everything = () => {
    setNothing(false);
    setCounts(Object.fromEntries(open.filter((l) => !l.serialized).map((l) => [l.line, l.inTransit])));
    setScanned(Object.fromEntries(open.filter((l) => l.serialized).map((l) => [l.line, l.serials.filter((s) => s.inTransit).map((s) => s.serial)])));
  };

  type Arrived = { line: number; serials: string[] } | { line: number; qty: number };
  const lines = open
    .map((l): Arrived => (l.serialized ? { line: l.line, serials: scanned[l.line] ?? [] } : { line: l.line, qty: Number(counts[l.line] ?? 0) || 0 }))
    .filter((l) => ('serials' in l ? l.serials.length > 0 : l.qty > 0));
  const units = lines.reduce((n, l) => n + ('serials' in l ? l.serials.length : l.qty), 0);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (lines.length === 0) {
      setNothing(true);
      return;
    }
    receive.mutate(
      { id: transfer.id, lines },
      {
        onSuccess: (doc) => {
          const all = units === open.reduce((n, l) => n + l.inTransit, 0);
          if (all) notify.success('stock:transfers.received', { number: doc.number });
          else notify.success('stock:transfers.receivedPart', { number: doc.number, count: units });
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} size="xl" title={t('transfers.receiveTitle', { number: transfer.number, location: transfer.toLocationName })}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('transfers.receiveText')}
          </Text>
          {expected > 0 && (
            <Stack gap="xs">
              <ScanInput label={t('transfers.receiveScan')} buttonLabel={t('transfers.receiveScanAdd')} onScan={scan} message={message} testId="receive-transfer-scan" />
              <Text size="sm" data-testid="receive-transfer-scanned">
                {t('transfers.scanned', { count: scannedCount, total: expected })}
              </Text>
            </Stack>
          )}
          <Table withTableBorder data-testid="receive-transfer-lines">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('transfers.product')}</Table.Th>
                <Table.Th ta="right">{t('transfers.onTheWay')}</Table.Th>
                <Table.Th ta="right">{t('transfers.arrived')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {open.map((l) => (
                <Table.Tr key={l.line}>
                  <Table.Td>
                    <ProductCell sku={l.sku} name={l.productName} />
                    {l.serialized && (
                      <Group gap={4} mt={4}>
                        {l.serials
                          .filter((s) => s.inTransit)
                          .map((s) => {
                            const ok = (scanned[l.line] ?? []).includes(s.serial);
                            return (
                              <Badge key={s.serial} size="sm" variant={ok ? 'filled' : 'outline'} color={ok ? 'teal' : 'gray'} tt="none">
                                {s.serial}
                              </Badge>
                            );
                          })}
                      </Group>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{f.qty(l.inTransit)}</Table.Td>
                  <Table.Td ta="right" w={130}>
                    {l.serialized ? (
                      f.qty((scanned[l.line] ?? []).length)
                    ) : (
                      <NumberInput
                        aria-label={`${t('transfers.arrived')} · ${l.sku}`}
                        size="xs"
                        min={0}
                        max={l.inTransit}
                        allowDecimal={false}
                        allowNegative={false}
                        value={counts[l.line] ?? 0}
                        onChange={(v) => {
                          setNothing(false);
                          setCounts((c) => ({ ...c, [l.line]: v }));
                        }}
                      />
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group>
            <Button variant="default" onClick={everything}>
              {t('transfers.receiveAll')}
            </Button>
          </Group>
          {nothing && <Alert color="orange">{t('transfers.receiveNothing')}</Alert>}
          {error ? <Alert color="red">{translateError(error)}</Alert> : null}
          <FormFooter onCancel={onClose} submitLabel={t('transfers.receiveSubmit', { count: units })} loading={receive.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
