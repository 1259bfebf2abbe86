// The Print labels dialog, one for every screen that labels something (inventory products, stocked items, a
// product's page, a location): what gets a label and what each one will say, Code 128 or QR, an A4 sheet or a
// label printer's roll, copies; the PDF comes back from the host and is downloaded. A refusal (a code too
// long for Code 128) shows in the dialog, where the clerk can switch to QR and try again. The last code and
// paper chosen are remembered on this computer: a warehouse with a label printer always prints on the roll.
import { Alert, Checkbox, Group, Modal, NumberInput, Radio, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LABELS_PER_SHEET, MAX_LABEL_COPIES, MAX_LABELS, labelFormats, labelSymbologies, type LabelFormat, type LabelSymbology } from '@shared/contract/labels';
import { FormFooter } from '../FormFooter';
import { translateError } from '../errors';
import { notify } from '../notify';
import { downloadBlob, pdfBlob } from '../pdf';
import { useApiMutation } from '../query';
import { useFormat } from '../useFormat';

export interface LabelTargets {
  productIds?: number[];
  /** Stocked items (lots): a serialized unit's label carries its serial number. */
  lotIds?: number[];
  /** A location: its own label and, if chosen, one per bin. */
  location?: { id: number; name: string };
  /** The codes of what was ticked (SKUs, serial numbers), to show what is being labelled. */
  codes?: string[];
}

const SHOWN_CODES = 6;

const CHOICE_KEY = 'labels.choice';

function rememberedChoice(): { symbology: LabelSymbology; format: LabelFormat } {
  try {
    const saved = JSON.parse(localStorage.getItem(CHOICE_KEY) ?? '{}') as { symbology?: unknown; format?: unknown };
    return {
      symbology: labelSymbologies.find((s) => s === saved.symbology) ?? 'code128',
      format: labelFormats.find((f) => f === saved.format) ?? 'a4',
    };
  } catch {
    return { symbology: 'code128', format: 'a4' };
  }
}

