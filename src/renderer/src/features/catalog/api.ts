// Calls of the catalogue screens, keyed under ['catalog']. Writes refetch every query (the default):
// product names and SKUs appear on stock screens too.
import type { ChannelInput } from '@shared/contract';
import { useApiMutation, useApiQuery } from '@renderer/lib/query';

const catalog = ['catalog'];
const paged = { keepPrevious: true };
const quiet = { silentError: true } as const;

export const useProducts = (input: ChannelInput<'catalog.listProducts'>) => useApiQuery(catalog, 'catalog.listProducts', input, paged);
export const useProduct = (id: number | null) => useApiQuery(catalog, 'catalog.getProduct', { id: id ?? 0 }, { enabled: id !== null });
export const useCategories = () => useApiQuery(catalog, 'catalog.listCategories', {});
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
