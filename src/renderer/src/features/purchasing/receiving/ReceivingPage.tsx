import { Button, Group, Pill, Stack, Text, Title } from '@mantine/core';
import { IconArrowDown, IconBarcode, IconFileInvoice, IconPlaylistAdd, IconTruckDelivery } from '@tabler/icons-react';
import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { OpenLine } from '@shared/contract/purchasing';
import { call } from '@renderer/lib/api';
import { useAfterPaint } from '@renderer/lib/idle';
import { translateError } from '@renderer/lib/errors';
import { isFiltered, ListPage, SearchFilter, ServerTable, useListView, useServerTable } from '@renderer/lib/list';
import { useCan, useSession } from '@renderer/lib/session';
import { useFormat } from '@renderer/lib/useFormat';
import { useClearUrlParams, useUrlId, useUrlText } from '@renderer/lib/useUrlParam';
import { LocationSelect } from '@renderer/lib/pickers/LocationSelect';
import { OPEN_LINES_TABLE, useOpenLines, useOrder } from '../api';
import { CompanySelect } from '@renderer/lib/pickers/CompanySelect';
import { openLineColumns, type OpenLineSort } from './openLineColumns';
import { ReceiptPanel, type LineFocus } from './ReceiptPanel';
import { useReceiptDraft } from './receiptDraft';

type Feedback = { ok: boolean; text: string };

const sameCode = (a: string | null, code: string) => a !== null && a.toLowerCase() === code.toLowerCase();

/**
 * Receiving: every line still to receive on submitted purchase orders, and the receipt being prepared
 * from them (several orders of one delivery at once). A scanner in the search box adds the line of
 * the scanned vendor part number (or SKU) when exactly one open line has it.
 */
