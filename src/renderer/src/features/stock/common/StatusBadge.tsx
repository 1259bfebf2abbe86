import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { en } from '../locales/en';

const colors: Record<string, string> = { inTransit: 'blue', done: 'teal', posted: 'teal', open: 'blue', canceled: 'gray', reversed: 'orange' };

type Props = { prefix: 'transfers'; status: keyof typeof en.transfers.statuses } | { prefix: 'counts'; status: keyof typeof en.counts.statuses };

/** The status of a transfer or stocktake, translated under `<prefix>.statuses`. */
export function StatusBadge(props: Props) {
  const { t } = useTranslation('stock');
  return (
    <Badge color={colors[props.status] ?? 'gray'} variant="light">
      {props.prefix === 'transfers' ? t(`transfers.statuses.${props.status}`) : t(`counts.statuses.${props.status}`)}
    </Badge>
  );
}
