import { lazyPage, type FeatureRoute } from '@renderer/lib/feature';

/** The user guide, opened from the user menu (Help); its code, the guide and its pictures load with it. */
const pages = {
  HelpPage: lazyPage(() => import('./HelpPage'), 'HelpPage'),
};

export const HELP_PATH = '/help';

export const helpRoutes: FeatureRoute[] = [{ path: HELP_PATH, page: pages.HelpPage, permission: 'signedIn' }];