export function PrintLabelsModal({ targets, onClose }: { targets: LabelTargets; onClose: () => void }) {
  const { t, i18n } = useTranslation(['labels', 'errors']);
  const f = useFormat();
  const [choice, setChoice] = useState(rememberedChoice);
  // As typed (a cleared box stays empty while the next digit is typed); an empty or odd value prints one copy.
  const [copiesTyped, setCopiesTyped] = useState<number | string>(1);
  const copies = typeof copiesTyped === 'number' && Number.isInteger(copiesTyped) ? Math.min(MAX_LABEL_COPIES, Math.max(1, copiesTyped)) : 1;
  const [startTyped, setStartTyped] = useState<number | string>(1);
  const startAt = choice.format === 'a4' && typeof startTyped === 'number' && Number.isInteger(startTyped) ? Math.min(LABELS_PER_SHEET, Math.max(1, startTyped)) : 1;
  const [withLocation, setWithLocation] = useState(true);
  const [withBins, setWithBins] = useState(false);
  const print = useApiMutation('stock.labelsPdf', { refetch: false, silentError: true });

  const productIds = [...new Set(targets.productIds ?? [])];
  const lotIds = [...new Set(targets.lotIds ?? [])];
  const location = targets.location;
  const codes = [...new Set(targets.codes ?? [])];
  const locationIds = location && withLocation ? [location.id] : [];
  const binsOfLocationIds = location && withBins ? [location.id] : [];
  const known = productIds.length + lotIds.length + locationIds.length;
  const nothing = known === 0 && binsOfLocationIds.length === 0;
  const labels = known * copies;
  const tooMany = labels > MAX_LABELS;

  const choose = (next: Partial<typeof choice>) => {
    const value = { ...choice, ...next };
    setChoice(value);
    print.reset();
    try {
      localStorage.setItem(CHOICE_KEY, JSON.stringify(value));
    } catch {
      // A browser that keeps nothing still prints; it only forgets the choice.
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (nothing || tooMany) return;
    print.mutate(
      { productIds, lotIds, locationIds, binsOfLocationIds, symbology: choice.symbology, format: choice.format, copies, startAt, locale: i18n.language === 'es' ? 'es' : 'en' },
      {
        onSuccess: (pdf) => {
          downloadBlob(pdfBlob(pdf.base64), pdf.filename);
          notify.success('labels:done', { labels: t('labels:total', { count: pdf.labels }), pages: t('labels:pages', { count: pdf.pages }) });
          onClose();
        },
      },
    );
  };

  const total = t('labels:total', { count: labels });
  const summary = nothing
    ? t('labels:nothingChosen')
    : binsOfLocationIds.length === 0
      ? total
      : known === 0
        ? t('labels:binsOnly', { count: copies })
        : t('labels:totalWithBins', { labels: total, copies: f.qty(copies) });
  return (
    <Modal opened onClose={onClose} title={t('labels:title')} size="lg">
      <form onSubmit={submit} noValidate data-testid="print-labels">
        <Stack gap="md">
          <Stack gap={6}>
            <Text size="sm" fw={600}>
              {t('labels:what')}
            </Text>
            {productIds.length > 0 && <Text size="sm">{t('labels:products', { count: productIds.length })}</Text>}
            {lotIds.length > 0 && <Text size="sm">{t('labels:units', { count: lotIds.length })}</Text>}
            {codes.length > 0 && (
              <Text size="sm" c="dimmed" data-testid="print-labels-codes">
                {codes.slice(0, SHOWN_CODES).join(', ')}
                {codes.length > SHOWN_CODES ? ` ${t('labels:more', { count: codes.length - SHOWN_CODES })}` : ''}
              </Text>
            )}
            {location && (
              <>
                <Checkbox label={t('labels:locationSelf', { name: location.name })} checked={withLocation} onChange={(e) => setWithLocation(e.currentTarget.checked)} />
                <Checkbox label={t('labels:locationBins', { name: location.name })} checked={withBins} onChange={(e) => setWithBins(e.currentTarget.checked)} />
              </>
            )}
          </Stack>
          <Radio.Group label={t('labels:symbology')} value={choice.symbology} onChange={(v) => choose({ symbology: v as LabelSymbology })}>
            <Stack gap="xs" mt={6}>
              <Radio value="code128" label={t('labels:code128')} description={t('labels:code128Help')} />
              <Radio value="qr" label={t('labels:qr')} description={t('labels:qrHelp')} />
            </Stack>
          </Radio.Group>
          <Radio.Group label={t('labels:format')} value={choice.format} onChange={(v) => choose({ format: v as LabelFormat })}>
            <Stack gap="xs" mt={6}>
              <Radio value="a4" label={t('labels:a4')} description={t('labels:a4Help')} />
              <Radio value="roll" label={t('labels:roll')} description={t('labels:rollHelp')} />
            </Stack>
          </Radio.Group>
          <Group align="flex-start" grow wrap="nowrap">
            <NumberInput
              label={t('labels:copies')}
              value={copiesTyped}
              onChange={setCopiesTyped}
              min={1}
              max={MAX_LABEL_COPIES}
              allowDecimal={false}
              allowNegative={false}
              clampBehavior="strict"
            />
            {choice.format === 'a4' ? (
              <NumberInput
                label={t('labels:startAt')}
                description={t('labels:startAtHelp')}
                value={startTyped}
                onChange={setStartTyped}
                min={1}
                max={LABELS_PER_SHEET}
                allowDecimal={false}
                allowNegative={false}
                clampBehavior="strict"
                inputWrapperOrder={['label', 'input', 'description']}
              />
            ) : (
              <span />
            )}
          </Group>
          <Text size="sm" fw={600} data-testid="print-labels-total">
            {summary}
          </Text>
          {tooMany && <Alert color="orange">{t('errors:VALIDATION_tooManyLabels', { labels: f.qty(labels), max: f.qty(MAX_LABELS) })}</Alert>}
          {print.error && (
            <Alert color="red" data-testid="print-labels-error">
              {translateError(print.error)}
            </Alert>
          )}
          <Text size="xs" c="dimmed">
            {t('labels:scanHint')}
          </Text>
          <FormFooter onCancel={onClose} submitLabel={t('labels:print')} loading={print.isPending} disabled={nothing || tooMany} />
        </Stack>
      </form>
    </Modal>
  );
}
