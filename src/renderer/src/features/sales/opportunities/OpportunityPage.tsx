// One opportunity: its client, owner and expected close, its quote's items (net prices) with the units
// reserved for each and where, and its history; while open, items are added, edited and removed, units
// reserved and released, and the opportunity can be marked lost (its reservations are released).
// /sales/opportunities/:id
import { ActionIcon, Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconArrowBackUp, IconFileText, IconHandGrab, IconPencil, IconPlus, IconThumbDown, IconThumbUp, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { OpportunityDetail } from '@shared/contract/sales';
import { Money, Qty } from '@renderer/lib/Amount';
import { BackLink } from '@renderer/lib/BackLink';
import { ConfirmModal } from '@renderer/lib/ConfirmModal';
import { dash, DetailField } from '@renderer/lib/DetailField';
import { documentState, useRouteId } from '@renderer/lib/DocumentState';
import { notify } from '@renderer/lib/notify';
import { downloadBlob, pdfBlob } from '@renderer/lib/pdf';
import { PageHeader } from '@renderer/lib/PageHeader';
import { useCan } from '@renderer/lib/session';
import { useModuleOn } from '@renderer/lib/activations';
import { useFormat } from '@renderer/lib/useFormat';
import { useLoseOpportunity, useOpportunity, useQuotePdf, useRelease, useRemoveQuoteItem } from '../api';
import { OpportunityStatusBadge } from '../Badges';
import { EventHistory } from '@renderer/lib/EventHistory';
import { OpportunityFormModal } from './OpportunityFormModal';
import { QuoteItemModal } from './QuoteItemModal';
import { ReserveModal } from './ReserveModal';
import { WinModal } from './WinModal';

type Item = OpportunityDetail['items'][number];
type Dialog = { kind: 'edit' } | { kind: 'lose' } | { kind: 'win' } | { kind: 'addItem' } | { kind: 'editItem'; item: Item } | { kind: 'reserve'; item: Item } | { kind: 'remove'; item: Item };

/** The history's event names (opportunity.events): a type the screen does not know shows as it is. */
const eventKeys = { created: 1, updated: 1, itemAdded: 1, itemUpdated: 1, itemRemoved: 1, reserved: 1, released: 1, lose: 1 };

export function OpportunityPage() {
  const { t, i18n } = useTranslation(['sales', 'common']);
  const f = useFormat();
  const navigate = useNavigate();
  const id = useRouteId();
  const opportunity = useOpportunity(id);
  const quotePdf = useQuotePdf();
  const canManage = useCan('sales.manage');
  // Reservations are Procurement's: without it a quote reserves nothing (what it held was released before).
  const procurement = useModuleOn('procurement');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const lose = useLoseOpportunity();
  const release = useRelease();
  const remove = useRemoveQuoteItem();
  const back = <BackLink to="/sales/opportunities">{t('opportunities.backToList')}</BackLink>;
  const waiting = documentState(id, opportunity, back, t('opportunity.notFound'));
  if (waiting || !opportunity.data) return waiting;
  const o = opportunity.data;
  const open = o.status === 'open' && canManage;
  const close = () => setDialog(null);
  const printQuote = () =>
    quotePdf.mutate(
      { id: o.id, locale: i18n.language === 'es' ? 'es' : 'en' },
      {
        onSuccess: (pdf) => {
          downloadBlob(pdfBlob(pdf.base64), pdf.filename);
          notify.success('sales:delivery.pdfSaved', { filename: pdf.filename });
        },
      },
    );
  const releaseAll = (item: Item) =>
    release.mutate({ quoteItemId: item.id }, { onSuccess: () => notify.success('sales:opportunity.releasedAll', { count: item.reserved, number: o.number }) });

  return (
    <Stack gap="md">
      {back}
      <PageHeader
        title={`${o.number} · ${o.title}`}
        description={
          <Group gap="xs" component="span">
            <OpportunityStatusBadge status={o.status} data-testid="opportunity-status" />
            <Anchor component={Link} to={`/sales/clients/${o.companyId}`} size="sm">
              {o.companyName}
            </Anchor>
          </Group>
        }
        actions={
          <Group gap="xs">
            {open && o.items.length > 0 && (
              <Button leftSection={<IconThumbUp size={16} />} onClick={() => setDialog({ kind: 'win' })}>
                {t('opportunity.win')}
              </Button>
            )}
            {o.items.length > 0 && (
              <Button variant="default" leftSection={<IconFileText size={16} />} loading={quotePdf.isPending} onClick={printQuote}>
                {t('opportunity.quotePdf')}
              </Button>
            )}
            {open && (
              <Button variant={o.items.length > 0 ? 'default' : 'filled'} leftSection={<IconPlus size={16} />} onClick={() => setDialog({ kind: 'addItem' })}>
                {t('opportunity.addItem')}
              </Button>
            )}
            {open && (
              <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setDialog({ kind: 'edit' })}>
                {t('opportunity.edit')}
              </Button>
            )}
            {open && (
              <Button variant="default" color="red" leftSection={<IconThumbDown size={16} />} onClick={() => setDialog({ kind: 'lose' })}>
                {t('opportunity.lose')}
              </Button>
            )}
          </Group>
        }
      />
      {o.salesOrderId !== null && (
        <Alert color="teal">
          {t('opportunity.wonNotice')}{' '}
          <Anchor component={Link} to={`/sales/orders/${o.salesOrderId}`} size="sm">
            {o.salesOrderNumber}
          </Anchor>
        </Alert>
      )}
      {o.status === 'lost' && <Alert color="gray">{o.lostReason ? t('opportunity.lostNotice', { reason: o.lostReason }) : t('opportunity.lostNoReason')}</Alert>}
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="lg">
          <DetailField label={t('opportunities.owner')}>{o.ownerName ?? dash}</DetailField>
          <DetailField label={t('opportunities.expectedClose')}>{o.expectedClose ? f.day(o.expectedClose) : dash}</DetailField>
          <DetailField label={t('opportunities.quotePrice')}>
            <Money value={o.quotePrice} fw={600} />
            <Text size="xs" c="dimmed">
              {t('charges.pricesNet')}
            </Text>
          </DetailField>
          <DetailField label={t('opportunities.reserved')} testId="opportunity-reserved">
            <Qty value={o.reserved} />
          </DetailField>
          <DetailField label={t('opportunities.created')}>{f.date(o.createdAt)}</DetailField>
        </SimpleGrid>
        {o.note && (
          <Text size="sm" mt="md">
            {o.note}
          </Text>
        )}
      </Paper>
      <Stack gap="xs">
        <Text fw={700}>{t('opportunity.items')}</Text>
        {o.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('opportunity.noItems')}
          </Text>
        ) : (
          <Table withTableBorder striped data-testid="quote-items">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('opportunity.line')}</Table.Th>
                <Table.Th>{t('charges.product')}</Table.Th>
                <Table.Th ta="right">{t('charges.quantity')}</Table.Th>
                <Table.Th ta="right">{t('charges.unitPrice')}</Table.Th>
                <Table.Th ta="right">{t('charges.extendedPrice')}</Table.Th>
                <Table.Th>{t('opportunity.reservedWhere')}</Table.Th>
                {open && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {o.items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>{item.lineNo}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {item.sku}
                    </Text>
                    <Text size="xs">{item.description}</Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Qty value={item.quantity} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <Money value={item.unitPrice} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <Money value={item.extendedPrice} />
                  </Table.Td>
                  <Table.Td>
                    {item.reserved === 0 ? (
                      <Text size="sm" c="dimmed">
                        {t('opportunity.nothingReserved')}
                      </Text>
                    ) : (
                      <Stack gap={0}>
                        <Text size="sm" fw={600}>
                          {t('opportunity.reservedCount', { count: item.reserved })}
                        </Text>
                        {item.reservations.map((r) => (
                          <Text key={`${r.locationId}:${r.serialNumber ?? ''}:${r.reservedAt}`} size="xs">
                            {r.locationName} · {r.serialNumber ?? f.qty(r.qty)}
                          </Text>
                        ))}
                      </Stack>
                    )}
                  </Table.Td>
                  {open && (
                    <Table.Td ta="right">
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        {procurement && item.reserved < item.quantity && (
                          <Tooltip label={t('opportunity.reserve')}>
                            <ActionIcon variant="subtle" aria-label={t('opportunity.reserveLine', { line: item.lineNo })} onClick={() => setDialog({ kind: 'reserve', item })}>
                              <IconHandGrab size={16} />
                            </ActionIcon>
                          </Tooltip>
                        )}
                        {item.reserved > 0 && (
                          <Tooltip label={t('opportunity.release')}>
                            <ActionIcon variant="subtle" aria-label={t('opportunity.releaseLine', { line: item.lineNo })} loading={release.isPending} onClick={() => releaseAll(item)}>
                              <IconArrowBackUp size={16} />
                            </ActionIcon>
                          </Tooltip>
                        )}
                        <Tooltip label={t('opportunity.editItem')}>
                          <ActionIcon variant="subtle" aria-label={t('opportunity.editLine', { line: item.lineNo })} onClick={() => setDialog({ kind: 'editItem', item })}>
                            <IconPencil size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={t('opportunity.removeItem')}>
                          <ActionIcon variant="subtle" color="red" aria-label={t('opportunity.removeLine', { line: item.lineNo })} onClick={() => setDialog({ kind: 'remove', item })}>
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Tooltip>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <EventHistory
        testId="opportunity-history"
        events={o.history}
        describe={(e) => (
          <>
            {t(`opportunity.events.${e.type as keyof typeof eventKeys}`, { defaultValue: e.type })}
            {typeof e.details.lineNo === 'number' ? ` · ${t('opportunity.line')} ${e.details.lineNo}` : ''}
            {typeof e.details.qty === 'number' ? ` (${f.qty(e.details.qty)})` : ''}
            {typeof e.details.locationName === 'string' ? ` · ${e.details.locationName}` : ''}
          </>
        )}
      />
      {dialog?.kind === 'edit' && <OpportunityFormModal editing={o} onClose={close} />}
      {dialog?.kind === 'win' && <WinModal opportunity={o} onClose={close} onWon={(path) => navigate(path)} />}
      {dialog?.kind === 'addItem' && <QuoteItemModal opportunity={o} editing={null} onClose={close} />}
      {dialog?.kind === 'editItem' && <QuoteItemModal opportunity={o} editing={dialog.item} onClose={close} />}
      {dialog?.kind === 'reserve' && <ReserveModal opportunity={o} item={dialog.item} onClose={close} />}
      {dialog?.kind === 'remove' && (
        <ConfirmModal
          title={t('opportunity.removeTitle', { line: dialog.item.lineNo })}
          text={dialog.item.reserved > 0 ? t('opportunity.removeTextReserved', { count: dialog.item.reserved }) : t('opportunity.removeText')}
          confirmLabel={t('opportunity.removeItem')}
          color="red"
          loading={remove.isPending}
          error={remove.error}
          onClose={close}
          onConfirm={() => remove.mutate({ id: dialog.item.id }, { onSuccess: () => (notify.success('sales:opportunity.removed', { line: dialog.item.lineNo }), close()) })}
        />
      )}
      {dialog?.kind === 'lose' && (
        <ConfirmModal
          title={t('opportunity.loseTitle', { number: o.number })}
          text={o.reserved > 0 ? t('opportunity.loseTextReserved', { count: o.reserved }) : t('opportunity.loseText')}
          confirmLabel={t('opportunity.lose')}
          color="red"
          reason={{ label: t('opportunity.lostReason') }}
          loading={lose.isPending}
          error={lose.error}
          onClose={close}
          onConfirm={(reason) => lose.mutate({ id: o.id, reason: reason || null }, { onSuccess: () => (notify.success('sales:opportunity.lost', { number: o.number }), close()) })}
        />
      )}
    </Stack>
  );
}
