// Lists many screens look things up in (pickers, names in tables): one query each, cached once for all.
import type { QueryClient } from '@tanstack/react-query';
import { startApiQuery, useApiQuery } from './query';

/** Every user, for pickers and names (Admin › Users, owners of vans, history filters). */
export const useUsers = () => useApiQuery(['users'], 'users.list', {});
/** Starts useUsers' query ahead of the screen (a route's prefetch). */
export const startUsers = (client: QueryClient) => startApiQuery(client, ['users'], 'users.list', {});

/** The active internal locations (warehouses, shelves, vans, returns), for pickers. */
const internalLocations = { includeVirtual: false, includeInactive: false };
export const useInternalLocations = (enabled = true) => useApiQuery(['locations'], 'locations.list', internalLocations, { enabled });
/** Starts useInternalLocations' query ahead of the screen (a route's prefetch). */
export const startInternalLocations = (client: QueryClient) => startApiQuery(client, ['locations'], 'locations.list', internalLocations);

/** The approval tiers (Admin › Settings), for user forms and Purchase Approvals; Procurement's, so asked for only while it is on. */
export const useApprovalLimits = (enabled = true) => useApiQuery(['users'], 'purchasing.listApprovalLimits', {}, { enabled });
