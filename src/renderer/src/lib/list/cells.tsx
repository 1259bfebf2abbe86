// Cells many lists share.
import { Group, VisuallyHidden } from '@mantine/core';
import type { CSSProperties, HTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListColumn } from './useListView';

export interface CellBadgeProps extends HTMLAttributes<HTMLSpanElement> {
  /** A theme colour: teal, blue, gray… */
  color: string;
  variant?: 'light' | 'outline';
}

/**
 * A badge (a status, a kind) as a plain element that looks as Mantine's Badge does (.app-badge in
 * app.css, the same colour variables, so the theme's contrast fixes hold): lists draw one or two per
 * row, and a Badge costs several times an element to render.
 */
export function CellBadge({ color, variant = 'light', className, style, ...rest }: CellBadgeProps) {
  const colors =
    variant === 'light'
      ? { '--app-badge-bg': `var(--mantine-color-${color}-light)`, '--app-badge-color': `var(--mantine-color-${color}-light-color)` }
      : { '--app-badge-color': `var(--mantine-color-${color}-outline)`, '--app-badge-border': `var(--mantine-color-${color}-outline)` };
  return <span className={className ? `app-badge ${className}` : 'app-badge'} data-variant={variant} style={{ ...colors, ...style } as CSSProperties} {...rest} />;
}

/** Active or inactive (users, locations, companies, products). */
export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation('common');
  return <CellBadge color={active ? 'teal' : 'gray'}>{active ? t('active') : t('inactive')}</CellBadge>;
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
