// Cells many lists share.
import { Badge, Group, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
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

/** The row's actions (edit, a menu of more), at the row's end: always shown, its title for screen readers only. */
export function actionsColumn<T>(label: string, actions: (row: T) => ReactNode, options: { hidden?: boolean; width?: number } = {}): ListColumn<T> {
  return {
    accessor: 'actions',
    title: <VisuallyHidden>{label}</VisuallyHidden>,
    textAlign: 'right',
    width: options.width ?? 90,
    hidden: options.hidden,
    render: (row) => (
      <Group gap={4} justify="flex-end" wrap="nowrap">
        {actions(row)}
      </Group>
    ),
  };
}
