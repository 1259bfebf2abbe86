import { ActionIcon, Badge, Group, NumberInput, Paper, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconCopy, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { SerialEntry } from '@renderer/lib/pickers/SerialEntry';
import { useFormat } from '@renderer/lib/useFormat';
import { clientOf, type LineIssues, type Message } from './receiptChecks';
import type { DraftLine } from './receiptDraft';

export interface LocationOption {
  id: number;
  label: string;
}

interface Props {
  draft: DraftLine;
  locations: LocationOption[];
  onChange: (patch: Partial<Omit<DraftLine, 'line'>>) => void;
  onRemove: () => void;
  /** Offered when the receipt has other lines: copy this line's invoice number to all of them. */
  onInvoiceForAll: (() => void) | null;
  requireInvoice: boolean;
  /** Serials of the same product on the receipt's other lines. */
  elsewhere: string[];
  issues?: LineIssues;
  /** A refusal of the server about this line, translated. */
  refusal?: string | null;
  /** Serials the server refused, marked in red. */
  flagged: string[];
  /**
   * The field that takes focus when the line appears: the serial scan field after a scan, the quantity
   * after Add was pressed from the keyboard (its button is gone: focus follows the line it added).
   */
  autoFocus?: 'serials' | 'qty';
}

const CUSTOMER = 'customer';

/** One PO line on the receipt: how many arrived, their serials, where they go and on which vendor invoice. */
export function ReceiptLineEditor({ draft, locations, onChange, onRemove, onInvoiceForAll, requireInvoice, elsewhere, issues, refusal, flagged, autoFocus }: Props) {
  const { t } = useTranslation('purchasing');
  const f = useFormat();
  const { line } = draft;
  const msg = (m?: Message) => (m ? t(m.key, m.values ?? {}) : undefined);
  const qty = typeof draft.qty === 'number' ? draft.qty : 0;
  const left = line.outstanding - qty;
  const named = { number: line.orderNumber, sku: line.sku };
  const client = clientOf(line);

  // The line's own location is always offered, even when it is no longer among the active ones.
  const options = locations.some((l) => l.id === draft.locationId) ? locations : [{ id: draft.locationId, label: line.locationName }, ...locations];
  const destinationData = [
    { group: t('receiving.line.destinationLocations'), items: options.map((l) => ({ value: String(l.id), label: l.label })) },
    ...(client ? [{ group: t('receiving.line.destinationClient'), items: [{ value: CUSTOMER, label: t('receiving.line.toClient', { company: client.name }) }] }] : []),
  ];
  const problem = Boolean(refusal || issues?.qty || issues?.serials || issues?.invoice);

  return (
    <Paper
      withBorder
      p="sm"
      role="group"
      aria-label={t('receiving.line.group', named)}
      data-testid={`receipt-line-${line.lineId}`}
      style={problem ? { borderColor: 'var(--mantine-color-red-filled)' } : undefined}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Group gap="xs" wrap="wrap">
              <Badge variant="light" radius="sm" size="lg" tt="none">
                {line.orderNumber}
              </Badge>
              <Text fw={700}>{line.sku}</Text>
              <Text>{line.productName}</Text>
              {line.serialized && (
                <Badge variant="outline" size="sm" color="gray">
                  {t('receiving.line.serialized')}
                </Badge>
              )}
            </Group>
            <Text size="sm" c="dimmed">
              {[
                line.vendorName,
                line.vendorPartNumber ? t('receiving.line.vendorPart', { part: line.vendorPartNumber }) : null,
                t('receiving.line.facts', { ordered: f.qty(line.qtyOrdered), received: f.qty(line.qtyReceived), outstanding: f.qty(line.outstanding) }),
                line.purchaseForName && line.chargeId === null ? t('receiving.line.purchaseFor', { company: line.purchaseForName }) : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
            {line.chargeNumber && (
              <Text size="sm" c="blue" data-testid="receipt-line-charge">
                {t('receiving.line.forCharge', { charge: line.chargeNumber, company: line.chargeCompanyName ?? '' })}
              </Text>
            )}
          </Stack>
          <Tooltip label={t('receiving.line.remove', named)}>
            <ActionIcon variant="subtle" color="gray" aria-label={t('receiving.line.remove', named)} onClick={onRemove}>
              <IconX size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
        <Group align="flex-start" gap="md" wrap="wrap">
          <Stack gap={4} w={200}>
            <NumberInput
              label={t('receiving.line.qty')}
              autoFocus={autoFocus === 'qty'}
              hideControls
              rightSection={
                <Text size="sm" c="dimmed" pr={8} style={{ whiteSpace: 'nowrap' }}>
                  {t('receiving.line.ofOutstanding', { qty: f.qty(line.outstanding) })}
                </Text>
              }
              rightSectionWidth={72}
              rightSectionPointerEvents="none"
              min={1}
              max={line.outstanding}
              clampBehavior="strict"
              allowDecimal={false}
              allowNegative={false}
              required
              value={draft.qty}
              onChange={(value) => onChange({ qty: value })}
              error={msg(issues?.qty)}
              styles={{ input: { textAlign: 'right' } }}
            />
            {!issues?.qty && qty > 0 && (
              <Text size="xs" c={left > 0 ? 'orange' : 'teal'} data-testid="back-ordered-after">
                {left > 0 ? t('receiving.line.backOrderedAfter', { count: left }) : t('receiving.line.completes')}
              </Text>
            )}
          </Stack>
          <Stack gap={4} style={{ flex: '2 1 280px' }}>
            <Select
              label={t('receiving.line.destination')}
              allowDeselect={false}
              searchable
              data={destinationData}
              value={draft.destination === 'customer' ? CUSTOMER : String(draft.locationId)}
            onChange={(value) => {
              if (value === CUSTOMER) onChange({ destination: 'customer' });
              else if (value) onChange({ destination: 'location', locationId: Number(value) });
            }}
            />
            {draft.destination === 'customer' && client && (
              <Text size="xs" c="blue">
                {line.chargeNumber ? t('receiving.line.toClientDelivers', { company: client.name, charge: line.chargeNumber }) : t('receiving.line.toClientHint', { company: client.name })}
              </Text>
            )}
          </Stack>
          <TextInput
            style={{ flex: '1 1 220px' }}
            label={t('receiving.line.invoice')}
            required={requireInvoice}
            autoComplete="off"
            value={draft.vendorInvoiceNumber}
            onChange={(e) => onChange({ vendorInvoiceNumber: e.currentTarget.value })}
            error={msg(issues?.invoice)}
            maxLength={100}
            rightSection={
              onInvoiceForAll && draft.vendorInvoiceNumber.trim() ? (
                <Tooltip label={t('receiving.line.invoiceForAll')}>
                  <ActionIcon variant="subtle" aria-label={t('receiving.line.invoiceForAll')} onClick={onInvoiceForAll}>
                    <IconCopy size={16} />
                  </ActionIcon>
                </Tooltip>
              ) : undefined
            }
          />
        </Group>
        {line.serialized && (
          <SerialEntry
            serials={draft.serials}
            onChange={(serials) => onChange({ serials })}
            qty={qty}
            productId={line.productId}
            flagged={flagged}
            elsewhere={elsewhere}
            error={msg(issues?.serials)}
            autoFocus={autoFocus === 'serials'}
          />
        )}
        {refusal && (
          <Text size="sm" c="red" role="alert">
            {refusal}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
