import { Alert, Button, Checkbox, Divider, Group, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconCheck, IconInbox, IconTruckDelivery } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@renderer/lib/api';
import { ConfirmModal } from '@renderer/lib/ConfirmModal';
import { translateError } from '@renderer/lib/errors';
import { MoneyInput } from '@renderer/lib/MoneyInput';
import { notify } from '@renderer/lib/notify';
import { useCan } from '@renderer/lib/session';
import { useSettings } from '@renderer/lib/useFormat';
import { useInternalLocations } from '@renderer/lib/lookups';
import { useReceive } from '../api';
import { checkReceipt, linesConcerned, receiveInput, serialsElsewhere } from './receiptChecks';
import { useReceiptDraft, type DraftLine } from './receiptDraft';
import { ReceiptLineEditor } from './ReceiptLineEditor';

interface Refusal {
  text: string;
  /** "PO-1046 · LT-T14" when the refusal is about one line: several lines may be of "this product". */
  line: string | null;
  lineIds: number[];
  serials: string[];
}

/** The Post button is below the lines: bring what went wrong into view. */
function reveal(selector: string) {
  requestAnimationFrame(() => document.querySelector(selector)?.scrollIntoView({ behavior: 'smooth', block: 'center' }));
}

/**
 * The receipt being prepared: the picked lines and the delivery's freight and note. "Post receipt"
 * checks every line first and points at what to fix; a refusal of the server is shown above the
 * lines and on the line it concerns, and the receipt stays as it was.
 */
/** The line whose field takes focus when it appears (see ReceiptLineEditor's autoFocus). */
export interface LineFocus {
  lineId: number;
  field: 'serials' | 'qty';
}

