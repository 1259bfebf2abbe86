import { Badge, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUrlParam } from '@renderer/lib/useUrlParam';

const colors: Record<string, string> = { inTransit: 'blue', done: 'teal', posted: 'teal', open: 'blue', canceled: 'gray', reversed: 'orange' };

type Prefix = 'transfers' | 'counts';

/** The status of a transfer or stocktake, translated under `<prefix>.statuses`. */
export function StatusBadge({ prefix, status }: { prefix: Prefix; status: string }) {
  const { t } = useTranslation('stock');
  return (
    <Badge color={colors[status] ?? 'gray'} variant="light">
      {t(`${prefix}.statuses.${status}`)}
    </Badge>
  );
}

/** The `status` filter of a list of transfers or stocktakes, kept in the address; an unknown status there counts as none. */
export function useStatusFilter<S extends string>(statuses: readonly S[]): [S | undefined, (status: string) => void] {
  const [param, setParam] = useUrlParam('status');
  return [(statuses as readonly string[]).includes(param) ? (param as S) : undefined, setParam];
}

/** Chooses one status of a list of transfers or stocktakes ("any status" when cleared). */
export function StatusFilter<S extends string>({ prefix, statuses, value, onChange }: { prefix: Prefix; statuses: readonly S[]; value: S | undefined; onChange: (status: string) => void }) {
  const { t } = useTranslation('stock');
  return (
    <Select
      label={t('common.status')}
      placeholder={t('common.anyStatus')}
      clearable
      data={statuses.map((s) => ({ value: s, label: t(`${prefix}.statuses.${s}`) }))}
      value={value ?? null}
      onChange={(v) => onChange(v ?? '')}
      w={200}
    />
  );
}
