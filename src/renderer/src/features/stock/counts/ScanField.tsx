import { Alert, Stack, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconBarcode, IconCheck } from '@tabler/icons-react';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@renderer/lib/api';
import { translateError } from '@renderer/lib/errors';
import { useScanCount } from '../api';

type Feedback = { ok: true; text: string } | { ok: false; text: string };

/**
 * The scanner's target: a scanner types the code and Enter. Every scan is sent on its own (a fast
 * scanner does not wait for the previous answer), the field is emptied at once and keeps the focus,
 * and the last answer shows beside it without a sound.
 */
export function ScanField({ countId }: { countId: number }) {
  const { t } = useTranslation('stock');
  const scan = useScanCount();
  const input = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState('');
  const [feedback, setFeedback] = useState<Feedback | null>(null);

  const scanError = (err: unknown, scanned: string): string => {
    if (err instanceof ApiError) {
      if (err.code === 'NOT_FOUND') return t('counts.scanNotFound', { code: scanned });
      if (err.code === 'SERIAL_REQUIRED') return t('counts.scanNeedsSerial', { code: scanned });
      if (err.code === 'DUPLICATE_SERIAL') return t('counts.scanAlreadyCounted', { code: scanned });
      if (err.code === 'SERIAL_NOT_FOUND') return t('counts.scanSerialNotFound', { code: scanned });
    }
    return translateError(err);
  };

  const onKeyDown = async (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const scanned = code.trim();
    setCode('');
    input.current?.focus();
    if (!scanned) return;
    try {
      const r = await scan.mutateAsync({ id: countId, code: scanned });
      const text = r.serialNumber
        ? t('counts.scannedSerial', { product: r.productName, sku: r.sku, serial: r.serialNumber, count: r.countedQty })
        : t('counts.scanned', { product: r.productName, sku: r.sku, count: r.countedQty });
      setFeedback({ ok: true, text });
    } catch (err) {
      setFeedback({ ok: false, text: scanError(err, scanned) });
    }
    input.current?.focus();
  };

  return (
    <Stack gap="xs">
      <TextInput
        ref={input}
        size="xl"
        label={t('counts.scanLabel')}
        placeholder={t('counts.scanPlaceholder')}
        leftSection={<IconBarcode size={28} />}
        data-testid="scan-input"
        autoFocus
        autoComplete="off"
        value={code}
        onChange={(e) => setCode(e.currentTarget.value)}
        onKeyDown={(e) => void onKeyDown(e)}
      />
      {feedback && (
        <Alert
          data-testid="scan-feedback"
          role="status"
          color={feedback.ok ? 'teal' : 'red'}
          variant="light"
          icon={feedback.ok ? <IconCheck size={20} /> : <IconAlertTriangle size={20} />}
          styles={{ message: { fontSize: 'var(--mantine-font-size-lg)' } }}
        >
          {feedback.text}
        </Alert>
      )}
    </Stack>
  );
}
