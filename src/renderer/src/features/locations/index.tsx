import { IconMapPin } from '@tabler/icons-react';
import type { FeatureRoute } from '@renderer/lib/feature';
import { LocationsPage } from './LocationsPage';

export const locationRoutes: FeatureRoute[] = [
  { path: '/locations', element: <LocationsPage />, navLabelKey: 'locations:nav', navIcon: IconMapPin, navGroup: 'inventory', permission: 'inventory.view' },
];
