// Every screen of the app: the features' FeatureRoute lists, in navigation order. A route the user
// lacks the permission for says so instead of rendering a screen whose calls would be refused. Each
// screen's code loads when it is first opened; once the shell is idle, the screens the user may open
// are loaded ahead one by one, so a click in the navigation does not wait for code.
import type { QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import type { User } from '@shared/contract/auth';
import { adminRoutes } from '../features/admin';
import { catalogRoutes } from '../features/catalog';
import { helpRoutes } from '../features/help';
import { importRoutes } from '../features/imports';
import { locationRoutes } from '../features/locations';
import { purchasingRoutes } from '../features/purchasing';
import { salesRoutes } from '../features/sales';
import { stockRoutes } from '../features/stock';
import type { FeatureRoute } from '../lib/feature';
import { whenIdle } from '../lib/idle';
import { can, useSession } from '../lib/session';
import { mayOpen, startActivations, useActivations } from '../lib/activations';
import { allActive, type Activations } from '@shared/contract/modules';
import { FormatProvider, startSettings } from '../lib/useFormat';
import { NoAccess } from './NoAccess';
import { ScreenBoundary } from './ScreenBoundary';

export const featureRoutes: FeatureRoute[] = [...stockRoutes, ...purchasingRoutes, ...salesRoutes, ...locationRoutes, ...catalogRoutes, ...adminRoutes, ...importRoutes, ...helpRoutes];

export const navGroups = ['inventory', 'purchasing', 'sales', 'catalog', 'admin'] as const;

/** Where "/" leads: the stocked items list when the user may see it, else the first screen they may use. */
export function homePath(user: User | null, activations: Activations = allActive): string {
  const preferred = ['/stock/items', '/locations'];
  for (const path of preferred) {
    const route = featureRoutes.find((r) => r.path === path);
    if (route && mayOpen(user, activations, route)) return path;
  }
  return featureRoutes.find((r) => r.navLabelKey && mayOpen(user, activations, r))?.path ?? '/catalog/products';
}

/** Starts loading the code of the screen `path` leads to (the home screen while signing in). */
export function preloadScreen(path: string): void {
  // A failure is left to the screen's own load, when it is opened.
  void featureRoutes.find((r) => r.path === path)?.page.preload().catch(() => undefined);
}

/** Starts what the screen at `path` will ask for first, with its code (a click in the navigation, a sign-in). */
export function prefetchScreen(path: string, client: QueryClient): void {
  preloadScreen(path);
  featureRoutes.find((r) => r.path === path)?.prefetch?.(client);
}

/** As the user signs in: the home screen's code and first queries, and the office's formats every screen reads. */
export function prefetchHome(user: User, client: QueryClient): void {
  prefetchScreen(homePath(user), client);
  startSettings(client);
  startActivations(client);
}

/** Loads the code of every screen the user may open, one per idle moment, while the shell is shown. */
function usePreloadScreens(user: User | null): void {
  useEffect(() => {
    const pending = featureRoutes.filter((r) => can(user, r.permission));
    let cancel = () => {};
    let stopped = false;
    const next = () => {
      const route = pending.shift();
      if (!route || stopped) return;
      cancel = whenIdle(() => {
        // A failed load is retried when the screen is opened; the others go on.
        route.page.preload().then(next, next);
      });
    };
    next();
    return () => {
      stopped = true;
      cancel();
    };
  }, [user]);
}

export function AppRoutes() {
  const user = useSession((s) => s.user);
  const activations = useActivations();
  const home = homePath(user, activations);
  usePreloadScreens(user);
  return (
    <FormatProvider>
      <ScreenBoundary>
        <Routes>
          {featureRoutes.map((route) => (
            <Route
              key={route.path}
              path={route.path}
              element={mayOpen(user, activations, route) ? <route.page.Component /> : <NoAccess home={home} moduleOff={can(user, route.permission) ? route.module : undefined} />}
            />
          ))}
          <Route path="*" element={<Navigate to={home} replace />} />
        </Routes>
      </ScreenBoundary>
    </FormatProvider>
  );
}