export function ReceiptPanel({ focus }: { focus: LineFocus | null }) {
  const { t } = useTranslation(['purchasing', 'common']);
  const canSeeCosts = useCan('costs.view');
  const settings = useSettings();
  const requireInvoice = settings.data?.requireVendorInvoiceNumber ?? false;
  const draft = useReceiptDraft();
  const locations = useInternalLocations();
  const receive = useReceive();
  // Checks run live once the clerk has tried to post, so each message goes away as it is fixed.
  const [checking, setChecking] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const posted = draft.posted;
  const setPosted = draft.setPosted;
  const [confirmClear, setConfirmClear] = useState(false);
  // Posting empties the receipt, Post button included: focus goes to the outcome, which names the receipt.
  const postedAlert = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (posted) postedAlert.current?.focus();
  }, [posted]);

  const lines = draft.lines;
  const issues = checking ? checkReceipt(lines, requireInvoice) : {};
  const freightInvalid = draft.freight !== null && Number.isNaN(draft.freight);
  const units = lines.reduce((sum, d) => sum + (typeof d.qty === 'number' ? d.qty : 0), 0);
  const orders = new Set(lines.map((d) => d.line.orderId)).size;
  const locationOptions = (locations.data ?? []).map((l) => ({ id: l.id, label: l.ownerName ? `${l.name} (${l.ownerName})` : l.name }));

  const change = (d: DraftLine, patch: Partial<Omit<DraftLine, 'line'>>) => {
    draft.update(d.line.lineId, patch);
    // The clerk is fixing this line: what the server said about it no longer applies.
    if (refusal?.lineIds.includes(d.line.lineId)) setRefusal({ ...refusal, lineIds: refusal.lineIds.filter((id) => id !== d.line.lineId) });
  };

  const post = () => {
    setPosted(null);
    setRefusal(null);
    setChecking(true);
    const found = checkReceipt(lines, requireInvoice);
    const firstIssue = lines.find((d) => found[d.line.lineId]);
    if (firstIssue) return reveal(`[data-testid="receipt-line-${firstIssue.line.lineId}"]`);
    if (freightInvalid) return;
    receive.mutate(receiveInput(draft), {
      onSuccess: (receipt) => {
        notify.success('purchasing:receiving.receipt.posted', { number: receipt.number, count: receipt.units });
        // Emptied first: the outcome outlives the receipt it names.
        draft.reset(draft.ownerId);
        setPosted({ number: receipt.number, units: receipt.units });
        setChecking(false);
      },
      onError: (err) => {
        const concerned = err instanceof ApiError ? linesConcerned(err.code, err.details, lines) : { lineIds: [], serials: [] };
        const named = concerned.lineIds.length === 1 ? lines.find((d) => d.line.lineId === concerned.lineIds[0]) : undefined;
        const line = named ? t('receiving.line.group', { number: named.line.orderNumber, sku: named.line.sku }) : null;
        setRefusal({ text: translateError(err), line, ...concerned });
        reveal('[data-testid="receipt-error"]');
      },
    });
  };

  const hasIssues = freightInvalid || Object.keys(issues).length > 0;
  return (
    <Paper withBorder p="md" radius="sm" data-testid="receipt-panel" component="section" aria-labelledby="receipt-title">
      <Stack gap="md">
        <Group justify="space-between" align="center">
          <Group gap="xs">
            <IconTruckDelivery size={22} stroke={1.6} />
            <Title order={2} size="h4" id="receipt-title">
              {t('receiving.receipt.title')}
            </Title>
          </Group>
          {lines.length > 0 && (
            <Text c="dimmed" size="sm" data-testid="receipt-summary">
              {[t('receiving.receipt.lines', { count: lines.length }), t('receiving.receipt.units', { count: units }), t('receiving.receipt.orders', { count: orders })].join(' · ')}
            </Text>
          )}
        </Group>
        {posted && (
          <Alert color="teal" icon={<IconCheck size={20} />} withCloseButton closeButtonLabel={t('common:actions.close')} onClose={() => setPosted(null)} data-testid="receipt-posted" role="status" ref={postedAlert} tabIndex={-1}>
            {t('receiving.receipt.posted', { number: posted.number, count: posted.units })}
          </Alert>
        )}
        {refusal && (
          <Alert color="red" title={t('receiving.receipt.refused')} role="alert" data-testid="receipt-error">
            <Stack gap={4}>
              <Text size="sm">
                {refusal.line && (
                  <Text span fw={700} inherit>
                    {refusal.line}:{' '}
                  </Text>
                )}
                {refusal.text}
              </Text>
              <Text size="sm" c="dimmed">
                {t('receiving.receipt.nothingLost')}
              </Text>
            </Stack>
          </Alert>
        )}
        {hasIssues && !refusal && (
          <Alert color="red" role="alert" data-testid="receipt-check">
            {t('receiving.receipt.checkLines')}
          </Alert>
        )}
        {lines.length === 0 ? (
          <Stack align="center" gap="xs" py="lg" style={{ border: '1px dashed var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-sm)' }}>
            <IconInbox size={32} stroke={1.4} color="var(--mantine-color-dimmed)" />
            <Text c="dimmed" ta="center" maw={520} size="sm">
              {t('receiving.receipt.empty')}
            </Text>
          </Stack>
        ) : (
          <Stack gap="sm">
            {lines.map((d) => (
              <ReceiptLineEditor
                key={d.line.lineId}
                draft={d}
                locations={locationOptions}
                onChange={(patch) => change(d, patch)}
                onRemove={() => draft.remove(d.line.lineId)}
                onInvoiceForAll={lines.length > 1 ? () => draft.setInvoiceForAll(d.vendorInvoiceNumber.trim()) : null}
                requireInvoice={requireInvoice}
                elsewhere={serialsElsewhere(lines, d.line.lineId)}
                issues={issues[d.line.lineId]}
                refusal={refusal?.lineIds.includes(d.line.lineId) ? refusal.text : null}
                flagged={refusal?.serials.filter((s) => d.serials.includes(s)) ?? []}
                autoFocus={focus?.lineId === d.line.lineId ? focus.field : undefined}
              />
            ))}
          </Stack>
        )}
        {lines.length > 0 && (
          <>
            <Divider />
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              {canSeeCosts ? (
                <Stack gap="xs">
                  <MoneyInput
                    label={t('receiving.receipt.freight')}
                    description={t('receiving.receipt.freightHint')}
                    value={draft.freight}
                    onChange={(freight) => draft.setHeader({ freight })}
                    error={freightInvalid ? t('common:validation.number') : undefined}
                    maw={260}
                    styles={{ input: { textAlign: 'right' } }}
                  />
                  <Checkbox
                    label={t('receiving.receipt.splitFreight')}
                    description={t('receiving.receipt.splitFreightHint')}
                    checked={draft.splitFreight}
                    disabled={!draft.freight}
                    onChange={(e) => draft.setHeader({ splitFreight: e.currentTarget.checked })}
                  />
                </Stack>
              ) : (
                <div />
              )}
              <Textarea label={t('receiving.receipt.note')} autosize minRows={3} maxLength={1000} value={draft.note} onChange={(e) => draft.setHeader({ note: e.currentTarget.value })} />
            </SimpleGrid>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirmClear(true)}>
                {t('receiving.receipt.clear')}
              </Button>
              <Button leftSection={<IconCheck size={16} />} loading={receive.isPending} onClick={post}>
                {t('receiving.receipt.post')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
      <ConfirmModal
        opened={confirmClear}
        title={t('receiving.receipt.clearTitle')}
        text={t('receiving.receipt.clearText')}
        confirmLabel={t('receiving.receipt.clear')}
        color="red"
        onClose={() => setConfirmClear(false)}
        onConfirm={() => {
          draft.reset(draft.ownerId);
          setChecking(false);
          setRefusal(null);
          setConfirmClear(false);
        }}
      />
    </Paper>
  );
}
