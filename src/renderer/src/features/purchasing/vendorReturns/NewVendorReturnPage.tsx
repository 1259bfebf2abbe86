// Units going back to a vendor: the vendor and its RMA number, the location they leave from, the units
// (serials scanned, or a quantity of a product, oldest first) and why. Sending moves them to the vendor at
// their cost. Opened from the list, or from a stocked unit (?locationId=&productId=&serial=&vendorId=).
// /purchasing/vendor-returns/new
import { ActionIcon, Alert, Button, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { vendorReturnReasons, type VendorReturnReason } from '@shared/contract/vendorReturns';
import { serialKey } from '@shared/serials';
import { call } from '@renderer/lib/api';
import { BackLink } from '@renderer/lib/BackLink';
import { DayInput } from '@renderer/lib/DayInput';
import { translateError } from '@renderer/lib/errors';
import { FormFooter } from '@renderer/lib/FormFooter';
import { notify } from '@renderer/lib/notify';
import { PageHeader } from '@renderer/lib/PageHeader';
import { CompanySelect } from '@renderer/lib/pickers/CompanySelect';
import { LocationSelect } from '@renderer/lib/pickers/LocationSelect';
import { ProductSelect } from '@renderer/lib/pickers/ProductSelect';
import { ScanInput } from '@renderer/lib/pickers/ScanInput';
import { useUntilEdited } from '@renderer/lib/staleMessage';
import { useFormat } from '@renderer/lib/useFormat';
import { useCreateVendorReturn } from '../api';
import { ProductCell } from '@renderer/lib/ProductCell';

type Line = { key: string; productId: number; sku: string; productName: string } & ({ serial: string } | { serial: null; qty: number | string });

/** The unit with exactly this serial (as serials compare) at the location, if it is there. */
async function unitAt(serial: string, locationId: number) {
  const page = await call('stock.listLots', { serial, locationId, pageSize: 20 });
  return page.rows.find((r) => r.serialNumber !== null && serialKey(r.serialNumber) === serialKey(serial)) ?? null;
}

export function NewVendorReturnPage() {
  const { t } = useTranslation(['purchasing', 'common']);
  const f = useFormat();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const create = useCreateVendorReturn();
  const [vendorId, setVendorId] = useState<number | null>(params.get('vendorId') ? Number(params.get('vendorId')) : null);
  const [locationId, setLocationId] = useState<number | null>(params.get('locationId') ? Number(params.get('locationId')) : null);
  const [reason, setReason] = useState<VendorReturnReason>('deadOnArrival');
  const [vendorRma, setVendorRma] = useState('');
  const [tracking, setTracking] = useState('');
  const [expectedBy, setExpectedBy] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [lines, setLines] = useState<Line[]>([]);
  const [scanMessage, setScanMessage] = useState<string | null>(null);
  const [product, setProduct] = useState<{ id: number; sku: string; name: string; serialized: boolean } | null>(null);
  const [qty, setQty] = useState<number | string>(1);
  const [missing, setMissing] = useState<{ vendor?: string; location?: string; vendorRma?: string }>({});
  const error = useUntilEdited(create.error, [vendorId, locationId, reason, vendorRma, lines]);
  const started = useRef(false);

  const addSerial = async (serial: string, at: number | null = locationId): Promise<boolean> => {
    setScanMessage(null);
    if (at === null) {
      setMissing((m) => ({ ...m, location: t('common:validation.required') }));
      return false;
    }
    if (lines.some((l) => l.serial !== null && serialKey(l.serial) === serialKey(serial))) {
      setScanMessage(t('vendorReturns.form.alreadyListed', { serial }));
      return true;
    }
    const unit = await unitAt(serial, at);
    if (!unit) {
      setScanMessage(t('vendorReturns.form.notFound', { serial }));
      return false;
    }
    const holder = unit.heldByChargeNumber ?? unit.heldByOpportunityNumber ?? unit.heldByRmaNumber;
    if (unit.allocated > 0 && holder) {
      setScanMessage(t('vendorReturns.form.held', { serial: unit.serialNumber, document: holder }));
      return false;
    }
    setLines((ls) => (ls.some((l) => l.key === `s${unit.lotId}`) ? ls : [...ls, { key: `s${unit.lotId}`, productId: unit.productId, sku: unit.sku, productName: unit.productName, serial: unit.serialNumber! }]));
    return true;
  };

  // Opened from a stocked unit: it is the first line.
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const serial = params.get('serial');
    const at = Number(params.get('locationId') ?? 0);
    if (serial && at > 0) void addSerial(serial, at);
  });

  const addProduct = () => {
    if (!product || product.serialized) return;
    setLines((ls) => [...ls, { key: `q${ls.length}-${product.id}`, productId: product.id, sku: product.sku, productName: product.name, serial: null, qty }]);
    setProduct(null);
    setQty(1);
  };

  const units = lines.reduce((n, l) => n + (l.serial !== null ? 1 : Number(l.qty) || 0), 0);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const required = t('common:validation.required');
    const needed = { ...(vendorId === null ? { vendor: required } : {}), ...(locationId === null ? { location: required } : {}), ...(!vendorRma.trim() ? { vendorRma: required } : {}) };
    setMissing(needed);
    if (Object.keys(needed).length > 0 || vendorId === null || locationId === null || lines.length === 0) return;
    // Serials of one product travel on one line; each quantity line stays its own.
    const bySerialProduct = new Map<number, string[]>();
    for (const l of lines) if (l.serial !== null) bySerialProduct.set(l.productId, [...(bySerialProduct.get(l.productId) ?? []), l.serial]);
    create.mutate(
      {
        vendorId,
        locationId,
        reason,
        vendorRmaNumber: vendorRma.trim(),
        trackingNumber: tracking.trim() || null,
        expectedBy,
        note: note.trim() || null,
        lines: [
          ...[...bySerialProduct].map(([productId, serials]) => ({ productId, serials })),
          ...lines.flatMap((l) => (l.serial === null ? [{ productId: l.productId, qty: Number(l.qty) }] : [])),
        ],
      },
      {
        onSuccess: (doc) => {
          notify.success('purchasing:vendorReturns.form.done', { number: doc.number, count: units });
          void navigate(`/purchasing/vendor-returns/${doc.id}`);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={1000}>
        <BackLink to="/purchasing/vendor-returns">{t('vendorReturns.back')}</BackLink>
        <PageHeader title={t('vendorReturns.form.title')} description={t('vendorReturns.form.description')} />
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <CompanySelect
              role="vendor"
              label={t('vendorReturns.form.vendor')}
              required
              error={missing.vendor}
              value={vendorId}
              onChange={(id) => {
                setVendorId(id);
                setMissing((m) => ({ ...m, vendor: undefined }));
              }}
            />
            <TextInput
              label={t('vendorReturns.form.vendorRma')}
              description={t('vendorReturns.form.vendorRmaHint')}
              required
              error={missing.vendorRma}
              value={vendorRma}
              onChange={(e) => {
                setVendorRma(e.currentTarget.value);
                setMissing((m) => ({ ...m, vendorRma: undefined }));
              }}
            />
            <LocationSelect
              label={t('vendorReturns.form.location')}
              required
              error={missing.location}
              value={locationId}
              onChange={(id) => {
                setLocationId(id);
                setMissing((m) => ({ ...m, location: undefined }));
                // Units listed were found at the other location.
                setLines([]);
              }}
            />
            <Select
              label={t('vendorReturns.form.reason')}
              required
              allowDeselect={false}
              data={vendorReturnReasons.map((r) => ({ value: r, label: t(`vendorReturns.reasons.${r}`) }))}
              value={reason}
              onChange={(v) => v && setReason(v as VendorReturnReason)}
            />
          </SimpleGrid>
        </Paper>
        <Paper withBorder p="md">
          <Stack>
            <ScanInput label={t('vendorReturns.form.scan')} description={t('vendorReturns.form.scanHint')} buttonLabel={t('vendorReturns.form.add')} onScan={(s) => addSerial(s)} message={scanMessage} testId="vendor-return-scan" />
            <Text size="sm" fw={600}>
              {t('vendorReturns.form.addProduct')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <ProductSelect label={t('vendorReturns.form.product')} value={product?.id ?? null} onChange={(p) => setProduct(p ? { id: p.id, sku: p.sku, name: p.name, serialized: p.serialized } : null)} />
              <NumberInput label={t('vendorReturns.form.qty')} min={1} allowDecimal={false} allowNegative={false} value={qty} onChange={setQty} disabled={product?.serialized === true} />
              <Button mt={24} variant="default" onClick={addProduct} disabled={!product || product.serialized || !(Number(qty) > 0)}>
                {t('vendorReturns.form.addLine')}
              </Button>
            </SimpleGrid>
            {product?.serialized && (
              <Text size="xs" c="dimmed">
                {t('vendorReturns.form.scanHint')}
              </Text>
            )}
          </Stack>
        </Paper>
        <Text fw={700}>
          {t('vendorReturns.form.linesTitle')} {units > 0 ? `(${f.qty(units)})` : ''}
        </Text>
        {lines.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('vendorReturns.form.noLines')}
          </Text>
        ) : (
          <Table withTableBorder striped data-testid="vendor-return-form-lines">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('vendorReturns.product')}</Table.Th>
                <Table.Th>{t('vendorReturns.serial')}</Table.Th>
                <Table.Th ta="right">{t('vendorReturns.qty')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((l) => (
                <Table.Tr key={l.key}>
                  <Table.Td>
                    <ProductCell sku={l.sku} name={l.productName} />
                  </Table.Td>
                  <Table.Td>{l.serial ?? '—'}</Table.Td>
                  <Table.Td ta="right" w={120}>
                    {l.serial === null ? (
                      <NumberInput
                        aria-label={t('vendorReturns.qty')}
                        min={1}
                        allowDecimal={false}
                        allowNegative={false}
                        size="xs"
                        value={l.qty}
                        onChange={(v) => setLines((ls) => ls.map((x) => (x.key === l.key && x.serial === null ? { ...x, qty: v } : x)))}
                      />
                    ) : (
                      f.qty(1)
                    )}
                  </Table.Td>
                  <Table.Td w={48}>
                    <ActionIcon variant="subtle" color="red" aria-label={t('vendorReturns.form.remove')} onClick={() => setLines((ls) => ls.filter((x) => x.key !== l.key))}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('vendorReturns.form.tracking')} value={tracking} onChange={(e) => setTracking(e.currentTarget.value)} />
            <DayInput label={t('vendorReturns.form.expectedBy')} value={expectedBy} onChange={setExpectedBy} />
          </SimpleGrid>
          <Textarea mt="sm" label={t('vendorReturns.form.note')} autosize minRows={1} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        </Paper>
        {error ? <Alert color="red">{translateError(error)}</Alert> : null}
        <FormFooter onCancel={() => void navigate(-1)} submitLabel={t('vendorReturns.form.submit')} loading={create.isPending} disabled={lines.length === 0} />
      </Stack>
    </form>
  );
}
