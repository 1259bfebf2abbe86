// The device swap wizard: a client's device replaced in one action. 1. the replacement, scanned (an available
// stocked unit), or none for now; 2. what happens to the device coming back (back to stock, the returns
// shelf, an RMA, or retired); 3. an optional charge for the replacement; then the reason and the swap.
// /sales/devices/:id/swap
import { Alert, Badge, Button, Checkbox, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { returnConditions, swapFates, type ReturnCondition, type SwapFate } from '@shared/contract/returns';
import { rmaTypes, type RmaType } from '@shared/contract/rma';
import { serialKey } from '@shared/serials';
import { useModuleOn } from '@renderer/lib/activations';
import { call } from '@renderer/lib/api';
import { BackLink } from '@renderer/lib/BackLink';
import { documentState, useRouteId } from '@renderer/lib/DocumentState';
import { translateError } from '@renderer/lib/errors';
import { FormFooter } from '@renderer/lib/FormFooter';
import { MoneyInput } from '@renderer/lib/MoneyInput';
import { notify } from '@renderer/lib/notify';
import { PageHeader } from '@renderer/lib/PageHeader';
import { CompanySelect } from '@renderer/lib/pickers/CompanySelect';
import { LocationSelect } from '@renderer/lib/pickers/LocationSelect';
import { ScanInput } from '@renderer/lib/pickers/ScanInput';
import { useApiMutation } from '@renderer/lib/query';
import { useCan } from '@renderer/lib/session';
import { useUntilEdited } from '@renderer/lib/staleMessage';
import { useDevice } from '../api';

interface Unit {
  serial: string;
  sku: string;
  productName: string;
  locationName: string;
  /** Held by a charge or a quote: the swap would be refused. */
  heldBy: string | null;
}

function Section({ step, title, children }: { step: number; title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group gap="xs">
          <Badge variant="filled" radius="xl" size="lg">
            {step}
          </Badge>
          <Title order={2} size="h4">
            {title}
          </Title>
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

export function SwapPage() {
  const { t } = useTranslation(['sales', 'common']);
  const navigate = useNavigate();
  const id = useRouteId();
  const device = useDevice(id);
  const rmaOn = useModuleOn('rma');
  const canRma = useCan('rma.manage') && rmaOn;
  const canCharge = useCan('sales.manage');
  const swap = useApiMutation('devices.swap', { silentError: true });
  const [unit, setUnit] = useState<Unit | null>(null);
  const [scanMessage, setScanMessage] = useState<string | null>(null);
  const [fate, setFate] = useState<SwapFate>('returns');
  const [locationId, setLocationId] = useState<number | null>(null);
  const [condition, setCondition] = useState<ReturnCondition>('faulty');
  const [rmaType, setRmaType] = useState<RmaType>('replace');
  const [fault, setFault] = useState('');
  const [vendorId, setVendorId] = useState<number | null>(null);
  const [charge, setCharge] = useState(false);
  const [price, setPrice] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const error = useUntilEdited(swap.error, [unit, fate, locationId, condition, rmaType, fault, vendorId, charge, price, reason]);
  const back = <BackLink to={`/sales/devices/${id}`}>{t('swap.back')}</BackLink>;
  const waiting = documentState(id, device, back, t('devices.notFound'));
  if (waiting || !device.data) return waiting;
  const d = device.data;
  const fates = swapFates.filter((f) => f !== 'rma' || (canRma && d.eligibleForRma));

  const find = async (serial: string): Promise<boolean> => {
    setScanMessage(null);
    const page = await call('stock.listLots', { serial, pageSize: 20 });
    const lot = page.rows.find((r) => r.serialNumber !== null && serialKey(r.serialNumber) === serialKey(serial));
    if (!lot) {
      setUnit(null);
      setScanMessage(t('swap.notInStock', { serial }));
      return false;
    }
    setUnit({ serial: lot.serialNumber!, sku: lot.sku, productName: lot.productName, locationName: lot.locationName, heldBy: lot.heldByChargeNumber ?? lot.heldByOpportunityNumber ?? lot.heldByRmaNumber ?? null });
    return true;
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const needed: Record<string, string> = {};
    if (!reason.trim()) needed.reason = t('common:validation.required');
    if (fate === 'stock' && locationId === null) needed.location = t('common:validation.required');
    if (fate === 'rma' && !fault.trim()) needed.fault = t('common:validation.required');
    setMissing(needed);
    if (Object.keys(needed).length > 0) return;
    swap.mutate(
      {
        deviceId: d.id,
        ...(unit ? { replacementSerial: unit.serial } : {}),
        fate,
        ...(locationId !== null && (fate === 'stock' || fate === 'rma') ? { locationId } : {}),
        condition,
        reason: reason.trim(),
        ...(fate === 'rma' ? { rma: { type: rmaType, fault: fault.trim(), vendorId } } : {}),
        ...(unit && charge ? { charge: price === null ? {} : { unitPrice: price } } : {}),
      },
      {
        onSuccess: (out) => {
          notify.success('sales:swap.done', { serial: d.serialNumber, replacement: unit?.serial ?? '—', returnNumber: out.returnNumber });
          void navigate(out.rmaId ? `/sales/rma/${out.rmaId}` : `/sales/devices/${out.newDeviceId ?? d.id}`);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={960}>
        {back}
        <PageHeader title={t('swap.title', { serial: d.serialNumber })} description={t('swap.description', { client: d.companyName, product: `${d.sku} · ${d.productName}` })} />
        {d.status !== 'installed' && <Alert color="orange">{t('swap.notInstalled')}</Alert>}
        <Section step={1} title={t('swap.replacementTitle')}>
          <Text size="sm" c="dimmed">
            {t('swap.replacementHint')}
          </Text>
          <ScanInput label={t('swap.scan')} buttonLabel={t('swap.find')} onScan={find} message={scanMessage} testId="swap-scan" />
          {unit && (
            <Group justify="space-between" data-testid="swap-replacement">
              <Text size="sm">
                <Text span fw={600}>
                  {unit.serial}
                </Text>{' '}
                · {unit.sku} · {unit.productName} · {unit.locationName}
              </Text>
              <Button variant="subtle" size="compact-sm" onClick={() => setUnit(null)}>
                {t('swap.noReplacement')}
              </Button>
            </Group>
          )}
          {unit?.heldBy && <Alert color="orange">{t('swap.held', { serial: unit.serial, holder: unit.heldBy })}</Alert>}
          {!unit && <Text size="sm">{t('swap.noneChosen')}</Text>}
        </Section>
        <Section step={2} title={t('swap.outgoingTitle', { serial: d.serialNumber })}>
          <SegmentedControl value={fate} onChange={(v) => setFate(v as SwapFate)} data={fates.map((f) => ({ value: f, label: t(`swap.fates.${f}`) }))} data-testid="swap-fate" />
          <Text size="sm" c="dimmed">
            {t(`swap.fateHints.${fate}`)}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {(fate === 'stock' || fate === 'rma') && <LocationSelect label={t('swap.location')} required={fate === 'stock'} error={missing.location} value={locationId} onChange={setLocationId} clearable={fate === 'rma'} />}
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('returns.form.condition')}
              </Text>
              <SegmentedControl value={condition} onChange={(v) => setCondition(v as ReturnCondition)} data={returnConditions.map((c) => ({ value: c, label: t(`returns.conditions.${c}`) }))} />
            </Stack>
          </SimpleGrid>
          {fate === 'rma' && (
            <>
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {t('rma.type')}
                </Text>
                <SegmentedControl value={rmaType} onChange={(v) => setRmaType(v as RmaType)} data={rmaTypes.map((v) => ({ value: v, label: t(`rma.types.${v}`) }))} />
              </Stack>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Textarea label={t('rma.fault')} required autosize minRows={2} value={fault} error={missing.fault} onChange={(e) => setFault(e.currentTarget.value)} />
                <CompanySelect role="vendor" label={t('rma.vendor')} clearable value={vendorId} onChange={setVendorId} />
              </SimpleGrid>
            </>
          )}
        </Section>
        <Section step={3} title={t('swap.chargeTitle')}>
          {canCharge && unit ? (
            <>
              <Checkbox label={t('swap.charge')} checked={charge} onChange={(e) => setCharge(e.currentTarget.checked)} />
              {charge && <MoneyInput label={t('swap.price')} description={t('swap.priceHint', { container: d.containerNumber ?? '—' })} value={price} onChange={setPrice} maw={260} />}
            </>
          ) : (
            <Text size="sm" c="dimmed">
              {unit ? t('swap.chargeNotAllowed') : t('swap.chargeNeedsReplacement')}
            </Text>
          )}
        </Section>
        <TextInput
          label={t('swap.reason')}
          placeholder={t('swap.reasonPlaceholder')}
          required
          value={reason}
          error={missing.reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        {error ? <Alert color="red">{translateError(error)}</Alert> : null}
        <FormFooter onCancel={() => void navigate(-1)} submitLabel={t('swap.submit')} loading={swap.isPending} disabled={d.status !== 'installed'} />
      </Stack>
    </form>
  );
}
