// A client return being recorded: the client, the units coming back (devices scanned or listed, a
// quantity of a delivered charge, units we never sold), where they go, their condition and reason, and an
// optional credit. Opened from a device (?deviceId=), a charge (?chargeId=) or the Returns list.
// /sales/returns/new
import { ActionIcon, Alert, Button, Checkbox, Group, NumberInput, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { returnConditions, type ReturnCondition } from '@shared/contract/returns';
import { serialKey } from '@shared/serials';
import { call } from '@renderer/lib/api';
import { BackLink } from '@renderer/lib/BackLink';
import { translateError } from '@renderer/lib/errors';
import { FormFooter } from '@renderer/lib/FormFooter';
import { useInternalLocations } from '@renderer/lib/lookups';
import { MoneyInput } from '@renderer/lib/MoneyInput';
import { notify } from '@renderer/lib/notify';
import { PageHeader } from '@renderer/lib/PageHeader';
import { CompanySelect } from '@renderer/lib/pickers/CompanySelect';
import { LocationSelect } from '@renderer/lib/pickers/LocationSelect';
import { ProductSelect } from '@renderer/lib/pickers/ProductSelect';
import { ScanInput } from '@renderer/lib/pickers/ScanInput';
import { useCan } from '@renderer/lib/session';
import { useUntilEdited } from '@renderer/lib/staleMessage';
import { useFormat } from '@renderer/lib/useFormat';
import { useCreateReturn } from '../api';
import { ProductCell } from '@renderer/lib/ProductCell';

type Line =
  | { key: string; kind: 'device'; deviceId: number; serial: string; sku: string; productName: string; chargeNumber: string | null }
  | { key: string; kind: 'charge'; chargeId: number; chargeNumber: string; sku: string; productName: string; returnable: number; qty: number | string; unitPrice: number }
  | { key: string; kind: 'unsold'; productId: number; sku: string; productName: string; serial: string | null; qty: number; unitCost: number | null };

/** The client's devices at the client with exactly this serial (as serials compare). */
async function findDevice(serial: string) {
  const page = await call('devices.list', { serial, status: 'installed', pageSize: 20 });
  return page.rows.find((d) => serialKey(d.serialNumber) === serialKey(serial)) ?? null;
}

export function NewReturnPage() {
  const { t } = useTranslation(['sales', 'common']);
  const f = useFormat();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const canCredit = useCan('sales.manage');
  const create = useCreateReturn();
  const locations = useInternalLocations();
  const [companyId, setCompanyId] = useState<number | null>(params.get('companyId') ? Number(params.get('companyId')) : null);
  const [companyName, setCompanyName] = useState<string | null>(null);
  const [lines, setLines] = useState<Line[]>([]);
  const [locationId, setLocationId] = useState<number | null>(null);
  const [condition, setCondition] = useState<ReturnCondition>('used');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [credit, setCredit] = useState(false);
  const [creditAmount, setCreditAmount] = useState<number | null>(null);
  const [creditNote, setCreditNote] = useState('');
  const [scanMessage, setScanMessage] = useState<string | null>(null);
  const [unsoldOpen, setUnsoldOpen] = useState(false);
  const [unsold, setUnsold] = useState<{ product: { id: number; sku: string; name: string; serialized: boolean } | null; serial: string; qty: number | string; unitCost: number | null }>({ product: null, serial: '', qty: 1, unitCost: null });
  const [reasonError, setReasonError] = useState<string | null>(null);
  const error = useUntilEdited(create.error, [lines, locationId, condition, reason, credit, creditAmount]);
  const started = useRef(false);

  // The returns shelf by default, else the default location.
  const returnsShelf = locations.data?.find((l) => l.kind === 'returns')?.id ?? locations.data?.find((l) => l.isDefault)?.id ?? null;
  useEffect(() => {
    if (locationId === null && returnsShelf !== null) setLocationId(returnsShelf);
  }, [locationId, returnsShelf]);

  // Opened from a device or a charge: it is the first line, and its client the return's.
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const deviceId = Number(params.get('deviceId') ?? 0);
    const chargeId = Number(params.get('chargeId') ?? 0);
    if (deviceId > 0) {
      void call('devices.get', { id: deviceId }).then((d) => {
        setCompanyId(d.companyId);
        setCompanyName(d.companyName);
        if (d.status === 'installed') setLines([{ key: `d${d.id}`, kind: 'device', deviceId: d.id, serial: d.serialNumber, sku: d.sku, productName: d.productName, chargeNumber: d.chargeNumber }]);
      });
    } else if (chargeId > 0) {
      void call('sales.getCharge', { id: chargeId }).then(async (c) => {
        setCompanyId(c.companyId);
        setCompanyName(c.companyName);
        if (c.serialized) {
          const devices = await call('devices.list', { chargeId: c.id, status: 'installed', pageSize: 200 });
          setLines(devices.rows.map((d) => ({ key: `d${d.id}`, kind: 'device', deviceId: d.id, serial: d.serialNumber, sku: d.sku, productName: d.productName, chargeNumber: d.chargeNumber })));
        } else {
          const returnable = c.delivered - c.returned;
          setLines([{ key: `c${c.id}`, kind: 'charge', chargeId: c.id, chargeNumber: c.number, sku: c.sku ?? '', productName: c.productName ?? c.description, returnable, qty: returnable, unitPrice: c.unitPrice }]);
        }
      });
    }
  }, [params]);

  /** A scanned serial: the client's device becomes a line; one we did not sell goes to the unsold form. */
  const addScanned = async (serial: string): Promise<boolean> => {
    setScanMessage(null);
    if (lines.some((l) => (l.kind === 'device' || l.kind === 'unsold') && l.serial !== null && serialKey(l.serial) === serialKey(serial))) {
      setScanMessage(t('returns.form.alreadyListed', { serial }));
      return true;
    }
    const device = await findDevice(serial);
    if (!device) {
      setScanMessage(t('returns.form.notFound', { serial }));
      setUnsold((u) => ({ ...u, serial }));
      return true;
    }
    if (companyId !== null && device.companyId !== companyId) {
      setScanMessage(t('returns.form.otherClient', { serial: device.serialNumber, client: device.companyName }));
      return false;
    }
    setCompanyId(device.companyId);
    setCompanyName(device.companyName);
    setLines((ls) =>
      ls.some((l) => l.key === `d${device.id}`) ? ls : [...ls, { key: `d${device.id}`, kind: 'device', deviceId: device.id, serial: device.serialNumber, sku: device.sku, productName: device.productName, chargeNumber: device.chargeNumber }],
    );
    return true;
  };

  const addUnsold = () => {
    const p = unsold.product;
    if (!p) return;
    setLines((ls) => [
      ...ls,
      {
        key: `u${ls.length}-${p.id}-${unsold.serial}`,
        kind: 'unsold',
        productId: p.id,
        sku: p.sku,
        productName: p.name,
        serial: p.serialized ? unsold.serial.trim() : null,
        qty: p.serialized ? 1 : Number(unsold.qty) || 1,
        unitCost: unsold.unitCost,
      },
    ]);
    setUnsold({ product: null, serial: '', qty: 1, unitCost: null });
    setUnsoldOpen(false);
    setScanMessage(null);
  };

  // What the client paid for the units, when every line says (a device's price is on its charge).
  const paid = lines.every((l) => l.kind === 'charge') && lines.length > 0 ? lines.reduce((n, l) => n + (l.kind === 'charge' ? Number(l.qty) * l.unitPrice : 0), 0) : null;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setReasonError(t('common:validation.required'));
      return;
    }
    if (companyId === null || lines.length === 0) return;
    create.mutate(
      {
        companyId,
        locationId: locationId ?? undefined,
        condition,
        reason: reason.trim(),
        note: note.trim() || null,
        lines: lines.map((l) =>
          l.kind === 'device'
            ? { deviceId: l.deviceId }
            : l.kind === 'charge'
              ? { chargeId: l.chargeId, qty: Number(l.qty) }
              : { productId: l.productId, ...(l.serial ? { serial: l.serial } : { qty: l.qty }), ...(l.unitCost === null ? {} : { unitCost: l.unitCost }) },
        ),
        ...(credit ? { credit: { ...(creditAmount === null ? {} : { amount: creditAmount }), note: creditNote.trim() || null } } : {}),
      },
      {
        onSuccess: (doc) => {
          const units = lines.reduce((n, l) => n + (l.kind === 'device' ? 1 : Number(l.qty)), 0);
          notify.success('sales:returns.form.done', { number: doc.number, count: units });
          void navigate(`/sales/returns/${doc.id}`);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={1000}>
        <BackLink to="/sales/returns">{t('returns.back')}</BackLink>
        <PageHeader title={t('returns.form.title')} description={t('returns.form.description')} />
        <Paper withBorder p="md">
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <CompanySelect
                role="client"
                label={t('returns.form.client')}
                required
                value={companyId}
                selectedName={companyName ?? undefined}
                onChange={(id) => {
                  setCompanyId(id);
                  // Lines of another client no longer apply.
                  setLines([]);
                }}
              />
              <Stack gap="xs">
                <ScanInput label={t('returns.form.scan')} description={t('returns.form.scanHint')} buttonLabel={t('returns.form.add')} onScan={addScanned} message={scanMessage} testId="return-scan" />
              </Stack>
            </SimpleGrid>
            <Group>
              <Button variant="subtle" leftSection={<IconPlus size={16} />} onClick={() => setUnsoldOpen((o) => !o)}>
                {t('returns.form.addUnsold')}
              </Button>
            </Group>
            {unsoldOpen && (
              <Paper withBorder p="sm" bg="var(--mantine-color-default-hover)">
                <Stack gap="xs">
                  <Text size="sm" fw={600}>
                    {t('returns.form.unsoldTitle')}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('returns.form.unsoldHint')}
                  </Text>
                  <SimpleGrid cols={{ base: 1, sm: 4 }}>
                    <ProductSelect
                      label={t('returns.form.product')}
                      value={unsold.product?.id ?? null}
                      onChange={(p) => setUnsold((u) => ({ ...u, product: p ? { id: p.id, sku: p.sku, name: p.name, serialized: p.serialized } : null }))}
                    />
                    {unsold.product?.serialized !== false ? (
                      <TextInput label={t('returns.form.serial')} value={unsold.serial} onChange={(e) => setUnsold((u) => ({ ...u, serial: e.currentTarget.value }))} />
                    ) : (
                      <NumberInput label={t('returns.form.qty')} min={1} allowDecimal={false} allowNegative={false} value={unsold.qty} onChange={(v) => setUnsold((u) => ({ ...u, qty: v }))} />
                    )}
                    <MoneyInput label={t('returns.form.unitCost')} value={unsold.unitCost} onChange={(v) => setUnsold((u) => ({ ...u, unitCost: v }))} />
                    <Button mt={24} onClick={addUnsold} disabled={!unsold.product || (unsold.product.serialized && !unsold.serial.trim())}>
                      {t('returns.form.addLine')}
                    </Button>
                  </SimpleGrid>
                </Stack>
              </Paper>
            )}
          </Stack>
        </Paper>
        <Text fw={700}>{t('returns.form.linesTitle')}</Text>
        {lines.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('returns.form.noLines')}
          </Text>
        ) : (
          <Table withTableBorder striped data-testid="return-form-lines">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('returns.product')}</Table.Th>
                <Table.Th>{t('returns.form.device')}</Table.Th>
                <Table.Th>{t('returns.charge')}</Table.Th>
                <Table.Th ta="right">{t('returns.qty')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((l) => (
                <Table.Tr key={l.key}>
                  <Table.Td>
                    <ProductCell sku={l.sku} name={l.productName} />
                  </Table.Td>
                  <Table.Td>{l.kind === 'device' ? l.serial : l.kind === 'unsold' ? (l.serial ?? '—') : '—'}</Table.Td>
                  <Table.Td>
                    {l.kind === 'device' ? (l.chargeNumber ?? '—') : l.kind === 'charge' ? t('returns.form.ofCharge', { number: l.chargeNumber, returnable: f.qty(l.returnable) }) : t('returns.notSold')}
                  </Table.Td>
                  <Table.Td ta="right" w={120}>
                    {l.kind === 'charge' ? (
                      <NumberInput
                        aria-label={t('returns.qty')}
                        min={1}
                        max={l.returnable}
                        allowDecimal={false}
                        allowNegative={false}
                        value={l.qty}
                        onChange={(v) => setLines((ls) => ls.map((x) => (x.key === l.key && x.kind === 'charge' ? { ...x, qty: v } : x)))}
                        size="xs"
                      />
                    ) : (
                      f.qty(l.kind === 'device' ? 1 : l.qty)
                    )}
                  </Table.Td>
                  <Table.Td w={48}>
                    <ActionIcon variant="subtle" color="red" aria-label={t('returns.form.remove')} onClick={() => setLines((ls) => ls.filter((x) => x.key !== l.key))}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Paper withBorder p="md">
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <LocationSelect label={t('returns.form.location')} description={t('returns.form.locationHint')} required value={locationId} onChange={setLocationId} />
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {t('returns.form.condition')}
                </Text>
                <SegmentedControl
                  value={condition}
                  onChange={(v) => setCondition(v as ReturnCondition)}
                  data={returnConditions.map((c) => ({ value: c, label: t(`returns.conditions.${c}`) }))}
                  data-testid="return-condition"
                />
              </Stack>
            </SimpleGrid>
            <TextInput
              label={t('returns.form.reason')}
              placeholder={t('returns.form.reasonPlaceholder')}
              required
              value={reason}
              error={reasonError}
              onChange={(e) => {
                setReason(e.currentTarget.value);
                setReasonError(null);
              }}
            />
            <Textarea label={t('returns.form.note')} autosize minRows={1} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
            {canCredit && (
              <>
                <Checkbox label={t('returns.form.giveCredit')} checked={credit} onChange={(e) => setCredit(e.currentTarget.checked)} />
                {credit && (
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <MoneyInput
                      label={t('returns.form.creditAmount')}
                      description={paid !== null ? t('returns.form.creditHint', { amount: f.money(paid) }) : t('returns.form.creditHintUnknown')}
                      value={creditAmount}
                      onChange={setCreditAmount}
                    />
                    <TextInput label={t('returns.form.creditNote')} value={creditNote} onChange={(e) => setCreditNote(e.currentTarget.value)} />
                  </SimpleGrid>
                )}
              </>
            )}
          </Stack>
        </Paper>
        {error ? <Alert color="red">{translateError(error)}</Alert> : null}
        <FormFooter onCancel={() => void navigate(-1)} submitLabel={t('returns.form.submit')} loading={create.isPending} disabled={companyId === null || lines.length === 0} />
      </Stack>
    </form>
  );
}
