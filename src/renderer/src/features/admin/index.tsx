import { IconBellCog, IconChecklist, IconToggleRight, IconDatabaseExport, IconSettings, IconShieldCheck, IconShieldLock, IconUsers } from '@tabler/icons-react';
import { lazyPage, type FeatureRoute } from '@renderer/lib/feature';

/** Each screen's code is a chunk of its own, loaded when the screen is first opened (lib/feature.ts). */
const pages = {
  BackupsPage: lazyPage(() => import('./backups/BackupsPage'), 'BackupsPage'),
  SetupPage: lazyPage(() => import('./SetupPage'), 'SetupPage'),
  IntegrityPage: lazyPage(() => import('./IntegrityPage'), 'IntegrityPage'),
  SettingsPage: lazyPage(() => import('./SettingsPage'), 'SettingsPage'),
  UsersPage: lazyPage(() => import('./UsersPage'), 'UsersPage'),
  RolesPage: lazyPage(() => import('./RolesPage'), 'RolesPage'),
  ActivationsPage: lazyPage(() => import('./ActivationsPage'), 'ActivationsPage'),
  NotificationsPage: lazyPage(() => import('./NotificationsPage'), 'NotificationsPage'),
};

export const adminRoutes: FeatureRoute[] = [
  { path: '/admin/setup', page: pages.SetupPage, navLabelKey: 'admin:nav.setup', navIcon: IconChecklist, navGroup: 'admin', permission: 'admin' },
  { path: '/admin/users', page: pages.UsersPage, navLabelKey: 'admin:nav.users', navIcon: IconUsers, navGroup: 'admin', permission: 'admin' },
  { path: '/admin/roles', page: pages.RolesPage, navLabelKey: 'admin:nav.roles', navIcon: IconShieldLock, navGroup: 'admin', permission: 'admin' },
  { path: '/admin/settings', page: pages.SettingsPage, navLabelKey: 'admin:nav.settings', navIcon: IconSettings, navGroup: 'admin', permission: 'admin' },
  { path: '/admin/notifications', page: pages.NotificationsPage, navLabelKey: 'admin:nav.notifications', navIcon: IconBellCog, navGroup: 'admin', permission: 'admin' },
  { path: '/admin/activations', page: pages.ActivationsPage, navLabelKey: 'admin:nav.activations', navIcon: IconToggleRight, navGroup: 'admin', permission: 'admin' },
  { path: '/admin/integrity', page: pages.IntegrityPage, navLabelKey: 'admin:nav.integrity', navIcon: IconShieldCheck, navGroup: 'admin', permission: 'admin', module: 'inventory' },
  { path: '/admin/backups', page: pages.BackupsPage, navLabelKey: 'backups:nav', navIcon: IconDatabaseExport, navGroup: 'admin', permission: 'admin' },
];
