// How a server-paged list starts (its sort and page size) in a module of its own, without the table's
// code: the screen's table (useServerTable) and the route's prefetch (FeatureRoute.prefetch) read the
// same constant, so the query started with the click is the very one the screen makes.

export const DEFAULT_PAGE_SIZE = 50;

export interface TableStart<S extends string> {
  sortBy: S;
  sortDirection?: 'asc' | 'desc';
  pageSize?: number;
}

/** The paging part of a list's first query, as useServerTable(start) sends it. */
export function firstPageOf<S extends string>(start: TableStart<S>): { page: 1; pageSize: number; sortBy: S; sortDirection: 'asc' | 'desc' } {
  return { page: 1, pageSize: start.pageSize ?? DEFAULT_PAGE_SIZE, sortBy: start.sortBy, sortDirection: start.sortDirection ?? 'asc' };
}
