// Every screen of the app: the features' FeatureRoute lists, in navigation order. A route the user
// lacks the permission for says so instead of rendering a screen whose calls would be refused.
import { Navigate, Route, Routes } from 'react-router';
import type { User } from '@shared/contract/auth';
import { adminRoutes } from '../features/admin';
import { catalogRoutes } from '../features/catalog';
import { locationRoutes } from '../features/locations';
import { purchasingRoutes } from '../features/purchasing';
import { stockRoutes } from '../features/stock';
import type { FeatureRoute } from '../lib/feature';
import { can, useSession } from '../lib/session';
import { NoAccess } from './NoAccess';

export const featureRoutes: FeatureRoute[] = [...stockRoutes, ...purchasingRoutes, ...locationRoutes, ...catalogRoutes, ...adminRoutes];

export const navGroups = ['inventory', 'purchasing', 'catalog', 'admin'] as const;

/** Where "/" leads: the stocked items list when the user may see it, else the first screen they may use. */
export function homePath(user: User | null): string {
  const preferred = ['/stock/items', '/locations'];
  for (const path of preferred) {
    const route = featureRoutes.find((r) => r.path === path);
    if (route && can(user, route.permission)) return path;
  }
  return featureRoutes.find((r) => r.navLabelKey && can(user, r.permission))?.path ?? '/locations';
}

export function AppRoutes() {
  const user = useSession((s) => s.user);
  const home = homePath(user);
  return (
    <Routes>
      {featureRoutes.map((route) => (
        <Route key={route.path} path={route.path} element={can(user, route.permission) ? route.element : <NoAccess home={home} />} />
      ))}
      <Route path="*" element={<Navigate to={home} replace />} />
    </Routes>
  );
}
