import { Input, Paper, SegmentedControl, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { stockContract } from '@shared/contract/stock';
import { ApiError } from '@renderer/lib/api';
import { newStockLine, StockLinesEditor, stockLinesInput, useStockLines, type StockLine } from '@renderer/lib/pickers/StockLines';
import { translateError } from '@renderer/lib/errors';
import { notify } from '@renderer/lib/notify';
import { PageHeader } from '@renderer/lib/PageHeader';
import { useZodForm } from '@renderer/lib/useZodForm';
import { useInventoryProducts, useTransfer } from '../api';
import { LocationSelect } from '@renderer/lib/pickers/LocationSelect';
import { FormFooter } from '@renderer/lib/FormFooter';

type Mode = 'direct' | 'ship';
type Values = { fromLocationId: number | null; toLocationId: number | null; mode: Mode; note: string; lines: StockLine[] };
const positiveId = (raw: string | null) => (raw && Number(raw) > 0 ? Number(raw) : null);

/** Moves units between internal locations (warehouse → technician's van and back), directly or shipped. */
export function NewTransferPage() {
  const { t } = useTranslation('stock');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const presetProductId = positiveId(params.get('productId'));
  const transfer = useTransfer();
  const form = useZodForm(
    stockContract['stock.transfer'].input,
    { fromLocationId: positiveId(params.get('fromLocationId')), toLocationId: null, mode: 'direct', note: '', lines: [newStockLine()] } as Values,
    {
      toInput: (v) => ({
        fromLocationId: v.fromLocationId ?? undefined,
        toLocationId: v.toLocationId ?? undefined,
        mode: v.mode,
        note: v.note,
        lines: stockLinesInput(v.lines),
      }),
    },
  );
  const from = form.values.fromLocationId;
  const lines = form.values.lines;
  const stockLines = useStockLines(lines, (next) => form.setFieldValue('lines', next));

  // A row's "Transfer" action opens this page with its product on the first line.
  const preset = useInventoryProducts({ productId: presetProductId ?? undefined, locationId: from ?? undefined, pageSize: 1 }, presetProductId !== null && from !== null);
  const [presetApplied, setPresetApplied] = useState(false);
  if (!presetApplied && presetProductId && preset.data) {
    setPresetApplied(true);
    const row = preset.data.rows[0];
    if (row && lines.length === 1 && !lines[0]!.row) form.setFieldValue('lines', [{ ...lines[0]!, row }]);
  }

  const showServerError = (err: unknown) => {
    if (err instanceof ApiError && err.code === 'SAME_LOCATION') return form.setFieldError('toLocationId', translateError(err));
    if (stockLines.showError(err, translateError(err))) return;
    if (!form.applyApiError(err)) notify.error(err);
  };

  const submit = form.onSubmit(
    (input) => {
      if (!stockLines.check()) return;
      transfer.mutate(input, {
        onSuccess: (doc) => {
          notify.success('stock:transferForm.done', { number: doc.number });
          void navigate(`/stock/transfers/${doc.id}`);
        },
        onError: showServerError,
      });
    },
    // The schema sees only finished lines; say which ones are not, along with the field errors.
    () => void stockLines.check(),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={960}>
        <PageHeader title={t('transferForm.title')} />
        <Paper withBorder p="md">
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <LocationSelect
                label={t('transferForm.from')}
                required
                value={from}
                onChange={(id) => {
                  form.setFieldValue('fromLocationId', id);
                  // Lines hold products and serials of the old source: they no longer apply.
                  stockLines.reset();
                }}
                error={form.errors.fromLocationId}
              />
              <LocationSelect
                label={t('transferForm.to')}
                required
                exclude={from ? [from] : []}
                value={form.values.toLocationId}
                onChange={(id) => form.setFieldValue('toLocationId', id)}
                error={form.errors.toLocationId}
              />
            </SimpleGrid>
            <Input.Wrapper label={t('transferForm.mode')} description={t(`transferForm.modeHint.${form.values.mode}`)}>
              <SegmentedControl
                data-testid="transfer-mode"
                mt={4}
                data={[
                  { value: 'direct', label: t('transferForm.modes.direct') },
                  { value: 'ship', label: t('transferForm.modes.ship') },
                ]}
                value={form.values.mode}
                onChange={(mode) => form.setFieldValue('mode', mode as Mode)}
              />
            </Input.Wrapper>
          </Stack>
        </Paper>
        <Text fw={600}>{t('transferForm.lines')}</Text>
        {from ? (
          <StockLinesEditor state={stockLines} fromLocationId={from} missing={Boolean(form.errors.lines)} />
        ) : (
          <Text c="dimmed" size="sm">
            {t('transferForm.pickSourceFirst')}
          </Text>
        )}
        <Textarea label={t('common.note')} autosize minRows={2} {...form.getInputProps('note')} />
        <FormFooter onCancel={() => navigate('/stock/transfers')} submitLabel={form.values.mode === 'ship' ? t('transferForm.submitShip') : t('transferForm.submit')} loading={transfer.isPending} />
      </Stack>
    </form>
  );
}
