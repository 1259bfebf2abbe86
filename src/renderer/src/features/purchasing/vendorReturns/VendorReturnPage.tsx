// One vendor return (VRT-n): the vendor and its RMA number, where the units left from and why, each line with
// what the vendor did with its units (credited, replaced — with the new serials —, sent back), the credit
// recorded, and the history; the vendor's answer is recorded from here. /purchasing/vendor-returns/:id
import { Alert, Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VendorReturn } from '@shared/contract/vendorReturns';
import { Money, Qty } from '@renderer/lib/Amount';
import { BackLink } from '@renderer/lib/BackLink';
import { DayInput } from '@renderer/lib/DayInput';
import { dash, DetailField } from '@renderer/lib/DetailField';
import { documentState, useRouteId } from '@renderer/lib/DocumentState';
import { translateError } from '@renderer/lib/errors';
import { EventHistory } from '@renderer/lib/EventHistory';
import { FormFooter } from '@renderer/lib/FormFooter';
import { PageHeader } from '@renderer/lib/PageHeader';
import { useCan } from '@renderer/lib/session';
import { useUntilEdited } from '@renderer/lib/staleMessage';
import { useFormat } from '@renderer/lib/useFormat';
import { useUpdateVendorReturn, useVendorReturn } from '../api';
import { VendorReturnStatusBadge } from '../orders/Badges';
import { ResolveModal } from './ResolveModal';
import { ProductCell } from '@renderer/lib/ProductCell';

