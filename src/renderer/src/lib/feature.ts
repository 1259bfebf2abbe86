import type { ComponentType, ReactElement } from 'react';
import type { ChannelPermission } from '@shared/contract/define';

/** A screen a feature contributes to the shell: its route, its navigation entry and who may see it. */
export interface FeatureRoute {
  /** Hash-router path, e.g. "/stock/items" (may contain :params for detail screens). */
  path: string;
  element: ReactElement;
  /** i18n key of the navigation label; routes without one are not listed in the navigation. */
  navLabelKey?: string;
  navIcon?: ComponentType<{ size?: number | string; stroke?: number }>;
  /** Navigation group: inventory, purchasing, catalog, admin. */
  navGroup?: 'inventory' | 'purchasing' | 'catalog' | 'admin';
  permission: ChannelPermission;
}
