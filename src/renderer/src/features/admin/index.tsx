import { IconDatabaseExport, IconSettings, IconShieldCheck, IconUsers } from '@tabler/icons-react';
import type { FeatureRoute } from '@renderer/lib/feature';
import { BackupsPage } from './backups/BackupsPage';
import { IntegrityPage } from './IntegrityPage';
import { SettingsPage } from './SettingsPage';
import { UsersPage } from './UsersPage';

export const adminRoutes: FeatureRoute[] = [
  { path: '/admin/users', element: <UsersPage />, navLabelKey: 'admin:nav.users', navIcon: IconUsers, navGroup: 'admin', permission: 'admin' },
  { path: '/admin/settings', element: <SettingsPage />, navLabelKey: 'admin:nav.settings', navIcon: IconSettings, navGroup: 'admin', permission: 'admin' },
  { path: '/admin/integrity', element: <IntegrityPage />, navLabelKey: 'admin:nav.integrity', navIcon: IconShieldCheck, navGroup: 'admin', permission: 'admin' },
  { path: '/admin/backups', element: <BackupsPage />, navLabelKey: 'backups:nav', navIcon: IconDatabaseExport, navGroup: 'admin', permission: 'admin' },
];