export function VendorReturnPage() {
  const { t } = useTranslation(['purchasing', 'common']);
  const f = useFormat();
  const id = useRouteId();
  const doc = useVendorReturn(id);
  const canManage = useCan('purchasing.manage');
  const canSeeCosts = useCan('costs.view');
  const [answering, setAnswering] = useState(false);
  const [editing, setEditing] = useState(false);
  const back = <BackLink to="/purchasing/vendor-returns">{t('vendorReturns.back')}</BackLink>;
  const waiting = documentState(id, doc, back, t('vendorReturns.notFound'));
  if (waiting || !doc.data) return waiting;
  const r = doc.data;
  const unresolved = r.status !== 'resolved';
  return (
    <Stack gap="md">
      {back}
      <PageHeader
        title={t('vendorReturns.docTitle', { number: r.number })}
        description={
          <Group gap="xs" component="span">
            <VendorReturnStatusBadge status={r.status} data-testid="vendor-return-status" />
            {r.overdue && (
              <Badge color="red" variant="filled" size="sm">
                {t('vendorReturns.overdue')}
              </Badge>
            )}
            <Text span size="sm" c="dimmed">
              {r.vendorName} · {f.dateTime(r.createdAt)} · {r.userName}
            </Text>
          </Group>
        }
        actions={
          canManage && unresolved ? (
            <Group gap="xs">
              <Button onClick={() => setAnswering(true)}>{t('vendorReturns.answer')}</Button>
              <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
                {t('vendorReturns.edit')}
              </Button>
            </Group>
          ) : undefined
        }
      />
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="lg">
          <DetailField label={t('vendorReturns.vendor')}>{r.vendorName}</DetailField>
          <DetailField label={t('vendorReturns.vendorRma')}>{r.vendorRmaNumber}</DetailField>
          <DetailField label={t('vendorReturns.location')}>{r.locationName}</DetailField>
          <DetailField label={t('vendorReturns.reason')}>{t(`vendorReturns.reasons.${r.reason}`)}</DetailField>
          <DetailField label={t('vendorReturns.tracking')}>{r.trackingNumber ?? dash}</DetailField>
          <DetailField label={t('vendorReturns.expectedBy')}>{r.expectedBy ? f.day(r.expectedBy) : dash}</DetailField>
          <DetailField label={t('vendorReturns.open')}>{r.open === 0 ? (r.resolvedAt ? t('vendorReturns.resolvedOn', { date: f.date(r.resolvedAt) }) : dash) : f.qty(r.open)}</DetailField>
          {canSeeCosts && (
            <DetailField label={t('vendorReturns.credit')}>
              {r.creditTotal ? <Money value={r.creditTotal} /> : dash}
              {r.creditNoteNumber && <Text size="xs">{r.creditNoteNumber}</Text>}
            </DetailField>
          )}
          {r.note && <DetailField label={t('vendorReturns.note')}>{r.note}</DetailField>}
        </SimpleGrid>
      </Paper>
      <Text fw={700}>{t('vendorReturns.lines')}</Text>
      <Table withTableBorder striped data-testid="vendor-return-lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('vendorReturns.product')}</Table.Th>
            <Table.Th>{t('vendorReturns.serial')}</Table.Th>
            <Table.Th ta="right">{t('vendorReturns.qty')}</Table.Th>
            {canSeeCosts && <Table.Th ta="right">{t('vendorReturns.unitCost')}</Table.Th>}
            <Table.Th ta="right">{t('vendorReturns.credited')}</Table.Th>
            <Table.Th ta="right">{t('vendorReturns.replaced')}</Table.Th>
            <Table.Th ta="right">{t('vendorReturns.sentBack')}</Table.Th>
            <Table.Th ta="right">{t('vendorReturns.open')}</Table.Th>
            <Table.Th>{t('vendorReturns.replacements')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {r.lines.map((l) => (
            <Table.Tr key={l.lineNo}>
              <Table.Td>
                <ProductCell sku={l.sku} name={l.productName} />
              </Table.Td>
              <Table.Td>{l.serialNumber ?? dash}</Table.Td>
              <Table.Td ta="right">
                <Qty value={l.qty} />
              </Table.Td>
              {canSeeCosts && (
                <Table.Td ta="right">
                  <Money value={l.unitCost} />
                </Table.Td>
              )}
              <Table.Td ta="right">{l.qtyCredited || dash}</Table.Td>
              <Table.Td ta="right">{l.qtyReplaced || dash}</Table.Td>
              <Table.Td ta="right">{l.qtyBack || dash}</Table.Td>
              <Table.Td ta="right">{l.qty - l.qtyCredited - l.qtyReplaced - l.qtyBack || dash}</Table.Td>
              <Table.Td>
                <Text size="xs">{l.replacementSerials.join(', ')}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <EventHistory
        testId="vendor-return-history"
        events={r.history}
        describe={(e) => (
          <>
            {t(`vendorReturns.events.${e.type as 'sent' | 'updated' | 'resolve'}`, { defaultValue: e.type })}
            {e.toState && e.fromState !== e.toState ? ` → ${t(`vendorReturns.statuses.${e.toState as VendorReturn['status']}`)}` : ''}
            {typeof e.details.credited === 'number' && e.details.credited > 0 ? ` · ${t('vendorReturns.eventCredited', { count: e.details.credited })}` : ''}
            {typeof e.details.replaced === 'number' && e.details.replaced > 0 ? ` · ${t('vendorReturns.eventReplaced', { count: e.details.replaced })}` : ''}
            {typeof e.details.back === 'number' && e.details.back > 0 ? ` · ${t('vendorReturns.eventBack', { count: e.details.back })}` : ''}
            {typeof e.details.creditNoteNumber === 'string' ? ` · ${e.details.creditNoteNumber}` : ''}
            {typeof e.details.note === 'string' ? ` · ${e.details.note}` : ''}
          </>
        )}
      />
      {answering && <ResolveModal doc={r} onClose={() => setAnswering(false)} />}
      {editing && <EditModal doc={r} onClose={() => setEditing(false)} />}
    </Stack>
  );
}

/** The vendor's RMA number, tracking, the day the answer is expected and the note, while the vendor has not answered for everything. */
function EditModal({ doc, onClose }: { doc: VendorReturn; onClose: () => void }) {
  const { t } = useTranslation(['purchasing', 'common']);
  const update = useUpdateVendorReturn();
  const [vendorRma, setVendorRma] = useState(doc.vendorRmaNumber);
  const [tracking, setTracking] = useState(doc.trackingNumber ?? '');
  const [expectedBy, setExpectedBy] = useState<string | null>(doc.expectedBy);
  const [note, setNote] = useState(doc.note ?? '');
  const error = useUntilEdited(update.error, [vendorRma, tracking, expectedBy, note]);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!vendorRma.trim()) return;
    update.mutate(
      { id: doc.id, vendorRmaNumber: vendorRma.trim(), trackingNumber: tracking.trim() || null, expectedBy, note: note.trim() || null },
      { onSuccess: onClose },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('vendorReturns.editForm.title', { number: doc.number })}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('vendorReturns.vendorRma')} required value={vendorRma} error={vendorRma.trim() ? undefined : t('common:validation.required')} onChange={(e) => setVendorRma(e.currentTarget.value)} />
          <TextInput label={t('vendorReturns.tracking')} value={tracking} onChange={(e) => setTracking(e.currentTarget.value)} />
          <DayInput label={t('vendorReturns.expectedBy')} value={expectedBy} onChange={setExpectedBy} />
          <Textarea label={t('vendorReturns.note')} autosize minRows={1} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          {error ? <Alert color="red">{translateError(error)}</Alert> : null}
          <FormFooter onCancel={onClose} submitLabel={t('vendorReturns.editForm.submit')} loading={update.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
