import type { catalogContract } from '@shared/contract/catalog';
import type { locationsContract } from '@shared/contract/locations';
import { listCategories, saveCategory } from '../domain/catalog/categories';
import { createCompany, getCompany, listCompanies, updateCompany } from '../domain/catalog/companies';
import { listProducts } from '../domain/catalog/productList';
import { createProduct, getProduct, listProductVendors, removeProductVendor, saveProductVendor, updateProduct } from '../domain/catalog/products';
import { createLocation, listLocations, setDefaultLocation, setLocationActive, updateLocation } from '../domain/locations/locations';
import type { PartialHandlerTable } from './types';

export const catalogHandlers: PartialHandlerTable<keyof typeof catalogContract | keyof typeof locationsContract> = {
  'locations.list': (input, { ctx }) => listLocations(ctx, input),
  'locations.create': (input, { ctx }) => createLocation(ctx, input),
  'locations.update': (input, { ctx }) => updateLocation(ctx, input),
  'locations.setDefault': (input, { ctx }) => setDefaultLocation(ctx, input.id),
  'locations.setActive': (input, { ctx }) => setLocationActive(ctx, input.id, input.active),
  'catalog.listCategories': (_input, { ctx }) => listCategories(ctx),
  'catalog.saveCategory': (input, { ctx }) => saveCategory(ctx, input),
  'catalog.listCompanies': (input, { ctx }) => listCompanies(ctx, input),
  'catalog.getCompany': (input, { ctx }) => getCompany(ctx, input.id),
  'catalog.createCompany': (input, { ctx }) => createCompany(ctx, input),
  'catalog.updateCompany': (input, { ctx }) => updateCompany(ctx, input),
  'catalog.listProducts': (input, { ctx }) => listProducts(ctx, input),
  'catalog.getProduct': (input, { ctx }) => getProduct(ctx, input.id),
  'catalog.createProduct': (input, { ctx }) => createProduct(ctx, input),
  'catalog.updateProduct': (input, { ctx }) => updateProduct(ctx, input),
  'catalog.listProductVendors': (input, { ctx }) => listProductVendors(ctx, input.productId),
  'catalog.saveProductVendor': (input, { ctx }) => saveProductVendor(ctx, input),
  'catalog.removeProductVendor': (input, { ctx }) => {
    removeProductVendor(ctx, input.id);
    return { ok: true as const };
  },
};
