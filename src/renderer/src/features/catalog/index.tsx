import { IconBuilding, IconCategory, IconPackage } from '@tabler/icons-react';
import { lazyPage, type FeatureRoute } from '@renderer/lib/feature';
import { startCompaniesScreen, startProductsScreen } from './api';

/** Each screen's code is a chunk of its own, loaded when the screen is first opened (lib/feature.ts). */
const pages = {
  CategoriesPage: lazyPage(() => import('./CategoriesPage'), 'CategoriesPage'),
  CompaniesPage: lazyPage(() => import('./CompaniesPage'), 'CompaniesPage'),
  ProductPage: lazyPage(() => import('./ProductPage'), 'ProductPage'),
  ProductsPage: lazyPage(() => import('./ProductsPage'), 'ProductsPage'),
};

export const catalogRoutes: FeatureRoute[] = [
  { path: '/catalog/products', page: pages.ProductsPage, navLabelKey: 'catalog:nav.products', navIcon: IconPackage, navGroup: 'catalog', permission: 'inventory.view', prefetch: startProductsScreen },
  { path: '/catalog/products/:id', page: pages.ProductPage, permission: 'inventory.view' },
  { path: '/catalog/categories', page: pages.CategoriesPage, navLabelKey: 'catalog:nav.categories', navIcon: IconCategory, navGroup: 'catalog', permission: 'inventory.view' },
  { path: '/catalog/companies', page: pages.CompaniesPage, navLabelKey: 'catalog:nav.companies', navIcon: IconBuilding, navGroup: 'catalog', permission: 'inventory.view', prefetch: startCompaniesScreen },
];
