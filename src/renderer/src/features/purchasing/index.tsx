import { IconChecklist, IconFileInvoice, IconPackageExport, IconTruckDelivery, IconTrendingDown } from '@tabler/icons-react';
import { lazyPage, type FeatureRoute } from '@renderer/lib/feature';
import { startOrdersScreen, startReceivingScreen, startVendorReturnsScreen } from './api';

/** Each screen's code is a chunk of its own, loaded when the screen is first opened (lib/feature.ts). */
const pages = {
  ApprovalsPage: lazyPage(() => import('./orders/ApprovalsPage'), 'ApprovalsPage'),
  NewPurchaseOrderPage: lazyPage(() => import('./orders/NewPurchaseOrderPage'), 'NewPurchaseOrderPage'),
  PurchaseOrderPage: lazyPage(() => import('./orders/PurchaseOrderPage'), 'PurchaseOrderPage'),
  PurchaseOrdersPage: lazyPage(() => import('./orders/PurchaseOrdersPage'), 'PurchaseOrdersPage'),
  ReorderSuggestionsPage: lazyPage(() => import('./orders/ReorderSuggestionsPage'), 'ReorderSuggestionsPage'),
  ReceivingPage: lazyPage(() => import('./receiving/ReceivingPage'), 'ReceivingPage'),
  VendorReturnsPage: lazyPage(() => import('./vendorReturns/VendorReturnsPage'), 'VendorReturnsPage'),
  VendorReturnPage: lazyPage(() => import('./vendorReturns/VendorReturnPage'), 'VendorReturnPage'),
  NewVendorReturnPage: lazyPage(() => import('./vendorReturns/NewVendorReturnPage'), 'NewVendorReturnPage'),
};

/** The purchasing screens; each route's permission is the one of the channel the screen cannot work without. */
export const purchasingRoutes: FeatureRoute[] = [
  { path: '/purchasing/orders', page: pages.PurchaseOrdersPage, navLabelKey: 'purchasing:nav.orders', navIcon: IconFileInvoice, navGroup: 'purchasing', permission: 'inventory.view', module: 'inventory', prefetch: startOrdersScreen },
  { path: '/purchasing/orders/new', page: pages.NewPurchaseOrderPage, permission: 'purchasing.manage', module: 'inventory' },
  { path: '/purchasing/orders/:id', page: pages.PurchaseOrderPage, permission: 'inventory.view', module: 'inventory' },
  { path: '/purchasing/suggestions', page: pages.ReorderSuggestionsPage, navLabelKey: 'purchasing:nav.suggestions', navIcon: IconTrendingDown, navGroup: 'purchasing', permission: 'purchasing.manage', module: 'inventory' },
  { path: '/purchasing/approvals', page: pages.ApprovalsPage, navLabelKey: 'purchasing:nav.approvals', navIcon: IconChecklist, navGroup: 'purchasing', permission: 'purchasing.approve', module: 'procurement', queue: 'approvals' },
  { path: '/purchasing/receiving', page: pages.ReceivingPage, navLabelKey: 'purchasing:nav.receiving', navIcon: IconTruckDelivery, navGroup: 'purchasing', permission: 'purchasing.receive', module: 'inventory', prefetch: startReceivingScreen, queue: 'receiving' },
  { path: '/purchasing/vendor-returns', page: pages.VendorReturnsPage, navLabelKey: 'purchasing:nav.vendorReturns', navIcon: IconPackageExport, navGroup: 'purchasing', permission: 'inventory.view', module: 'inventory', prefetch: startVendorReturnsScreen },
  { path: '/purchasing/vendor-returns/new', page: pages.NewVendorReturnPage, permission: 'purchasing.manage', module: 'inventory' },
  { path: '/purchasing/vendor-returns/:id', page: pages.VendorReturnPage, permission: 'inventory.view', module: 'inventory' },
];
