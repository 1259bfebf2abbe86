import { IconFileImport } from '@tabler/icons-react';
import { lazyPage, type FeatureRoute } from '@renderer/lib/feature';

const pages = {
  ImportPage: lazyPage(() => import('./ImportPage'), 'ImportPage'),
};

/** Admin › Import from CSV: open to whoever may create one of the kinds (the page offers only those). */
export const importRoutes: FeatureRoute[] = [{ path: '/admin/import', page: pages.ImportPage, navLabelKey: 'imports:nav', navIcon: IconFileImport, navGroup: 'admin', permission: 'catalog.manage' }];
