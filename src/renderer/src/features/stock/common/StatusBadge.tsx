import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const colors: Record<string, string> = { inTransit: 'blue', done: 'teal', posted: 'teal', open: 'blue', canceled: 'gray', reversed: 'orange' };

/** The status of a transfer or stocktake, translated under `<prefix>.statuses`. */
export function StatusBadge({ prefix, status }: { prefix: 'transfers' | 'counts'; status: string }) {
  const { t } = useTranslation('stock');
  return (
    <Badge color={colors[status] ?? 'gray'} variant="light">
      {t(`${prefix}.statuses.${status}`)}
    </Badge>
  );
}
