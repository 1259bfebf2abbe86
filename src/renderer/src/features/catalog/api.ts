// Calls of the catalogue screens, keyed under ['catalog']. Writes refetch every query (the default):
// product names and SKUs appear on stock screens too.
import type { ChannelInput } from '@shared/contract';
import { screenQueries, startApiQuery, useApiMutation, useApiQuery } from '@renderer/lib/query';
import { firstPageOf, type TableStart } from '@renderer/lib/list/firstPage';

const catalog = ['catalog'];
const paged = { keepPrevious: true };
const quiet = { silentError: true } as const;

export const useProducts = (input: ChannelInput<'catalog.listProducts'>) => useApiQuery(catalog, 'catalog.listProducts', input, paged);
export const useProduct = (id: number | null) => useApiQuery(catalog, 'catalog.getProduct', { id: id ?? 0 }, { enabled: id !== null });
export const useCategories = () => useApiQuery(catalog, 'catalog.listCategories', {});

// How the products and companies lists start, and their screens' first queries (FeatureRoute.prefetch):
// the first page with the filters at rest (active products; every company, active ones).
export const PRODUCTS_TABLE = { sortBy: 'name' } as const satisfies TableStart<string>;
export const PRODUCTS_RESTING_FILTERS = { active: true } as const;
export const COMPANIES_TABLE = { sortBy: 'name' } as const satisfies TableStart<string>;
export const COMPANIES_RESTING_FILTERS = { role: 'any', includeInactive: false } as const;
export const startProductsScreen = screenQueries(catalog, 'catalog.listProducts', { ...firstPageOf(PRODUCTS_TABLE), ...PRODUCTS_RESTING_FILTERS }, (client) =>
  startApiQuery(client, catalog, 'catalog.listCategories', {}),
);
export const startCompaniesScreen = screenQueries(catalog, 'catalog.listCompanies', { ...firstPageOf(COMPANIES_TABLE), ...COMPANIES_RESTING_FILTERS });
export const useCompanies = (input: ChannelInput<'catalog.listCompanies'>) => useApiQuery(catalog, 'catalog.listCompanies', input, paged);
export const useCompany = (id: number | null) => useApiQuery(catalog, 'catalog.getCompany', { id: id ?? 0 }, { enabled: id !== null });
export const useProductVendors = (productId: number) => useApiQuery(catalog, 'catalog.listProductVendors', { productId });
export const useProductStock = (productId: number) =>
  useApiQuery(['stock'], 'stock.listInventoryProducts', { productId, pageSize: 200, sortBy: 'locationName' });

export const useCreateProduct = () => useApiMutation('catalog.createProduct', { ...quiet, successKey: 'catalog:products.created' });
export const useUpdateProduct = () => useApiMutation('catalog.updateProduct', { ...quiet, successKey: 'catalog:products.saved' });
export const useSaveCategory = () => useApiMutation('catalog.saveCategory', { ...quiet, successKey: 'catalog:categories.saved' });
export const useCreateCompany = () => useApiMutation('catalog.createCompany', { ...quiet, successKey: 'catalog:companies.saved' });
export const useUpdateCompany = () => useApiMutation('catalog.updateCompany', { ...quiet, successKey: 'catalog:companies.saved' });
export const useSaveProductVendor = () => useApiMutation('catalog.saveProductVendor', { ...quiet, successKey: 'catalog:vendors.saved' });
export const useRemoveProductVendor = () => useApiMutation('catalog.removeProductVendor', { successKey: 'catalog:vendors.removed' });
