import { IconMapPin } from '@tabler/icons-react';
import { lazyPage, type FeatureRoute } from '@renderer/lib/feature';
import { startInternalLocations } from '@renderer/lib/lookups';

/** Each screen's code is a chunk of its own, loaded when the screen is first opened (lib/feature.ts). */
const pages = {
  LocationsPage: lazyPage(() => import('./LocationsPage'), 'LocationsPage'),
};

export const locationRoutes: FeatureRoute[] = [
  { path: '/locations', page: pages.LocationsPage, navLabelKey: 'locations:nav', navIcon: IconMapPin, navGroup: 'inventory', permission: 'inventory.view', module: 'inventory', prefetch: startInternalLocations },
];
