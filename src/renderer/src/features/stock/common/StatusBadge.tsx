import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CellBadge } from '@renderer/lib/list';
import { useUrlParam } from '@renderer/lib/useUrlParam';
import type { en } from '../locales/en';

const colors: Record<string, string> = { inTransit: 'blue', partlyReceived: 'yellow', done: 'teal', posted: 'teal', open: 'blue', submitted: 'yellow', canceled: 'gray', reversed: 'orange' };

type TransferStatus = keyof typeof en.transfers.statuses;
type CountStatus = keyof typeof en.counts.statuses;
type Props = { prefix: 'transfers'; status: TransferStatus } | { prefix: 'counts'; status: CountStatus };

/** The translated name of a transfer's or a stocktake's status. */
function useStatusLabel() {
  const { t } = useTranslation('stock');
  return (props: Props) => (props.prefix === 'transfers' ? t(`transfers.statuses.${props.status}`) : t(`counts.statuses.${props.status}`));
}

/** The status of a transfer or stocktake, translated under `<prefix>.statuses`. */
export function StatusBadge(props: Props) {
  const label = useStatusLabel();
  return <CellBadge color={colors[props.status] ?? 'gray'}>{label(props)}</CellBadge>;
}

/** The `status` filter of a list of transfers or stocktakes, kept in the address; an unknown status there counts as none. */
export function useStatusFilter<S extends string>(statuses: readonly S[]): [S | undefined, (status: string) => void] {
  const [param, setParam] = useUrlParam('status');
  return [(statuses as readonly string[]).includes(param) ? (param as S) : undefined, setParam];
}

/** Chooses one status of a list of transfers or stocktakes ("any status" when cleared). */
export function StatusFilter({ value, onChange, ...list }: ({ prefix: 'transfers'; statuses: readonly TransferStatus[] } | { prefix: 'counts'; statuses: readonly CountStatus[] }) & { value: string | undefined; onChange: (status: string) => void }) {
  const { t } = useTranslation('stock');
  const label = useStatusLabel();
  const data = list.prefix === 'transfers' ? list.statuses.map((status) => ({ value: status, label: label({ prefix: 'transfers', status }) })) : list.statuses.map((status) => ({ value: status, label: label({ prefix: 'counts', status }) }));
  return <Select label={t('common.status')} placeholder={t('common.anyStatus')} clearable data={data} value={value ?? null} onChange={(v) => onChange(v ?? '')} w={200} />;
}
