// Cells many lists share.
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ListColumn } from './useListView';

/** Active or inactive (users, locations, companies, products). */
export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation('common');
  return (
    <Badge variant="light" color={active ? 'teal' : 'gray'}>
      {active ? t('active') : t('inactive')}
    </Badge>
  );
}

/** The "active" column of a list of things that can be deactivated. */
export function activeColumn<T extends { active: boolean }>(title: string): ListColumn<T> {
  return { accessor: 'active', title, noWrap: true, render: (row) => <ActiveBadge active={row.active} /> };
}