export function ReceivingPage() {
  const { t } = useTranslation(['purchasing', 'common']);
  const f = useFormat();
  const navigate = useNavigate();
  const canSeeOrders = useCan('inventory.view');
  const userId = useSession((s) => s.user?.id ?? null);
  const draft = useReceiptDraft();
  const [orderId, setOrderId] = useUrlId('orderId');
  const [vendorId, setVendorId] = useUrlId('vendorId');
  const [locationId, setLocationId] = useUrlId('locationId');
  const [q, setQ, search] = useUrlText('q');
  const filters = { q: search || undefined, orderId: orderId ?? undefined, vendorId: vendorId ?? undefined, locationId: locationId ?? undefined };
  const table = useServerTable<OpenLineSort>({ ...OPEN_LINES_TABLE, filters });
  const list = useOpenLines({ ...table.input, ...filters });
  const order = useOrder(canSeeOrders && orderId ? orderId : 0);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [focus, setFocus] = useState<LineFocus | null>(null);

  // A draft left by another user who signed out on this computer is not this user's receipt.
  const { ownerId, reset } = draft;
  useEffect(() => {
    if (ownerId !== userId) reset(userId);
  }, [ownerId, reset, userId]);

  const inReceipt = (lineId: number) => draft.lines.some((d) => d.line.lineId === lineId);
  const rows = list.data?.rows ?? [];
  const addable = rows.filter((r) => !inReceipt(r.lineId));
  const orderNumber = rows.find((r) => r.orderId === orderId)?.orderNumber ?? order.data?.number ?? `#${orderId}`;

  // From the keyboard (a click event with no pointer: detail 0) the pressed button goes away with the line it
  // added, so focus follows the line into the receipt; a mouse user stays in the list to add the next one.
  const add = (lines: OpenLine[], fromKeyboard: boolean) => {
    draft.add(lines);
    setFeedback(null);
    setFocus(fromKeyboard && lines[0] ? { lineId: lines[0].lineId, field: 'qty' } : null);
  };

  // A scanner types the code and Enter: add the one open line it names, or narrow the list.
  const scan = async (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const input = event.currentTarget;
    const code = q.trim();
    if (!code) return;
    try {
      const found = await call('purchasing.listOpenLines', { ...filters, q: code, page: 1, pageSize: 50, sortBy: 'orderNumber', sortDirection: 'asc' });
      const exact = found.rows.filter((r) => sameCode(r.vendorPartNumber, code) || sameCode(r.sku, code) || sameCode(r.orderNumber, code));
      const candidates = exact.length > 0 ? exact : found.rows;
      const line = candidates.length === 1 && (exact.length === 1 || found.total === 1) ? candidates[0]! : null;
      if (!line) {
        setFeedback({ ok: false, text: found.total === 0 ? t('receiving.scanNone', { code }) : t('receiving.scanMany', { count: exact.length || found.total, code }) });
        // The next scan replaces the code rather than adding to it.
        input.select();
        return;
      }
      const named = { number: line.orderNumber, sku: line.sku };
      if (inReceipt(line.lineId)) {
        setFeedback({ ok: true, text: t('receiving.scanAlready', named) });
        // Already on the receipt: take the clerk to it (its serial field, for serialized products).
        const editor = document.querySelector<HTMLElement>(`[data-testid="receipt-line-${line.lineId}"]`);
        editor?.scrollIntoView({ behavior: 'smooth', block: 'center' });
        if (line.serialized) editor?.querySelector<HTMLInputElement>('[data-testid="serial-input"]')?.focus({ preventScroll: true });
      } else {
        draft.add([line]);
        setFeedback({ ok: true, text: t('receiving.scanAdded', named) });
      }
      setFocus(line.serialized ? { lineId: line.lineId, field: 'serials' } : null);
      setQ('');
    } catch (err) {
      setFeedback({ ok: false, text: translateError(err) });
      input.select();
    }
  };

  const view = useListView({
    id: 'purchasing.openLines',
    columns: openLineColumns(t, f.date, inReceipt, (line, fromKeyboard) => add([line], fromKeyboard), canSeeOrders),
    filtered: isFiltered(filters),
    onClearFilters: useClearUrlParams('q', 'orderId', 'vendorId', 'locationId'),
    // The scan box and an order opened from its page are this visit's, not a filter to come back to.
    remember: { names: ['vendorId', 'locationId'], linked: ['orderId', 'q'] },
  });
  const nothingOpen = !view.filtered && list.data?.total === 0;
  // The receipt panel sits below the lines: drawn once they are on screen, not in the same frame.
  const panelReady = useAfterPaint(list.data !== undefined || list.isError);
  const empty = {
    icon: IconTruckDelivery,
    title: t('receiving.empty.title'),
    description: t('receiving.empty.text'),
    testId: 'receiving-empty',
    action: canSeeOrders && (
      <Button variant="light" leftSection={<IconFileInvoice size={16} />} onClick={() => navigate('/purchasing/orders')}>
        {t('receiving.empty.orders')}
      </Button>
    ),
  };

  return (
    <ListPage
      title={t('receiving.title')}
      description={t('receiving.description')}
      actions={
        draft.lines.length > 0 && (
          <Button
            variant="light"
            leftSection={<IconArrowDown size={16} />}
            onClick={() => document.getElementById('receipt-title')?.scrollIntoView({ behavior: 'smooth', block: 'start' })}
          >
            {t('receiving.goToReceipt', { count: draft.lines.length })}
          </Button>
        )
      }
      view={view}
      filters={
        <>
          <SearchFilter
            label={t('receiving.search')}
            placeholder={t('receiving.searchPlaceholder')}
            value={q}
            onChange={(text) => {
              setQ(text);
              setFeedback(null);
            }}
            onKeyDown={(e) => void scan(e)}
            autoComplete="off"
            data-testid="receiving-search"
            w={380}
          />
          <CompanySelect role="vendor" label={t('receiving.vendor')} placeholder={t('receiving.anyVendor')} clearable value={vendorId} onChange={setVendorId} w={240} />
          <LocationSelect label={t('receiving.location')} placeholder={t('receiving.anyLocation')} clearable value={locationId} onChange={setLocationId} w={240} />
          {orderId && (
            <Pill
              size="lg"
              withRemoveButton
              onRemove={() => setOrderId(null)}
              removeButtonProps={{ 'aria-label': t('receiving.clearOrder'), 'aria-hidden': false, tabIndex: 0 }}
              mb={6}
              data-testid="order-filter"
            >
              {t('receiving.orderFilter', { number: orderNumber })}
            </Pill>
          )}
        </>
      }
    >
      <Group gap={6} c={feedback ? (feedback.ok ? 'teal' : 'orange') : 'dimmed'} role="status" data-testid="scan-feedback" mt={-6}>
        <IconBarcode size={16} />
        <Text size="sm" c={feedback ? (feedback.ok ? 'teal' : 'orange') : 'dimmed'} fw={feedback ? 600 : undefined}>
          {feedback ? feedback.text : t('receiving.searchHint')}
        </Text>
      </Group>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-end">
          <Title order={2} size="h4">
            {t('receiving.linesTitle')}
          </Title>
          {rows.length > 0 && (
            <Button variant="light" size="xs" leftSection={<IconPlaylistAdd size={16} />} disabled={addable.length === 0} onClick={(e) => add(addable, e.detail === 0)}>
              {t('receiving.addAll', { count: addable.length || rows.length })}
            </Button>
          )}
        </Group>
        <ServerTable testId="open-lines" view={view} table={table} query={list} idAccessor="lineId" empty={empty} />
      </Stack>
      {panelReady && !(nothingOpen && draft.lines.length === 0 && draft.posted === null) && <ReceiptPanel focus={focus} />}
    </ListPage>
  );
}
