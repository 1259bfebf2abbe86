import { IconArrowsExchange, IconBarcode, IconCar, IconClipboardList, IconHistory, IconPackages, IconReportMoney } from '@tabler/icons-react';
import { lazyPage, type FeatureRoute } from '@renderer/lib/feature';
import { startCountsScreen, startHistoryScreen, startItemsScreen, startLotsScreen, startTransfersScreen } from './api';

/** Each screen's code is a chunk of its own, loaded when the screen is first opened (lib/feature.ts). */
const pages = {
  CountPage: lazyPage(() => import('./counts/CountPage'), 'CountPage'),
  CountsPage: lazyPage(() => import('./counts/CountsPage'), 'CountsPage'),
  HistoryPage: lazyPage(() => import('./history/HistoryPage'), 'HistoryPage'),
  ItemsPage: lazyPage(() => import('./items/ItemsPage'), 'ItemsPage'),
  LotsPage: lazyPage(() => import('./lots/LotsPage'), 'LotsPage'),
  MyVanPage: lazyPage(() => import('./myVan/MyVanPage'), 'MyVanPage'),
  NewTransferPage: lazyPage(() => import('./transfers/NewTransferPage'), 'NewTransferPage'),
  TransfersPage: lazyPage(() => import('./transfers/TransfersPage'), 'TransfersPage'),
  TransferPage: lazyPage(() => import('./transfers/TransferPage'), 'TransferPage'),
  ValuePage: lazyPage(() => import('./value/ValuePage'), 'ValuePage'),
};

/** The stock screens; each route's permission is the one of the channel the screen cannot work without. */
export const stockRoutes: FeatureRoute[] = [
  { path: '/stock/items', page: pages.ItemsPage, navLabelKey: 'stock:nav.items', navIcon: IconPackages, navGroup: 'inventory', permission: 'inventory.view', module: 'inventory', prefetch: startItemsScreen },
  { path: '/stock/lots', page: pages.LotsPage, navLabelKey: 'stock:nav.lots', navIcon: IconBarcode, navGroup: 'inventory', permission: 'inventory.view', module: 'inventory', prefetch: startLotsScreen },
  { path: '/stock/my-van', page: pages.MyVanPage, navLabelKey: 'stock:nav.myVan', navIcon: IconCar, navGroup: 'inventory', permission: 'inventory.view', module: 'inventory' },
  { path: '/stock/transfers', page: pages.TransfersPage, navLabelKey: 'stock:nav.transfers', navIcon: IconArrowsExchange, navGroup: 'inventory', permission: 'inventory.view', module: 'inventory', prefetch: startTransfersScreen },
  { path: '/stock/transfers/new', page: pages.NewTransferPage, permission: 'stock.transfer', module: 'inventory' },
  { path: '/stock/transfers/:id', page: pages.TransferPage, permission: 'inventory.view', module: 'inventory' },
  { path: '/stock/counts', page: pages.CountsPage, navLabelKey: 'stock:nav.counts', navIcon: IconClipboardList, navGroup: 'inventory', permission: 'inventory.view', module: 'inventory', prefetch: startCountsScreen },
  { path: '/stock/counts/:id', page: pages.CountPage, permission: 'inventory.view', module: 'inventory' },
  { path: '/stock/history', page: pages.HistoryPage, navLabelKey: 'stock:nav.history', navIcon: IconHistory, navGroup: 'inventory', permission: 'inventory.view', module: 'inventory', prefetch: startHistoryScreen },
  { path: '/stock/value', page: pages.ValuePage, navLabelKey: 'stock:nav.value', navIcon: IconReportMoney, navGroup: 'inventory', permission: 'costs.view', module: 'inventory' },
];
