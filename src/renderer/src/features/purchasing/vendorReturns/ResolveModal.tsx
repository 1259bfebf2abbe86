// The vendor's answer for the units of a vendor return still awaiting it: per line, how many were credited,
// replaced (with the new serial numbers of a serialized product) or sent back; the credit's amount and note,
// the vendor's fee per replacement, and where the units coming in go. Part now, the rest later.
import { Alert, Modal, NumberInput, SimpleGrid, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VendorReturn } from '@shared/contract/vendorReturns';
import { translateError } from '@renderer/lib/errors';
import { FormFooter } from '@renderer/lib/FormFooter';
import { MoneyInput } from '@renderer/lib/MoneyInput';
import { notify } from '@renderer/lib/notify';
import { LocationSelect } from '@renderer/lib/pickers/LocationSelect';
import { useTakenSerials } from '@renderer/lib/pickers/useTakenSerials';
import { useUntilEdited } from '@renderer/lib/staleMessage';
import { useFormat } from '@renderer/lib/useFormat';
import { useResolveVendorReturn } from '../api';

interface Answer {
  credited: number | string;
  replaced: number | string;
  back: number | string;
  serials: string;
}

const count = (v: number | string) => (typeof v === 'number' ? v : Number(v) || 0);
const serialList = (text: string) =>
  text
    .split(/[\n,;\t]+/)
    .map((s) => s.trim())
    .filter(Boolean);

export function ResolveModal({ doc, onClose }: { doc: VendorReturn; onClose: () => void }) {
  const { t } = useTranslation(['purchasing', 'common']);
  const f = useFormat();
  const resolve = useResolveVendorReturn();
  const open = doc.lines.filter((l) => l.qty > l.qtyCredited + l.qtyReplaced + l.qtyBack);
  const [answers, setAnswers] = useState<Record<number, Answer>>({});
  const [creditAmount, setCreditAmount] = useState<number | null>(null);
  const [creditNote, setCreditNote] = useState('');
  const [unitFee, setUnitFee] = useState<number | null>(null);
  const [locationId, setLocationId] = useState<number | null>(doc.locationId);
  const [note, setNote] = useState('');
  const [nothing, setNothing] = useState(false);
  const error = useUntilEdited(resolve.error, [answers, creditAmount, unitFee, locationId]);
  const answer = (lineNo: number): Answer => answers[lineNo] ?? { credited: 0, replaced: 0, back: 0, serials: '' };
  const set = (lineNo: number, change: Partial<Answer>) => {
    setNothing(false);
    setAnswers((a) => ({ ...a, [lineNo]: { ...answer(lineNo), ...change } }));
  };
  // What the credited units cost: the credit's default (unknown to who may not see costs).
  const creditedCost = open.reduce((sum, l) => (l.unitCost === null || sum === null ? null : sum + count(answer(l.lineNo).credited) * l.unitCost), 0 as number | null);
  const anyCredited = open.some((l) => count(answer(l.lineNo).credited) > 0);
  const anyIn = open.some((l) => count(answer(l.lineNo).replaced) + count(answer(l.lineNo).back) > 0);
  const anyReplaced = open.some((l) => count(answer(l.lineNo).replaced) > 0);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const lines = open
      .map((l) => {
        const a = answer(l.lineNo);
        const replaced = count(a.replaced);
        return { lineNo: l.lineNo, credited: count(a.credited), replaced, back: count(a.back), ...(l.serialized && replaced > 0 ? { serials: serialList(a.serials) } : {}) };
      })
      .filter((l) => l.credited + l.replaced + l.back > 0);
    if (lines.length === 0) {
      setNothing(true);
      return;
    }
    resolve.mutate(
      {
        id: doc.id,
        lines,
        ...(anyCredited && creditAmount !== null ? { creditAmount } : {}),
        creditNoteNumber: anyCredited ? creditNote.trim() || null : null,
        ...(anyReplaced && unitFee !== null ? { unitFee } : {}),
        ...(anyIn && locationId !== null ? { locationId } : {}),
        note: note.trim() || null,
      },
      {
        onSuccess: () => {
          notify.success('purchasing:vendorReturns.resolve.done', { number: doc.number });
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} size="xl" title={t('vendorReturns.resolve.title', { number: doc.number })}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('vendorReturns.resolve.description')}
          </Text>
          <Table withTableBorder data-testid="vendor-return-answer">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('vendorReturns.product')}</Table.Th>
                <Table.Th ta="right">{t('vendorReturns.credited')}</Table.Th>
                <Table.Th ta="right">{t('vendorReturns.replaced')}</Table.Th>
                <Table.Th ta="right">{t('vendorReturns.sentBack')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {open.map((l) => {
                const a = answer(l.lineNo);
                const left = l.qty - l.qtyCredited - l.qtyReplaced - l.qtyBack;
                const box = (key: 'credited' | 'replaced' | 'back', label: string) => (
                  <NumberInput aria-label={`${label} · ${l.serialNumber ?? l.sku}`} size="xs" w={90} ml="auto" min={0} max={left} allowDecimal={false} allowNegative={false} value={a[key]} onChange={(v) => set(l.lineNo, { [key]: v })} />
                );
                return (
                  <Table.Tr key={l.lineNo}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {l.sku} {l.serialNumber ? `· ${l.serialNumber}` : ''}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t('vendorReturns.resolve.openOf', { open: f.qty(left), qty: f.qty(l.qty) })}
                      </Text>
                      {l.serialized && count(a.replaced) > 0 && <ReplacementSerials productId={l.productId} value={a.serials} onChange={(serials) => set(l.lineNo, { serials })} />}
                    </Table.Td>
                    <Table.Td>{box('credited', t('vendorReturns.credited'))}</Table.Td>
                    <Table.Td>{box('replaced', t('vendorReturns.replaced'))}</Table.Td>
                    <Table.Td>{box('back', t('vendorReturns.sentBack'))}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          {anyCredited && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <MoneyInput
                label={t('vendorReturns.resolve.creditAmount')}
                description={creditedCost !== null ? t('vendorReturns.resolve.creditAmountHint', { amount: f.money(creditedCost) }) : undefined}
                value={creditAmount}
                onChange={setCreditAmount}
              />
              <TextInput label={t('vendorReturns.resolve.creditNote')} value={creditNote} onChange={(e) => setCreditNote(e.currentTarget.value)} />
            </SimpleGrid>
          )}
          {anyIn && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <LocationSelect label={t('vendorReturns.resolve.location')} value={locationId} onChange={setLocationId} />
              {anyReplaced && <MoneyInput label={t('vendorReturns.resolve.unitFee')} value={unitFee} onChange={setUnitFee} />}
            </SimpleGrid>
          )}
          <Textarea label={t('vendorReturns.resolve.note')} autosize minRows={1} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          {nothing && <Alert color="orange">{t('vendorReturns.resolve.nothing')}</Alert>}
          {error ? <Alert color="red">{translateError(error)}</Alert> : null}
          <FormFooter onCancel={onClose} submitLabel={t('vendorReturns.resolve.submit')} loading={resolve.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

/** The new serials of a line's replacements, flagged as they are typed when another unit of the product has one. */
function ReplacementSerials({ productId, value, onChange }: { productId: number; value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation('purchasing');
  const taken = useTakenSerials(productId, serialList(value));
  return (
    <TextInput
      mt={4}
      size="xs"
      label={t('vendorReturns.replacements')}
      description={t('vendorReturns.resolve.serialsHint')}
      error={taken}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}
