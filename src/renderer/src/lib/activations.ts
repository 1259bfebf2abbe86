// Which modules are switched on (Admin › Activations), for hiding what belongs to one that is off: its
// screens and navigation entries (FeatureRoute.module), and the buttons of other screens that would call
// its channels (the door refuses them with MODULE_DISABLED anyway). Until the answer arrives every module
// counts as on: the answer is started with the sign-in (routes.tsx prefetchHome), so it rarely waits.
import type { QueryClient } from '@tanstack/react-query';
import { allActive, type Activations, type Module } from '@shared/contract/modules';
import type { User } from '@shared/contract/auth';
import type { FeatureRoute } from './feature';
import { startApiQuery, useApiQuery } from './query';
import { can } from './session';

export const useActivations = (): Activations => useApiQuery(['settings'], 'activations.get', {}).data ?? allActive;
export const useModuleOn = (module: Module): boolean => useActivations()[module];
export const startActivations = (client: QueryClient) => startApiQuery(client, ['settings'], 'activations.get', {});

/** The user may open the screen: they hold its permission and its module is on. */
export function mayOpen(user: User | null, activations: Activations, route: Pick<FeatureRoute, 'permission' | 'module'>): boolean {
  return can(user, route.permission) && (route.module === undefined || activations[route.module]);
}
