import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUsers } from '../lookups';

type Props = Omit<SelectProps<number>, 'data' | 'value' | 'onChange'> & { value: number | null; onChange: (id: number | null) => void };

export function UserSelect({ value, onChange, ...props }: Props) {
  const { t } = useTranslation('pickers');
  const users = useUsers();
  const data = (users.data ?? []).map((u) => ({ value: u.id, label: u.displayName }));
  return <Select<number> label={t('user')} searchable clearable {...props} data={data} value={value} onChange={(v) => onChange(v ?? null)} />;
}
