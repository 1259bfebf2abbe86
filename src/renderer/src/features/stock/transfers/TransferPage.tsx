// One transfer (TRF-n): from where to where, directly or shipped, who sent it and when, its lines with their
// serial numbers (and what of a shipment is still on its way), and its history. A shipment is received here,
// all at once or in parts; a transfer is reversed — or a shipment canceled — here, with its lines listed in
// the confirmation. /stock/transfers/:id
import { Badge, Button, Group, List, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconArrowBackUp, IconPackageImport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Money, Qty } from '@renderer/lib/Amount';
import { BackLink } from '@renderer/lib/BackLink';
import { ConfirmModal } from '@renderer/lib/ConfirmModal';
import { dash, DetailField } from '@renderer/lib/DetailField';
import { documentState, useRouteId } from '@renderer/lib/DocumentState';
import { EventHistory } from '@renderer/lib/EventHistory';
import { notify } from '@renderer/lib/notify';
import { PageHeader } from '@renderer/lib/PageHeader';
import { useCan } from '@renderer/lib/session';
import { useFormat, useSettings } from '@renderer/lib/useFormat';
import { useReverse, useTransferDoc } from '../api';
import { StatusBadge } from '../common/StatusBadge';
import { ReceiveTransferModal } from './ReceiveTransferModal';
import { ProductCell } from '@renderer/lib/ProductCell';

export function TransferPage() {
  const { t } = useTranslation('stock');
  const f = useFormat();
  const settings = useSettings();
  const id = useRouteId();
  const doc = useTransferDoc(id);
  const canTransfer = useCan('stock.transfer');
  const canReverse = useCan('stock.adjust');
  const canSeeCosts = useCan('costs.view');
  const reverse = useReverse();
  const [receiving, setReceiving] = useState(false);
  const [undoing, setUndoing] = useState(false);
  const back = <BackLink to="/stock/transfers">{t('transfers.back')}</BackLink>;
  const waiting = documentState(id, doc, back, t('transfers.notFound'));
  if (waiting || !doc.data) return waiting;
  const tr = doc.data;
  const onItsWay = tr.status === 'inTransit' || tr.status === 'partlyReceived';
  const undoable = onItsWay || tr.status === 'done';
  return (
    <Stack gap="md">
      {back}
      <PageHeader
        title={t('transfers.docTitle', { number: tr.number })}
        description={
          <Group gap="xs" component="span">
            <StatusBadge prefix="transfers" status={tr.status} />
            <Text span size="sm" c="dimmed">
              {tr.fromLocationName} → {tr.toLocationName} · {f.dateTime(tr.createdAt)} · {tr.userName}
            </Text>
          </Group>
        }
        actions={
          <Group gap="xs">
            {onItsWay && canTransfer && (
              <Button leftSection={<IconPackageImport size={16} />} onClick={() => setReceiving(true)}>
                {t('transfers.receive')}
              </Button>
            )}
            {undoable && canReverse && (
              <Button variant="default" color="red" leftSection={<IconArrowBackUp size={16} />} onClick={() => setUndoing(true)}>
                {onItsWay ? t('transfers.cancelShipment') : t('transfers.reverse')}
              </Button>
            )}
          </Group>
        }
      />
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="lg">
          <DetailField label={t('transfers.from')}>{tr.fromLocationName}</DetailField>
          <DetailField label={t('transfers.to')}>{tr.toLocationName}</DetailField>
          <DetailField label={t('transfers.mode')}>{t(`transferForm.modes.${tr.mode}`)}</DetailField>
          <DetailField label={t('transfers.sentBy')}>{tr.userName}</DetailField>
          <DetailField label={t('transfers.sentAt')}>{f.dateTime(tr.createdAt)}</DetailField>
          <DetailField label={t('transfers.receivedAt')}>{tr.receivedAt ? f.dateTime(tr.receivedAt) : dash}</DetailField>
          {tr.note && <DetailField label={t('transfers.note')}>{tr.note}</DetailField>}
        </SimpleGrid>
      </Paper>
      <Text fw={700}>{t('transfers.lines')}</Text>
      <Table withTableBorder striped data-testid="transfer-lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('transfers.product')}</Table.Th>
            <Table.Th ta="right">{t('transfers.qty')}</Table.Th>
            {tr.mode === 'ship' && <Table.Th ta="right">{t('transfers.onTheWay')}</Table.Th>}
            {canSeeCosts && <Table.Th ta="right">{t('transfers.value')}</Table.Th>}
            <Table.Th>{t('transfers.serials')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tr.lines.map((l) => (
            <Table.Tr key={l.line}>
              <Table.Td>
                <ProductCell sku={l.sku} name={l.productName} />
              </Table.Td>
              <Table.Td ta="right">
                <Qty value={l.qty} />
              </Table.Td>
              {tr.mode === 'ship' && <Table.Td ta="right">{l.inTransit ? f.qty(l.inTransit) : dash}</Table.Td>}
              {canSeeCosts && (
                <Table.Td ta="right">
                  <Money value={l.value} />
                </Table.Td>
              )}
              <Table.Td>
                <Group gap={4}>
                  {l.serials.map((s) => (
                    <Badge key={s.serial} size="sm" variant={s.inTransit ? 'outline' : 'light'} color={s.inTransit ? 'blue' : 'gray'} tt="none">
                      {s.serial}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <EventHistory
        testId="transfer-history"
        events={tr.history}
        describe={(e) => (
          <>
            {t(`transfers.events.${e.type as 'direct' | 'ship' | 'receive' | 'cancel' | 'reverse'}`, { defaultValue: e.type })}
            {e.toState && e.fromState !== e.toState ? ` → ${t(`transfers.statuses.${e.toState as typeof tr.status}`)}` : ''}
            {typeof e.details.units === 'number' ? ` · ${t('transfers.eventUnits', { count: e.details.units })}` : ''}
            {typeof e.details.reason === 'string' ? ` · ${e.details.reason}` : ''}
          </>
        )}
      />
      {receiving && <ReceiveTransferModal transfer={tr} onClose={() => setReceiving(false)} />}
      {undoing && (
        <ConfirmModal
          title={onItsWay ? t('transfers.cancelShipmentTitle', { number: tr.number }) : t('transfers.reverseTitle', { number: tr.number })}
          text={tr.status === 'partlyReceived' ? t('transfers.partlyReceivedText') : onItsWay ? t('transfers.cancelShipmentText') : t('transfers.reverseText')}
          confirmLabel={onItsWay ? t('transfers.cancelShipment') : t('transfers.reverse')}
          color="red"
          reason={{ label: t('common.reason'), required: settings.data?.requireAdjustmentReason ?? false, missing: t('common.reasonRequiredHint') }}
          loading={reverse.isPending}
          error={reverse.error}
          onClose={() => {
            setUndoing(false);
            reverse.reset();
          }}
          onConfirm={(reason) =>
            reverse.mutate(
              { documentType: 'transfer', id: tr.id, reason },
              {
                onSuccess: (r) => {
                  notify.success('stock:transfers.reversed', { number: r.number });
                  setUndoing(false);
                },
              },
            )
          }
        >
          <Text size="sm">{t('transfers.linesToUndo')}</Text>
          <List size="sm" data-testid="transfer-undo-lines">
            {tr.lines.map((l) => (
              <List.Item key={l.line}>
                {f.qty(l.qty)} × {l.sku} {l.productName}
                {l.serials.length > 0 ? ` (${l.serials.map((s) => s.serial).join(', ')})` : ''}
              </List.Item>
            ))}
          </List>
        </ConfirmModal>
      )}
    </Stack>
  );
}
