// Lists many screens look things up in (pickers, names in tables): one query each, cached once for all.
import { useApiQuery } from './query';

/** Every user, for pickers and names (Admin › Users, owners of vans, history filters). */
export const useUsers = () => useApiQuery(['users'], 'users.list', {});

/** The active internal locations (warehouses, shelves, vans, returns), for pickers. */
export const useInternalLocations = () => useApiQuery(['locations'], 'locations.list', { includeVirtual: false, includeInactive: false });
