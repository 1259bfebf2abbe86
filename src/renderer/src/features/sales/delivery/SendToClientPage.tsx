// Units sent to a client outside any charge (a loan while a device is repaired, a replacement): the same
// delivery document as a charge's delivery, with a reason, so the Customer location is never reached by
// a bare transfer. /sales/delivery/send
import { Input, Paper, SegmentedControl, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { salesContract } from '@shared/contract/sales';
import { DayInput } from '@renderer/lib/DayInput';
import { translateError } from '@renderer/lib/errors';
import { FormFooter } from '@renderer/lib/FormFooter';
import { notify } from '@renderer/lib/notify';
import { PageHeader } from '@renderer/lib/PageHeader';
import { CompanySelect } from '@renderer/lib/pickers/CompanySelect';
import { LocationSelect } from '@renderer/lib/pickers/LocationSelect';
import { newStockLine, StockLinesEditor, stockLinesInput, useStockLines, type StockLine } from '@renderer/lib/pickers/StockLines';
import { useZodForm } from '@renderer/lib/useZodForm';
import { useSendToClient } from '../api';

type Method = 'deliver' | 'ship';
type Values = {
  companyId: number | null;
  fromLocationId: number | null;
  reason: string;
  method: Method;
  carrier: string;
  trackingNumber: string;
  shipDate: string | null;
  shipToName: string;
  shipToAddress: string;
  note: string;
  lines: StockLine[];
};

const orNull = (text: string) => (text.trim() ? text : null);

export function SendToClientPage() {
  const { t } = useTranslation(['sales', 'common']);
  const navigate = useNavigate();
  const send = useSendToClient();
  const form = useZodForm(
    salesContract['delivery.sendToClient'].input,
    {
      companyId: null,
      fromLocationId: null,
      reason: '',
      method: 'deliver',
      carrier: '',
      trackingNumber: '',
      shipDate: null,
      shipToName: '',
      shipToAddress: '',
      note: '',
      lines: [newStockLine()],
    } as Values,
    {
      toInput: (v) => ({
        companyId: v.companyId ?? undefined,
        fromLocationId: v.fromLocationId ?? undefined,
        reason: v.reason,
        method: v.method,
        ...(v.method === 'ship'
          ? { carrier: orNull(v.carrier), trackingNumber: orNull(v.trackingNumber), shipDate: v.shipDate, shipToName: orNull(v.shipToName), shipToAddress: orNull(v.shipToAddress) }
          : {}),
        note: orNull(v.note),
        lines: stockLinesInput(v.lines),
      }),
    },
  );
  const from = form.values.fromLocationId;
  const stockLines = useStockLines(form.values.lines, (next) => form.setFieldValue('lines', next));
  const ship = form.values.method === 'ship';

  const submit = form.onSubmit(
    (input) => {
      if (!stockLines.check()) return;
      send.mutate(input, {
        onSuccess: (doc) => {
          notify.success(ship ? 'sales:sendForm.shipped' : 'sales:sendForm.delivered', { number: doc.number });
          navigate(`/sales/deliveries/${doc.id}`);
        },
        onError: (err) => {
          if (stockLines.showError(err, translateError(err))) return;
          if (!form.applyApiError(err)) notify.error(err);
        },
      });
    },
    () => void stockLines.check(),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={960}>
        <PageHeader title={t('sendForm.title')} description={t('sendForm.description')} />
        <Paper withBorder p="md">
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <CompanySelect role="client" label={t('sendForm.client')} required value={form.values.companyId} onChange={(id) => form.setFieldValue('companyId', id)} error={form.errors.companyId} />
              <LocationSelect
                label={t('sendForm.from')}
                required
                value={from}
                onChange={(id) => {
                  form.setFieldValue('fromLocationId', id);
                  // Lines hold products and serials of the old source: they no longer apply.
                  stockLines.reset();
                }}
                error={form.errors.fromLocationId}
              />
            </SimpleGrid>
            <TextInput label={t('sendForm.reason')} description={t('sendForm.reasonHint')} required {...form.getInputProps('reason')} />
            <Input.Wrapper label={t('sendForm.method')}>
              <SegmentedControl
                data-testid="send-method"
                mt={4}
                data={[
                  { value: 'deliver', label: t('sendForm.methods.deliver') },
                  { value: 'ship', label: t('sendForm.methods.ship') },
                ]}
                value={form.values.method}
                onChange={(method) => form.setFieldValue('method', method as Method)}
              />
            </Input.Wrapper>
            {ship && (
              <>
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <TextInput label={t('deliverForm.carrier')} {...form.getInputProps('carrier')} />
                  <TextInput label={t('deliverForm.tracking')} {...form.getInputProps('trackingNumber')} />
                  <DayInput label={t('deliverForm.shipDate')} value={form.values.shipDate} onChange={(day) => form.setFieldValue('shipDate', day)} error={form.errors.shipDate} />
                </SimpleGrid>
                <TextInput label={t('deliverForm.shipToName')} description={t('deliverForm.shipToHint')} {...form.getInputProps('shipToName')} />
                <Textarea label={t('deliverForm.shipToAddress')} description={t('deliverForm.shipToHint')} autosize minRows={2} {...form.getInputProps('shipToAddress')} />
              </>
            )}
          </Stack>
        </Paper>
        <Text fw={600}>{t('sendForm.lines')}</Text>
        {from ? (
          <StockLinesEditor state={stockLines} fromLocationId={from} missing={Boolean(form.errors.lines)} />
        ) : (
          <Text c="dimmed" size="sm">
            {t('sendForm.pickSourceFirst')}
          </Text>
        )}
        <Textarea label={t('deliverForm.note')} autosize minRows={1} {...form.getInputProps('note')} />
        <FormFooter onCancel={() => navigate('/sales/delivery?tab=deliveries')} submitLabel={ship ? t('deliverForm.ship') : t('deliverForm.deliver')} loading={send.isPending} />
      </Stack>
    </form>
  );
}
