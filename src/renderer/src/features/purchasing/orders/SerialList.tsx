import { Anchor, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const SHOWN = 3;

/** Serial numbers of a receipt line: the first few, and the rest on request (a line may hold hundreds). */
export function SerialList({ serials }: { serials: string[] }) {
  const { t } = useTranslation('purchasing');
  const [open, setOpen] = useState(false);
  if (serials.length === 0) return null;
  const shown = open ? serials : serials.slice(0, SHOWN);
  return (
    <Text size="xs" ff="monospace" style={{ wordBreak: 'break-word' }} data-testid="receipt-serials">
      {shown.join(', ')}
      {serials.length > SHOWN && (
        <>
          {' '}
          <Anchor component="button" type="button" size="xs" onClick={() => setOpen((o) => !o)} ff="var(--mantine-font-family)">
            {open ? t('receipts.showFewer') : t('receipts.showAll', { count: serials.length })}
          </Anchor>
        </>
      )}
    </Text>
  );
}
