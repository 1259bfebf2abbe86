import { IconBuilding, IconCategory, IconPackage } from '@tabler/icons-react';
import type { FeatureRoute } from '@renderer/lib/feature';
import { CategoriesPage } from './CategoriesPage';
import { CompaniesPage } from './CompaniesPage';
import { ProductPage } from './ProductPage';
import { ProductsPage } from './ProductsPage';

export const catalogRoutes: FeatureRoute[] = [
  { path: '/catalog/products', element: <ProductsPage />, navLabelKey: 'catalog:nav.products', navIcon: IconPackage, navGroup: 'catalog', permission: 'inventory.view' },
  { path: '/catalog/products/:id', element: <ProductPage />, permission: 'inventory.view' },
  { path: '/catalog/categories', element: <CategoriesPage />, navLabelKey: 'catalog:nav.categories', navIcon: IconCategory, navGroup: 'catalog', permission: 'inventory.view' },
  { path: '/catalog/companies', element: <CompaniesPage />, navLabelKey: 'catalog:nav.companies', navIcon: IconBuilding, navGroup: 'catalog', permission: 'inventory.view' },
];
